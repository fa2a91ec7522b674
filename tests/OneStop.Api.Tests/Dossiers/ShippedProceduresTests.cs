using System.Text.Json;
using System.Text.Json.Nodes;
using OneStop.Api.Tests.Infrastructure;

namespace OneStop.Api.Tests.Dossiers;

/// <summary>Every shipped procedure carries a real dossier from the counter to Returned over HTTP.</summary>
public sealed class ShippedProceduresTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    private static IReadOnlyList<string> ShippedIds() =>
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "workflows"), "*.json")
            .Order().Select(f => Path.GetFileNameWithoutExtension(f)!).ToList();

    public static TheoryData<string> ProcedureIds() => new(ShippedIds());

    [Fact]
    public void At_least_six_procedures_are_shipped() => Assert.True(ShippedIds().Count >= 6);

    [Theory]
    [MemberData(nameof(ProcedureIds))]
    public async Task A_counter_dossier_reaches_Returned(string procedureId)
    {
        var (code, visitedUnits, statuses) = await DriveToReturnedAsync(procedureId);

        var admin = await factory.SignInAsync("admin");
        var (dossier, _) = await admin.GetDossierAsync(code);
        Assert.Equal("Returned", dossier.Str("status"));
        Assert.Equal(10, dossier["statusCode"]!.GetValue<int>());
        Assert.NotNull(dossier["resolvedAt"]);
        Assert.NotNull(dossier["returnedAt"]);
        Assert.Equal(["Submitted", "Received", "InProgress", "Resolved", "Returned"],
            statuses.Where(s => s is "Submitted" or "Received" or "InProgress" or "Resolved" or "Returned").Distinct().ToList());
        Assert.Equal(dossier.Str("receivingUnitCode"), visitedUnits[^1]);
    }

    [Fact]
    public async Task The_any_point_procedure_is_received_at_a_commune_decided_by_the_department_and_returned_at_the_commune()
    {
        var anyPoint = ShippedIds().First(id => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "workflows", id + ".json")).Contains("\"anyPoint\": true"));

        var (code, visitedUnits, _) = await DriveToReturnedAsync(anyPoint);

        Assert.Equal([Demo.Commune, Demo.FinanceDepartment, Demo.Commune], visitedUnits);
        var history = await (await factory.SignInAsync("admin")).GetAsync(Routes.History(code));
        var events = (await history.ReadJsonAsync())["items"]!.AsArray();
        Assert.Contains(events, e => e!["unitCode"]?.GetValue<string>() == Demo.FinanceDepartment);
        Assert.Equal(2, events.Count(e => e.Str("action") == "transfer"));
    }

    /// <summary>
    /// Where a procedure's dossiers are handed in: residence at the ward police (Law on Residence 2020 art. 22); an
    /// any-point procedure at a commune counter, decided by the Department of Finance; else a counter of its level.
    /// </summary>
    private static (string Unit, string? Competent) PlaceOf(string procedureId, JsonObject procedure) =>
        procedureId.StartsWith("cu-tru.", StringComparison.Ordinal) ? (Demo.CommunePolice, null)
        : procedure["anyPoint"]?.GetValue<bool>() == true ? (Demo.Commune, Demo.FinanceDepartment)
        : (Demo.UnitForLevel(procedure.Str("level")), null);

    /// <summary>Submits at the counter of the definition's level and lets the right officer take the next happy-path step.</summary>
    private async Task<(string Code, List<string> VisitedUnits, List<string> Statuses)> DriveToReturnedAsync(string procedureId)
    {
        var anonymous = factory.CreateClient();
        var procedure = await (await anonymous.GetAsync($"{Routes.Procedures}/{procedureId}")).ReadJsonAsync();
        var (unit, competent) = PlaceOf(procedureId, procedure);
        var required = ApiClient.PapersToHandIn(procedure);

        var reception = await factory.SignInAsync(Demo.Officer("reception", unit));
        var body = JsonSerializer.SerializeToNode(ApiClient.CounterSubmission(procedureId, unit, required), ApiClient.Json)!.AsObject();
        body["competentUnitCode"] = competent;
        var submitted = await reception.SubmitAsync(body);
        var code = submitted.Str("code");
        var statuses = new List<string> { submitted.Str("status") };
        var visitedUnits = new List<string> { unit };

        var received = await reception.ActAsync(code, "receive");
        statuses.Add(received.Str("status"));
        for (var i = 0; i < 40 && statuses[^1] != "Returned"; i++)
        {
            if (await factory.MoveSpecialStepAsync(code))
                (received, _) = await (await factory.SignInAsync("admin")).GetDossierAsync(code);
            var step = received["currentStep"]!;
            var currentUnit = received.Str("currentUnitCode");
            if (visitedUnits[^1] != currentUnit)
                visitedUnits.Add(currentUnit);
            var role = received.Str("status") == "Resolved" ? "reception" : step.Str("role");
            var officer = await factory.SignInAsync(Demo.Officer(role, currentUnit));
            var (current, _) = await officer.GetDossierAsync(code);
            var action = current.NextHappyAction();
            Assert.True(action is not null, $"{procedureId}: no way forward at step {step.Str("id")} ({current.Str("status")}); actions: {string.Join(",", current.Actions())}");
            received = await officer.ActAsync(code, action!, action == "resolve" ? new { comment = "Đã ký kết quả" } : null);
            statuses.Add(received.Str("status"));
        }
        Assert.Equal("Returned", statuses[^1]);
        return (code, visitedUnits, statuses);
    }
}
