using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Api.Tests.Citizens;
using OneStop.Api.Tests.Infrastructure;

namespace OneStop.Api.Tests.Authorization;

/// <summary>Runs every row of <see cref="AuthorizationMatrix"/> against the real host, each in a fresh situation.</summary>
public sealed class AuthorizationMatrixTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    private static readonly Dictionary<string, string> Accounts = new()
    {
        ["citizen:owner"] = "congdan",
        ["citizen:other"] = "congdan2",
        ["reception:own"] = "tiepnhan.xa",
        ["specialist:own"] = "chuyenvien.xa",
        ["leader:own"] = "lanhdao.xa",
        ["reception:other"] = "tiepnhan.huyen",
        ["admin"] = "admin",
    };

    public static TheoryData<string> Rows() => new(AuthorizationMatrix.Rules.Select(r => r.ToString()));

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Each_caller_gets_the_status_the_matrix_says(string row)
    {
        var rule = AuthorizationMatrix.Rules.Single(r => r.ToString() == row);
        await factory.CreateCitizenAsync("congdan2", "079203000001", "Trần Thị Công Dân");
        var route = await PrepareAsync(rule);
        var client = rule.Caller == "anonymous" ? factory.CreateClient() : await factory.SignInAsync(Accounts[rule.Caller]);

        using var request = new HttpRequestMessage(new HttpMethod(rule.Method), route.Path) { Content = await BodyAsync(rule, client) };
        if (route.ETag is not null)
            request.Headers.TryAddWithoutValidation("If-Match", route.ETag);
        // Taken after the body is ready (an online body uploads files): a refused write must leave everything else as it was.
        var refusedWrite = rule.Method != "GET" && rule.Expected >= 400;
        var before = refusedWrite ? await factory.SnapshotAsync() : null;
        var response = await client.SendAsync(request);

        Assert.True(rule.Expected == (int)response.StatusCode,
            $"{row}: got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        if (refusedWrite)
            Assert.Equal(before, await factory.SnapshotAsync());
    }

    /// <summary>Every endpoint the host maps (but the mock portal's own) has at least one row.</summary>
    [Fact]
    public void Every_endpoint_of_the_api_is_in_the_matrix()
    {
        _ = factory.CreateClient();
        var mapped = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            // Health checks answer any method; the matrix calls them with GET.
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => $"{m} {Normalize(e.RoutePattern.RawText!)}"))
            .Where(e => !e.Contains(" /portal/", StringComparison.Ordinal) && !e.Contains(" /national/", StringComparison.Ordinal))
            // The API reference UI's own script and icon files are static assets, not API endpoints.
            .Where(e => !(e.StartsWith("GET /scalar/", StringComparison.Ordinal) && (e.EndsWith(".js", StringComparison.Ordinal) || e.EndsWith(".svg", StringComparison.Ordinal))))
            .ToHashSet();
        var covered = AuthorizationMatrix.Rules.Select(r => $"{r.Method} {Normalize(r.Pattern)}").ToHashSet();

        Assert.Empty(mapped.Except(covered).Order());
        Assert.Empty(covered.Except(mapped).Order());
    }

    private static string Normalize(string pattern)
    {
        var withoutConstraints = System.Text.RegularExpressions.Regex.Replace(pattern, @"\{(\w+)(:[^}]+)?(\?)?\}", "{$1$3}");
        return "/" + withoutConstraints.Trim('/') + (pattern.EndsWith('/') ? "/" : "");
    }

    private sealed record PreparedRoute(string Path, string? ETag);

    private async Task<PreparedRoute> PrepareAsync(Rule rule)
    {
        var path = rule.Route;
        string? etag = null;
        if (rule.Setup is "submitted" or "received")
        {
            var citizen = await factory.SignInAsync("congdan");
            var dossier = await citizen.SubmitBirthRegistrationOnlineAsync();
            var code = dossier.Str("code");
            if (rule.Setup == "received")
                await (await factory.SignInAsync("tiepnhan.xa")).ActAsync(code, "receive");
            path = path.Replace("{code}", code).Replace("{secret}", dossier.Str("trackingSecret"));
            // Writes carry the ETag of a fresh read; callers who cannot read must be refused before it matters.
            var (_, tag) = await (await factory.SignInAsync("admin")).GetDossierAsync(code);
            etag = tag;
        }
        if (rule.Setup == "awaiting-payment")
        {
            // A counter residence registration for congdan (20.000 đồng), received and asked to pay.
            var reception = await factory.SignInAsync("tiepnhan.xa");
            var code = (await reception.SubmitAsync(ApiClient.CounterSubmission("cu-tru.dang-ky-thuong-tru", Demo.Commune, ["CT01", "GKS"], form: NationalServices.National.ResidenceWithRelatives))).Str("code");
            await reception.ActAsync(code, "receive");
            await reception.ActAsync(code, "request-payment");
            path = path.Replace("{code}", code);
        }
        if (rule.Setup == "file")
            path = path.Replace("{file}", (await (await factory.SignInAsync("congdan")).UploadAsync()).ToString());
        if (rule.Setup == "portal-link")
        {
            // The link the national portal gets for a paper: made by the delivery, here straight from the service.
            var link = factory.Services.GetRequiredService<OneStop.Infrastructure.NationalPortal.PortalFileLinks>()
                .Create(await (await factory.SignInAsync("congdan")).UploadAsync());
            path = path.Replace("{token}", link[(link.LastIndexOf('/') + 1)..]);
        }
        if (rule.Setup is "draft" or "published")
        {
            var admin = await factory.SignInAsync("admin");
            var id = $"ma-tran.kiem-thu-{Guid.NewGuid():N}"[..40];
            var created = await admin.PostAsync("/api/workflow-definitions", Json(DefinitionJson(id)));
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
            if (rule.Setup == "published")
                Assert.True((await admin.PostAsync($"/api/workflow-definitions/{id}/publish", null)).IsSuccessStatusCode);
            path = path.Replace("{id}", id);
        }
        return new PreparedRoute(path, etag);
    }

    private async Task<HttpContent?> BodyAsync(Rule rule, HttpClient caller) => rule.Body switch
    {
        "" => rule.Method is "POST" or "PUT" ? JsonContent.Create(new { }) : null,
        "token" => JsonContent.Create(new { username = "admin", password = Demo.Password }),
        "calendar" => JsonContent.Create(new { working = false, note = "Nghỉ bù (kiểm thử phân quyền)" }),
        "definition" => Json(DefinitionJson(rule.Setup is "draft" ? null : $"ma-tran.moi-{Guid.NewGuid():N}"[..40])),
        "counter" => JsonContent.Create(ApiClient.CounterSubmission("ho-tich.dang-ky-khai-sinh", Demo.Commune, ["TKKS", "GCS"])),
        "online" => JsonContent.Create(await caller.OnlineSubmissionAsync(CitizenClient.BirthRegistration, Demo.Commune, ["TKKS", "GCS"])),
        "upload" => Pdf(),
        "digitize" => JsonContent.Create(new
        {
            fileId = rule.Caller == "reception:own" ? await caller.UploadAsync() : Guid.NewGuid(),
            fields = new Dictionary<string, string> { ["soGiayChungSinh"] = "GCS-1" },
        }),
        "user" => JsonContent.Create(new
        {
            userName = $"cb{Guid.NewGuid():N}"[..12], fullName = "Cán bộ mới", password = "Moi@Khau2026", roles = new[] { "specialist" }, unitCode = Demo.District,
        }),
        "user-update" => JsonContent.Create(new { fullName = "Hoàng Văn Chuyên (huyện)" }),
        "password-wrong" => JsonContent.Create(new { currentPassword = "Khong@Phai2026", newPassword = "Moi@Hon2026y" }),
        "assign" => JsonContent.Create(new { userName = "chuyenvien.xa" }),
        "opinion" => JsonContent.Create(new { answer = "agree", comment = "Đồng ý." }),
        "migrate" => JsonContent.Create(new { fromVersion = 1, toVersion = 1, stepMap = new Dictionary<string, string> { ["tham-tra"] = "tham-tra" }, dryRun = true }),
        "simulate" => JsonContent.Create(new { last = 5 }),
        // Signed with a key that is not the platform's: whoever sends it, it is refused.
        "payment-notice" => new StringContent("{\"orderId\":\"PG0000\",\"status\":\"paid\"}", Encoding.UTF8, "application/json")
        {
            Headers = { { "X-Signature", "00" } },
        },
        "rating" => JsonContent.Create(new { score = 5, comment = "Hài lòng." }),
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule.Body, "unknown body"),
    };

    private static MultipartFormDataContent Pdf()
    {
        var file = new ByteArrayContent(Encoding.ASCII.GetBytes($"%PDF-1.4\n% {Guid.NewGuid()}\n%%EOF\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return new MultipartFormDataContent { { file, "file", "tep.pdf" } };
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>The shipped birth registration under another id (null: keep the id, for a draft replacement).</summary>
    private static string DefinitionJson(string? id)
    {
        var definition = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "workflows", "ho-tich.dang-ky-khai-sinh.json")))!.AsObject();
        if (id is not null)
            definition["id"] = id;
        else
            definition.Remove("id");
        return definition.ToJsonString();
    }
}
