using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace OneStop.NationalServices.Mock;

/// <summary>
/// The national databases as a province reaches them through its LGSP gateway: the population database
/// (<c>GET /lgsp/dancu/v1/congdan/{soDinhDanh}?mucDich=</c>) and the business registration database
/// (<c>GET /lgsp/dkdn/v1/doanhnghiep/{maSoThue}?mucDich=</c>). The consumer key travels in <c>X-Lgsp-Key</c>, and
/// every call states its purpose (<c>mucDich</c>) and the officer (<c>X-Nguoi-Tra-Cuu</c>), as Decree 13/2023 on
/// personal data asks of whoever processes it. Answers: <c>{ maKetQua: "0", congDan | doanhNghiep }</c>; unknown →
/// 404 <c>{ maKetQua: "404", moTa }</c>; no or wrong key → 401; no purpose → 400; faults → 503.
/// </summary>
public static class MockRegistryEndpoints
{
    public const string KeyHeader = "X-Lgsp-Key";
    public const string OfficerHeader = "X-Nguoi-Tra-Cuu";

    internal static void Map(RouteGroupBuilder lgsp)
    {
        lgsp.MapGet("/dancu/v1/congdan/{soDinhDanh}", (string soDinhDanh, string? mucDich, HttpRequest request, IOptions<MockNationalOptions> options) =>
                Answer(request, options, mucDich, NationalTestData.People.FirstOrDefault(p => p.SoDinhDanh == soDinhDanh), "congDan",
                    $"Không có công dân có số định danh {soDinhDanh} trong CSDLQG về dân cư."))
            .AddEndpointFilter(MockNationalEndpoints.Faulty(NationalServiceNames.Population, Unavailable("CSDLQG về dân cư")));
        lgsp.MapGet("/dkdn/v1/doanhnghiep/{maSoThue}", (string maSoThue, string? mucDich, HttpRequest request, IOptions<MockNationalOptions> options) =>
                Answer(request, options, mucDich, NationalTestData.Businesses.FirstOrDefault(b => b.MaSoThue == maSoThue), "doanhNghiep",
                    $"Không có doanh nghiệp có mã số {maSoThue} trong CSDLQG về đăng ký doanh nghiệp."))
            .AddEndpointFilter(MockNationalEndpoints.Faulty(NationalServiceNames.Business, Unavailable("CSDLQG về đăng ký doanh nghiệp")));
    }

    private static IResult Answer(HttpRequest request, IOptions<MockNationalOptions> options, string? purpose, object? record, string name, string unknown)
    {
        if (!MockNationalEndpoints.Same(request.Headers[KeyHeader].ToString(), options.Value.Lgsp.ConsumerKey ?? ""))
            return Result(StatusCodes.Status401Unauthorized, "401", $"Thiếu hoặc sai khóa {KeyHeader} của hệ thống kết nối.");
        if (string.IsNullOrWhiteSpace(purpose))
            return Result(StatusCodes.Status400BadRequest, "400", "Phải nêu mục đích khai thác dữ liệu (mucDich).");
        return record is null
            ? Result(StatusCodes.Status404NotFound, "404", unknown)
            : TypedResults.Json(new Dictionary<string, object> { ["maKetQua"] = "0", ["moTa"] = "Thành công", [name] = record }, MockJson.Options);
    }

    private static Func<IResult> Unavailable(string database) =>
        () => Result(StatusCodes.Status503ServiceUnavailable, "503", $"{database} tạm thời không phục vụ (giả lập).");

    private static IResult Result(int status, string code, string message) =>
        TypedResults.Json(new { maKetQua = code, moTa = message }, MockJson.Options, statusCode: status);
}
