using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Api.Tests.Citizens;
using OneStop.Api.Tests.Infrastructure;

namespace OneStop.Api.Tests.Public;

/// <summary>Anyone with a dossier's code and tracking secret sees its progress, and nothing personal.</summary>
public sealed class PublicTrackingTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    public static string Track(string code, string? secret) =>
        secret is null ? $"/api/public/dossiers/{Uri.EscapeDataString(code)}" : $"/api/public/dossiers/{Uri.EscapeDataString(code)}?secret={Uri.EscapeDataString(secret)}";

    private const string SupplementComment = "Ông Nguyễn Văn Công Dân bổ sung giấy chứng sinh bản rõ nét.";

    /// <summary>An online dossier that went through a supplement request and is now with the specialist's leader.</summary>
    private async Task<(string Code, string Secret)> DossierUnderWayAsync()
    {
        var citizen = await factory.SignInAsync("congdan");
        var submitted = await citizen.SubmitBirthRegistrationOnlineAsync();
        var code = submitted.Str("code");
        var reception = await factory.SignInAsync("tiepnhan.xa");
        await reception.ActAsync(code, "request-supplement", new { comment = SupplementComment, items = new[] { new { code = "GCS", reason = "Bản chính." } } });
        await citizen.ActAsync(code, "supplement", new { documents = new[] { new { code = "GCS", fileId = await citizen.UploadAsync() } } });
        await reception.ActAsync(code, "receive", new { comment = "Tiếp nhận bởi chị Nguyễn Thị Tiếp Nhận" });
        await (await factory.SignInAsync("chuyenvien.xa")).ActAsync(code, "forward", new { comment = "Đã thẩm tra" });
        return (code, submitted.Str("trackingSecret"));
    }

    [Fact]
    public async Task Tracking_shows_status_steps_due_date_and_history_without_personal_data()
    {
        var (code, secret) = await DossierUnderWayAsync();

        var response = await factory.CreateClient().GetAsync(Track(code, secret));
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var json = JsonNode.Parse(text)!;
        Assert.Equal(code, json.Str("code"));
        Assert.Equal("InProgress", json.Str("status"));
        Assert.Equal(4, json["statusCode"]!.GetValue<int>());
        Assert.Equal("Đăng ký khai sinh", json.Str("procedureName"));
        Assert.Equal("Lãnh đạo Ủy ban nhân dân cấp xã ký Giấy khai sinh", json.Str("currentStepName"));
        Assert.Equal("UBND phường Hàm Tiến", json.Str("receivingUnitName"));
        Assert.EndsWith("+07:00", json.Str("dueDate"));
        Assert.EndsWith("+07:00", json.Str("submittedAt"));
        Assert.EndsWith("+07:00", json.Str("receivedAt"));
        Assert.Null(json["resolvedAt"]);

        var history = json["history"]!.AsArray();
        Assert.Equal(["submit", "request-supplement", "supplement", "receive", "forward"], history.Select(e => e.Str("action")));
        Assert.Equal(["Submitted", "SupplementRequested", "Submitted", "Received", "InProgress"], history.Select(e => e.Str("toStatus")));
        Assert.Equal("Công chức tư pháp - hộ tịch thẩm tra, ghi Sổ đăng ký khai sinh, lấy số định danh cá nhân", history[3].Str("stepName"));
        Assert.All(history, e => Assert.Equal("UBND phường Hàm Tiến", e.Str("unitName")));
        Assert.All(history, e => Assert.Equal(["at", "action", "toStatus", "stepName", "unitName"], e!.AsObject().Select(p => p.Key)));

        string[] secrets =
        [
            CitizenClient.CitizenName, Demo.CitizenId, secret, "0987654321", "congdan@example.vn", "Nguyễn Đình Chiểu",
            "congdan", "tiepnhan", "chuyenvien", "lanhdao", "Nguyễn Thị Tiếp Nhận", SupplementComment, "Đã thẩm tra",
            "applicant", "documents", "comment", "actor", "trackingSecret", "fileId",
        ];
        Assert.All(secrets, s => Assert.DoesNotContain(s, text, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_wrong_or_missing_secret_answers_exactly_like_an_unknown_code()
    {
        var (code, secret) = await DossierUnderWayAsync();
        var anonymous = factory.CreateClient();
        var before = await factory.SnapshotAsync();

        var unknown = await ProblemAsync(anonymous, Track(code[..^4] + "9999", secret));
        var wrong = await ProblemAsync(anonymous, Track(code, secret[..^1] + (secret[^1] == 'A' ? 'B' : 'A')));
        var shorter = await ProblemAsync(anonymous, Track(code, secret[..4]));
        var missing = await ProblemAsync(anonymous, Track(code, null));
        var empty = await ProblemAsync(anonymous, Track(code, ""));
        var differentCase = await ProblemAsync(anonymous, Track(code, secret.ToLowerInvariant() == secret ? secret.ToUpperInvariant() : secret.ToLowerInvariant()));

        foreach (var (status, problem) in new[] { wrong, shorter, missing, empty, differentCase })
        {
            Assert.Equal(HttpStatusCode.NotFound, status);
            Assert.Equal(unknown.Status, status);
            Assert.Equal(unknown.Problem.Str("detail"), problem.Str("detail"));
            Assert.Equal(unknown.Problem.Str("title"), problem.Str("title"));
            Assert.Equal(unknown.Problem.Select(p => p.Key).Order(), problem.Select(p => p.Key).Order());
        }
        Assert.DoesNotContain(code, unknown.Problem.ToJsonString());
        Assert.Equal(before, await factory.SnapshotAsync());
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(Track(code, secret))).StatusCode);
    }

    [Fact]
    public async Task Tracking_follows_the_dossier_to_its_return()
    {
        var citizen = await factory.SignInAsync("congdan");
        var submitted = await citizen.SubmitBirthRegistrationOnlineAsync();
        var code = submitted.Str("code");
        var reception = await factory.SignInAsync("tiepnhan.xa");
        await reception.ActAsync(code, "receive");
        await factory.DriveToResolvedAsync(code);
        await reception.ActAsync(code, "return-result");

        var json = await (await factory.CreateClient().GetAsync(Track(code, submitted.Str("trackingSecret")))).ReadJsonAsync();
        Assert.Equal("Returned", json.Str("status"));
        Assert.Equal(10, json["statusCode"]!.GetValue<int>());
        Assert.EndsWith("+07:00", json.Str("resolvedAt"));
        Assert.EndsWith("+07:00", json.Str("returnedAt"));
        Assert.Equal("Trả kết quả", json.Str("currentStepName"));
    }

    [Fact]
    public void Every_public_endpoint_is_rate_limited()
    {
        var endpoints = factory.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/public", StringComparison.OrdinalIgnoreCase) == true)
            .ToList();
        Assert.NotEmpty(endpoints);
        Assert.All(endpoints, e => Assert.True(
            e.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == "public",
            $"{e.RoutePattern.RawText} must use .RequireRateLimiting(RateLimits.Public)"));
    }

    private static async Task<(HttpStatusCode Status, JsonObject Problem)> ProblemAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, await response.ReadJsonAsync());
    }
}
