using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OneStop.Infrastructure.NationalServices;

/// <summary>
/// The LGSP gateway over HTTP: <c>GET {BaseUrl}{PopulationPath}{id}?mucDich=</c> and <c>{BusinessPath}{taxCode}</c>,
/// with the consumer key in <c>X-Lgsp-Key</c> and the officer in <c>X-Nguoi-Tra-Cuu</c>. 200 is found, 404 not found;
/// anything else — 5xx, a refusal of our key, a timeout, no connection — means the national side cannot answer
/// now, and the caller goes on with papers.
/// </summary>
public sealed class LgspRegistryClient(HttpClient http, IOptionsMonitor<NationalServicesOptions> options, ILogger<LgspRegistryClient> logger)
    : INationalRegistry
{
    public const string KeyHeader = "X-Lgsp-Key";
    public const string OfficerHeader = "X-Nguoi-Tra-Cuu";

    public Task<RegistryAnswer> FindCitizenAsync(string idNumber, LookupCaller caller, CancellationToken ct) =>
        AskAsync(options.CurrentValue.Lgsp.PopulationPath, idNumber, caller, "CSDLQG về dân cư", json =>
            json.GetProperty("congDan").Deserialize<PopulationAnswer>(Json)!.ToRecord(), ct);

    public Task<RegistryAnswer> FindBusinessAsync(string taxCode, LookupCaller caller, CancellationToken ct) =>
        AskAsync(options.CurrentValue.Lgsp.BusinessPath, taxCode, caller, "CSDLQG về đăng ký doanh nghiệp", json =>
            json.GetProperty("doanhNghiep").Deserialize<BusinessAnswer>(Json)!.ToRecord(), ct);

    private async Task<RegistryAnswer> AskAsync(string path, string id, LookupCaller caller, string database,
        Func<JsonElement, NationalRecord> read, CancellationToken ct)
    {
        var settings = options.CurrentValue.Lgsp;
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{path.TrimStart('/')}{Uri.EscapeDataString(id)}?mucDich={Uri.EscapeDataString(caller.Purpose)}");
        request.Headers.Add(KeyHeader, settings.ConsumerKey ?? "");
        request.Headers.Add(OfficerHeader, Uri.EscapeDataString(caller.UserName));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(settings.Timeout);
        try
        {
            using var response = await http.SendAsync(request, timeout.Token);
            if (response.StatusCode == HttpStatusCode.NotFound)
                return new RegistryAnswer(LookupOutcomes.NotFound);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("{Database} answered {Status} to a look-up", database, (int)response.StatusCode);
                return RegistryAnswer.Unavailable($"{database} trả lời lỗi {(int)response.StatusCode}.");
            }
            var json = await response.Content.ReadFromJsonAsync<JsonElement>(Json, timeout.Token);
            return new RegistryAnswer(LookupOutcomes.Found, read(json));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return RegistryAnswer.Unavailable(string.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), $"{database} không trả lời trong {settings.Timeout.TotalSeconds:0.#} giây."));
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            logger.LogWarning(e, "Look-up in {Database} failed", database);
            return RegistryAnswer.Unavailable($"Không kết nối được {database}.");
        }
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record PopulationAnswer(
        [property: JsonPropertyName("soDinhDanh")] string SoDinhDanh, [property: JsonPropertyName("hoVaTen")] string HoVaTen,
        [property: JsonPropertyName("ngaySinh")] string? NgaySinh, [property: JsonPropertyName("gioiTinh")] string? GioiTinh,
        [property: JsonPropertyName("queQuan")] string? QueQuan, [property: JsonPropertyName("noiThuongTru")] string? NoiThuongTru,
        [property: JsonPropertyName("noiOHienTai")] string? NoiOHienTai)
    {
        public NationalRecord ToRecord() => new(Domain.Definitions.NationalDatabases.Population, SoDinhDanh, HoVaTen, NoiThuongTru,
            NgaySinh, GioiTinh, QueQuan, NoiOHienTai);
    }

    private sealed record BusinessAnswer(
        [property: JsonPropertyName("maSoThue")] string MaSoThue, [property: JsonPropertyName("tenDoanhNghiep")] string TenDoanhNghiep,
        [property: JsonPropertyName("loaiHinh")] string? LoaiHinh, [property: JsonPropertyName("diaChiTruSo")] string? DiaChiTruSo,
        [property: JsonPropertyName("nguoiDaiDien")] string? NguoiDaiDien, [property: JsonPropertyName("ngayCapMaSo")] string? NgayCapMaSo,
        [property: JsonPropertyName("tinhTrang")] string? TinhTrang)
    {
        public NationalRecord ToRecord() => new(Domain.Definitions.NationalDatabases.Business, MaSoThue, TenDoanhNghiep, DiaChiTruSo,
            Representative: NguoiDaiDien, BusinessType: LoaiHinh, Status: TinhTrang, RegisteredOn: NgayCapMaSo);
    }
}
