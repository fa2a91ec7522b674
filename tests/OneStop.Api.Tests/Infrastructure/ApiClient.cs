using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OneStop.Api.Tests.Infrastructure;

/// <summary>Routes shared by the tests; the endpoints map the same paths.</summary>
public static class Routes
{
    public const string Token = "/api/auth/token";
    public const string Dossiers = "/api/dossiers";
    public const string Procedures = "/api/procedures";
    public const string Definitions = "/api/workflow-definitions";
    public static string Dossier(string code) => $"/api/dossiers/{code}";
    /// <summary>The §5 actions live under <c>/actions/</c>; claimable work has its own routes (DESIGN §10).</summary>
    public static string Action(string code, string action) =>
        action is "claim" or "release" or "assign" ? $"/api/dossiers/{code}/{action}" : $"/api/dossiers/{code}/actions/{action}";
    public static string Consultation(string code, string unitCode) => $"/api/dossiers/{code}/consultations/{unitCode}";
    public const string Notifications = "/api/me/notifications";
    public static string History(string code) => $"/api/dossiers/{code}/history";
    public const string Units = "/api/units";
    public static string Unit(string code) => $"/api/units/{code}";
    public static string Merge(string code, string successorCode) => $"/api/units/{code}/merge-into/{successorCode}";
}

/// <summary>The demo accounts of DESIGN §12 and the units they work at.</summary>
public static class Demo
{
    public const string Password = "Demo@12345";
    public const string Commune = "22918";
    public const string District = "593";
    public const string Province = "60";
    public const string BuildingDepartment = "60.SXD";
    public const string FirePolice = "60.PCCC";
    /// <summary>The department whose Business Registration Office decides enterprise registration (any-point).</summary>
    public const string FinanceDepartment = "60.STC";
    /// <summary>The ward police of 22918, which receives and decides permanent residence.</summary>
    public const string CommunePolice = "22918.CA";
    public const string SocialInsurance = "60.BHXH";
    public const string CitizenId = "060095000123";

    public static string UnitForLevel(string level) => level switch
    {
        "commune" => Commune,
        "district" => District,
        _ => Province,
    };

    /// <summary>The demo officer with <paramref name="role"/> at <paramref name="unitCode"/> (DESIGN §12, agencies included).</summary>
    public static string Officer(string role, string unitCode)
    {
        if (role == "appraiser")
            return unitCode switch { BuildingDepartment => "thamdinh.sxd", FirePolice => "thamdinh.pccc", _ => throw new ArgumentException(unitCode) };
        var prefix = role switch { "reception" => "tiepnhan", "specialist" => "chuyenvien", "leader" => "lanhdao", _ => throw new ArgumentException(role) };
        var suffix = unitCode switch
        {
            Commune => "xa", District => "huyen", Province => "tinh",
            BuildingDepartment or FirePolice or FinanceDepartment or CommunePolice or SocialInsurance => unitCode.ToLowerInvariant(),
            "01273" => "xa2",
            _ => throw new ArgumentException(unitCode),
        };
        return $"{prefix}.{suffix}";
    }
}

/// <summary>Thin helpers over HttpClient that keep the tests about behaviour, not plumbing.</summary>
public static class ApiClient
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Task<HttpClient> SignInAsync(this OneStopFactory factory, string userName) => factory.SignInAsync(userName, Demo.Password);

    public static async Task<HttpClient> SignInAsync(this OneStopFactory factory, string userName, string password)
    {
        var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync(Routes.Token, new { username = userName, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<JsonObject> ReadJsonAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!;

    /// <summary>A counter submission with every required paper recorded by code (and the form, when the procedure has one).</summary>
    public static object CounterSubmission(string procedureId, string unitCode, IEnumerable<string> documentCodes,
        string idNumber = Demo.CitizenId, string fullName = "Nguyễn Văn Công Dân", IReadOnlyDictionary<string, object?>? form = null) => new
    {
        procedureId,
        applicant = new { idNumber, fullName, phone = "0912345678", address = "Hàm Tiến, Phan Thiết" },
        channel = "counter",
        receivingUnitCode = unitCode,
        documents = documentCodes.Select(code => new { code }).ToArray(),
        form = form ?? SampleForm(procedureId),
    };

    /// <summary>
    /// Values every shipped form accepts, read from the shipped file: a number its minimum (or 1), the first choice,
    /// false, a date, a text; an optional personal ID (the child of a birth registration) is left out, so the result goes
    /// to the applicant as before. Tests that steer a branch pass their own values.
    /// </summary>
    public static IReadOnlyDictionary<string, object?>? SampleForm(string procedureId)
    {
        var file = Path.Combine(AppContext.BaseDirectory, "workflows", procedureId + ".json");
        if (!File.Exists(file) || JsonNode.Parse(File.ReadAllText(file))!["form"] is not JsonArray fields)
            return null;
        return fields.Where(f => f.Str("type") != "idNumber" || f!["required"]?.GetValue<bool>() == true)
            .ToDictionary(f => f.Str("key"), f => (object?)(f.Str("type") switch
        {
            "number" or "money" => f!["min"]?.GetValue<decimal>() ?? 1m,
            "choice" => f!["choices"]![0]!.GetValue<string>(),
            "boolean" => false,
            "date" => "2026-03-20",
            _ => "Thông tin mẫu",
        }));
    }

    /// <summary>The papers a counter submission lists: every required one and every one required under a guard.</summary>
    public static IEnumerable<string> PapersToHandIn(JsonObject procedure) =>
        procedure["documents"]!.AsArray().Where(d => d!["required"]!.GetValue<bool>() || d["requiredWhen"] is not null).Select(d => d.Str("code"));

    public static async Task<JsonObject> SubmitAsync(this HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync(Routes.Dossiers, body);
        var json = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"submit: {(int)response.StatusCode} {json}");
        return json;
    }

    public static async Task<(JsonObject Dossier, string ETag)> GetDossierAsync(this HttpClient client, string code)
    {
        var response = await client.GetAsync(Routes.Dossier(code));
        var json = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"get {code}: {(int)response.StatusCode} {json}");
        return (json, response.Headers.ETag!.Tag);
    }

    /// <summary>Posts an action with the ETag of a fresh read, as a well-behaved client does.</summary>
    public static async Task<HttpResponseMessage> TryActAsync(this HttpClient client, string code, string action, object? body = null)
    {
        var (_, etag) = await client.GetDossierAsync(code);
        return await client.PostActionAsync(code, action, etag, body);
    }

    public static async Task<HttpResponseMessage> PostActionAsync(this HttpClient client, string code, string action, string? etag, object? body = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Routes.Action(code, action))
        {
            Content = JsonContent.Create(body ?? new { }),
        };
        if (etag is not null)
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await client.SendAsync(request);
    }

    public static async Task<JsonObject> ActAsync(this HttpClient client, string code, string action, object? body = null)
    {
        var response = await client.TryActAsync(code, action, body);
        var json = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action} on {code}: {(int)response.StatusCode} {json}");
        return json;
    }

    public static string Str(this JsonNode? node, string property) => node![property]!.GetValue<string>();

    public static IReadOnlyList<string> Actions(this JsonObject dossier) =>
        dossier["availableActions"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();

    /// <summary>
    /// The next action on the happy path among what the reader of <paramref name="dossier"/> may do now:
    /// receive, answer a supplement, ask for and confirm payment, then approve / forward, resolve, return.
    /// Null when the reader has no way forward. Every driver of the tests uses this one rule.
    /// </summary>
    public static string? NextHappyAction(this JsonObject dossier)
    {
        var actions = dossier.Actions();
        var status = dossier.Str("status");
        if (status == "Submitted")
            return actions.Contains("receive") ? "receive" : null;
        if (status == "SupplementRequested")
            return actions.Contains("supplement") ? "supplement" : null;
        if (actions.Contains("claim"))
            return "claim";
        if (actions.Contains("request-payment") && status != "AwaitingPayment")
            return "request-payment";
        string[] preferred = ["return-result", "resolve", "approve", "confirm-payment", "forward"];
        return preferred.FirstOrDefault(actions.Contains);
    }
}
