using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OneStop.Api.Tests.Infrastructure;

namespace OneStop.Api.Tests.Units;

/// <summary>
/// Moves counter dossiers along the happy path one action at a time, each action taken by an officer of the
/// unit the dossier is at. <see cref="Staff"/> picks that officer, so a test can say who works where.
/// </summary>
internal sealed class DossierDriver(OneStopFactory factory)
{
    /// <summary>Procedures of the three-level structure (<see cref="BeforeReform"/>): publish them before use.</summary>
    public const string CrossLevel = BeforeReform.CrossLevel;
    public const string DistrictLevel = BeforeReform.DistrictLevel;

    private readonly Dictionary<string, HttpClient> _clients = [];

    /// <summary>Which demo account takes a role at a unit; the default is the demo officer of that unit.</summary>
    public Func<string, string, string> Staff { get; set; } = Demo.Officer;

    public async Task<HttpClient> AsAsync(string userName)
    {
        if (!_clients.TryGetValue(userName, out var client))
            _clients[userName] = client = await factory.SignInAsync(userName);
        return client;
    }

    /// <summary>Forgets the signed-in clients, so the next actions use fresh tokens (a unit claim may have changed).</summary>
    public void SignOutEveryone() => _clients.Clear();

    /// <summary>Submits a counter dossier at <paramref name="unitCode"/> with every required paper.</summary>
    public async Task<string> SubmitAsync(string procedureId, string unitCode)
    {
        if (procedureId is BeforeReform.DistrictLevel or BeforeReform.CrossLevel)
            await BeforeReform.PublishAsync(factory);
        var procedure = await (await factory.CreateClient().GetAsync($"{Routes.Procedures}/{procedureId}")).ReadJsonAsync();
        var required = ApiClient.PapersToHandIn(procedure).ToList();
        var reception = await AsAsync(Staff("reception", unitCode));
        return (await reception.SubmitAsync(ApiClient.CounterSubmission(procedureId, unitCode, required))).Str("code");
    }

    /// <summary>Takes the next happy-path action; returns the dossier after it and the step and unit it was taken at.</summary>
    public async Task<(JsonObject Dossier, string Step, string Unit)> StepAsync(string code)
    {
        // A posting wait moves the clock past its end: tokens signed before then have expired.
        if (await factory.MoveSpecialStepAsync(code))
            SignOutEveryone();
        var admin = await AsAsync("admin");
        var (before, _) = await admin.GetDossierAsync(code);
        var step = before["currentStep"]!;
        var unit = before.Str("currentUnitCode");
        // Reception answers waits (supplement, payment, withdrawal) and closes; the step's role does the rest.
        var role = before.Str("status") is "Submitted" or "SupplementRequested" or "Resolved" ? "reception" : step.Str("role");
        if (before.Str("status") == "SupplementRequested")
            unit = before.Str("receivingUnitCode");
        var officer = await AsAsync(Staff(role, unit));
        var (current, _) = await officer.GetDossierAsync(code);
        var action = current.NextHappyAction();
        Assert.True(action is not null,
            $"{code}: {Staff(role, unit)} has no way forward at step {step.Str("id")} ({current.Str("status")}) at {unit}; actions: {string.Join(",", current.Actions())}");
        object? body = action switch
        {
            "resolve" => new { comment = "Đã ký kết quả" },
            "request-supplement" => new { comment = "Bổ sung bản sao giấy tờ pháp lý.", items = new[] { new { code = "KHAC", reason = "Bản sao giấy tờ pháp lý." } } },
            "supplement" => new { documents = current["documents"]!.AsArray().Take(1).Select(d => new { code = d.Str("code") }).ToArray() },
            _ => null,
        };
        var after = await officer.ActAsync(code, action!, body);
        return (after, step.Str("id"), unit);
    }

    /// <summary>Takes <paramref name="count"/> happy-path actions.</summary>
    public async Task AdvanceAsync(string code, int count)
    {
        for (var i = 0; i < count; i++)
            await StepAsync(code);
    }

    /// <summary>Drives a dossier to Returned; returns every (step, unit) an action was taken at.</summary>
    public async Task<List<(string Step, string Unit)>> DriveToReturnedAsync(string code)
    {
        var visited = new List<(string Step, string Unit)>();
        for (var i = 0; i < 20; i++)
        {
            var (dossier, step, unit) = await StepAsync(code);
            visited.Add((step, unit));
            if (dossier.Str("status") == "Returned")
                return visited;
        }
        Assert.Fail($"{code} did not reach Returned in 20 actions: {string.Join(" → ", visited)}");
        return visited;
    }

    /// <summary>Asks for a supplement at the counter of a just-received dossier.</summary>
    public async Task RequestSupplementAsync(string code, string unitCode)
    {
        var reception = await AsAsync(Staff("reception", unitCode));
        await reception.ActAsync(code, "request-supplement",
            new { comment = "Bổ sung bản sao giấy tờ pháp lý.", items = new[] { new { code = "KHAC", reason = "Bản sao giấy tờ pháp lý." } } });
    }

    public async Task<JsonArray> HistoryAsync(string code) =>
        (await (await AsAsync("admin")).GetFromJsonAsync<JsonObject>(Routes.History(code)))!["items"]!.AsArray();
}
