using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace OneStop.Benchmarks.Load;

/// <summary>A dossier as the benchmark follows it: its code, tracking secret and last ETag.</summary>
internal sealed record TrackedDossier(string Code, string Secret, string ETag);

/// <summary>The few API calls the load needs, over one shared pooled HttpClient (N connections to the host).</summary>
internal sealed class OneStopClient(HttpClient http)
{
    public const string Password = "Demo@12345";
    public const string Procedure = "ho-tich.dang-ky-khai-sinh";
    public const string Commune = "22918";

    /// <summary>The lifecycle of a birth registration at the commune, with who takes each action (DESIGN §12 accounts).</summary>
    public static readonly (string Action, string Account)[] Lifecycle =
    [
        ("receive", "tiepnhan.xa"), ("forward", "chuyenvien.xa"), ("approve", "lanhdao.xa"), ("resolve", "tiepnhan.xa"), ("return-result", "tiepnhan.xa"),
    ];

    private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);

    public HttpClient Http => http;

    public async Task SignInAsync(params string[] accounts)
    {
        foreach (var account in accounts)
        {
            using var response = await http.PostAsJsonAsync("/api/auth/token", new { username = account, password = Password });
            response.EnsureSuccessStatusCode();
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            _tokens[account] = body.RootElement.GetProperty("accessToken").GetString()!;
        }
    }

    public HttpRequestMessage Request(HttpMethod method, string path, string? account = null, string? etag = null, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (account is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _tokens[account]);
        if (etag is not null)
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
        if (body is not null)
            request.Content = JsonContent.Create(body);
        return request;
    }

    /// <summary>A counter submission of a birth registration (papers seen at the desk), with a fresh Idempotency-Key.</summary>
    public HttpRequestMessage Submission(int number)
    {
        var request = Request(HttpMethod.Post, "/api/dossiers", "tiepnhan.xa", body: new
        {
            procedureId = Procedure,
            channel = "counter",
            receivingUnitCode = Commune,
            applicant = new { idNumber = "060095000123", fullName = $"Nguyễn Văn Tải {number}" },
            documents = new[] { new { code = "TKKS" }, new { code = "GCS" } },
        });
        request.Headers.Add("Idempotency-Key", $"load-{Guid.NewGuid():N}");
        return request;
    }

    /// <summary>Reads the created dossier from a 201 answer; null for any other answer.</summary>
    public static async Task<TrackedDossier?> CreatedAsync(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.Created)
            return null;
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return new TrackedDossier(body.RootElement.GetProperty("code").GetString()!, body.RootElement.GetProperty("trackingSecret").GetString()!,
            response.Headers.ETag?.ToString() ?? "");
    }

    public HttpRequestMessage Action(TrackedDossier dossier, string action, string account) =>
        Request(HttpMethod.Post, $"/api/dossiers/{Uri.EscapeDataString(dossier.Code)}/actions/{action}", account, dossier.ETag, new { comment = "tải thử" });

    /// <summary>GET as <paramref name="account"/>, the body parsed (throws on a failed answer).</summary>
    public async Task<JsonElement> GetJsonAsync(string path, string account)
    {
        using var response = await http.SendAsync(Request(HttpMethod.Get, path, account));
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.Clone();
    }
}
