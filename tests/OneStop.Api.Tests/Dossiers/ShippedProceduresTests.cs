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
    public async Task The_cross_level_procedure_is_decided_at_the_district_and_returned_at_the_commune()
    {
        var procedures = await (await factory.SignInAsync("admin")).GetAsync(Routes.Procedures);
        var crossLevel = ShippedIds().First(id => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "workflows", id + ".json")).Contains("\"unit\": \"district\""));

        var (code, visitedUnits, _) = await DriveToReturnedAsync(crossLevel);

        Assert.Contains(Demo.District, visitedUnits);
        Assert.Equal(Demo.Commune, visitedUnits[0]);
        Assert.Equal(Demo.Commune, visitedUnits[^1]);
        var history = await (await factory.SignInAsync("admin")).GetAsync(Routes.History(code));
        var events = (await history.ReadJsonAsync())["items"]!.AsArray();
        Assert.Contains(events, e => e!["unitCode"]?.GetValue<string>() == Demo.District);
        Assert.True(procedures.IsSuccessStatusCode);
    }

    /// <summary>Submits at the counter of the definition's level and lets the right officer take the next happy-path step.</summary>
    private async Task<(string Code, List<string> VisitedUnits, List<string> Statuses)> DriveToReturnedAsync(string procedureId)
    {
        var anonymous = factory.CreateClient();
        var procedure = await (await anonymous.GetAsync($"{Routes.Procedures}/{procedureId}")).ReadJsonAsync();
        var unit = Demo.UnitForLevel(procedure.Str("level"));
        var required = ApiClient.PapersToHandIn(procedure);

        var reception = await factory.SignInAsync(Demo.Officer("reception", unit));
        var submitted = await reception.SubmitAsync(ApiClient.CounterSubmission(procedureId, unit, required));
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
            var officer = await factory.SignInAsync(Demo.Officer(step.Str("role"), currentUnit));
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
