using System.Text.Json;
using System.Text.Json.Nodes;
using OneStop.Api.Tests.Infrastructure;
using OneStop.Api.Tests.Packages;

namespace OneStop.Api.Tests.Dossiers;

/// <summary>Every shipped procedure carries a real dossier from the counter to Returned over HTTP.</summary>
public sealed class ShippedProceduresTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    private static IReadOnlyList<string> ShippedIds(bool packages = false) =>
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "workflows"), "*.json")
            .Where(f => File.ReadAllText(f).Contains("\"kind\": \"package\"", StringComparison.Ordinal) == packages)
            .Order().Select(f => Path.GetFileNameWithoutExtension(f)!).ToList();

    public static TheoryData<string> ProcedureIds() => new(ShippedIds());

    public static TheoryData<string> PackageIds() => new(ShippedIds(packages: true));

    /// <summary>
    /// Each shipped package (DESIGN §4.2), submitted at the commune counter with the papers it asks for: every member
    /// starts only once those it waits for are resolved, and all of them reach Returned at their own units.
    /// </summary>
    [Theory]
    [MemberData(nameof(PackageIds))]
    public async Task A_counter_package_runs_every_member_to_Returned(string packageId)
    {
        var package = await (await factory.CreateClient().GetAsync($"{Routes.Procedures}/{packageId}")).ReadJsonAsync();
        var reception = await factory.SignInAsync(Demo.Officer("reception", Demo.Commune));
        var submitted = await reception.SubmitAsync(ApiClient.CounterSubmission(packageId, Demo.Commune, ApiClient.PapersToHandIn(package)));
        var code = submitted.Str("code");
        var members = package["members"]!.AsArray().ToDictionary(m => m.Str("procedureId"), m => m!["after"]!.AsArray().Select(a => a!.GetValue<string>()).ToList());

        for (var round = 0; round < members.Count; round++)
        {
            var (current, _) = await reception.GetDossierAsync(code);
            var startedNow = current["members"]!.AsArray().Where(m => m.Str("status") == "Submitted").ToList();
            if (startedNow.Count == 0)
                break;
            foreach (var member in startedNow)
            {
                // Started only after everything it waits for had a result.
                foreach (var before in members[member.Str("procedureId")])
                    Assert.Contains(current.Member(before).Str("status"), new[] { "Resolved", "Returned" });
                await factory.DriveMemberToReturnedAsync(member.Str("code"));
            }
        }

        var (done, _) = await reception.GetDossierAsync(code);
        Assert.All(done["members"]!.AsArray(), m => Assert.Equal("Returned", m.Str("status")));
        Assert.Equal("Returned", done.Str("status"));
    }

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
