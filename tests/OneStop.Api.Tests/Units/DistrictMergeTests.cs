using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OneStop.Api.Tests.Infrastructure;

namespace OneStop.Api.Tests.Units;

/// <summary>
/// The 2025 reform on the demo tree: district 593 is merged into province 60 while dossiers are open at
/// every step. Each test gets a fresh database, since a merge cannot be undone.
/// </summary>
public sealed class DistrictMergeTests : IDisposable
{
    private readonly OneStopFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private sealed record Open(string Code, string Procedure, string Position);

    /// <summary>
    /// Dossiers of the cross-level procedure (received at 22918, decided at the district) and of a district
    /// procedure (received at 593) at each of their steps, plus one already Returned at 593.
    /// </summary>
    private async Task<(List<Open> Dossiers, string ReturnedAtDistrict)> OpenAtEveryStepAsync(DossierDriver driver)
    {
        var open = new List<Open>();
        // Since issue 9 the commune posts its review for two working days (niêm yết, a wait step) before the chairman
        // signs; the driver lets that wait end and takes the next action in one step, so no dossier stops at de-nghi-xa.
        string[] crossLevelPositions = ["tiep-nhan", "ra-soat-xa", "niem-yet", "tham-dinh-huyen", "quyet-dinh-huyen", "tra-ket-qua", "Resolved"];
        for (var actions = 0; actions < crossLevelPositions.Length; actions++)
        {
            var code = await driver.SubmitAsync(DossierDriver.CrossLevel, Demo.Commune);
            await driver.AdvanceAsync(code, actions);
            open.Add(new Open(code, DossierDriver.CrossLevel, crossLevelPositions[actions]));
        }
        string[] districtPositions = ["tiep-nhan", "nop-le-phi", "AwaitingPayment", "tham-dinh", "phe-duyet", "tra-ket-qua", "Resolved"];
        for (var actions = 0; actions < districtPositions.Length; actions++)
        {
            var code = await driver.SubmitAsync(DossierDriver.DistrictLevel, Demo.District);
            await driver.AdvanceAsync(code, actions);
            open.Add(new Open(code, DossierDriver.DistrictLevel, districtPositions[actions]));
        }
        var waiting = await driver.SubmitAsync(DossierDriver.DistrictLevel, Demo.District);
        await driver.AdvanceAsync(waiting, 1);
        await driver.RequestSupplementAsync(waiting, Demo.District);
        open.Add(new Open(waiting, DossierDriver.DistrictLevel, "SupplementRequested"));

        var returned = await driver.SubmitAsync(DossierDriver.DistrictLevel, Demo.District);
        await driver.DriveToReturnedAsync(returned);

        var admin = await driver.AsAsync("admin");
        foreach (var dossier in open.Where(d => d.Position is "tham-dinh-huyen" or "quyet-dinh-huyen"))
            Assert.Equal(Demo.District, (await admin.GetDossierAsync(dossier.Code)).Dossier.Str("currentUnitCode"));
        return (open, returned);
    }

    [Fact]
    public async Task After_merging_593_into_60_every_open_dossier_is_processed_to_Returned_by_the_successors_officers()
    {
        var driver = new DossierDriver(_factory);
        var (open, returnedBefore) = await OpenAtEveryStepAsync(driver);
        var movedCodes = open.Where(d => d.Procedure == DossierDriver.DistrictLevel || d.Position.EndsWith("-huyen", StringComparison.Ordinal))
            .Select(d => d.Code).ToHashSet();
        var before = await _factory.SnapshotAsync();
        var admin = await driver.AsAsync("admin");

        var response = await admin.PostAsJsonAsync(Routes.Merge(Demo.District, Demo.Province),
            new { comment = "Theo Nghị quyết 202/2025/QH15." });

        var summary = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, summary.ToJsonString());
        Assert.Equal((movedCodes.Count, 3, 2), (summary["dossiersMoved"]!.GetValue<int>(), summary["officersMoved"]!.GetValue<int>(),
            summary["childUnitsMoved"]!.GetValue<int>()));
        // The merge takes effect today; the posting waits of the setup moved the clock on from Monday 02/03/2026.
        var today = DateOnly.FromDateTime(_factory.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);
        Assert.Equal(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), summary.Str("effectiveDate"));
        Assert.Equal((today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Demo.Province),
            (summary["unit"].Str("validTo"), summary["unit"].Str("successorCode")));
        Assert.Equal(Demo.Province, summary["successor"].Str("code"));

        // One transfer event, and with it one outbox message for the portal, per moved dossier; nothing else.
        var after = await _factory.SnapshotAsync();
        Assert.Equal((before.Dossiers, before.Events + movedCodes.Count, before.OutboxMessages + movedCodes.Count),
            (after.Dossiers, after.Events, after.OutboxMessages));

        // The tree: the communes hang under the province, the district ended yesterday.
        var commune = await (await _factory.CreateClient().GetAsync(Routes.Unit(Demo.Commune))).ReadJsonAsync();
        Assert.Equal(Demo.Province, commune.Str("parentCode"));
        var district = await (await _factory.CreateClient().GetAsync(Routes.Unit(Demo.District))).ReadJsonAsync();
        Assert.Equal((today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Demo.Province),
            (district.Str("validTo"), district.Str("successorCode")));

        // The district's officers now belong to the province, and their queues hold the district's work.
        var token = await (await _factory.CreateClient().PostAsJsonAsync(Routes.Token,
            new { username = "tiepnhan.huyen", password = Demo.Password })).ReadJsonAsync();
        Assert.Equal(Demo.Province, token.Str("unitCode"));
        driver.SignOutEveryone();
        var queue = await (await driver.AsAsync("chuyenvien.huyen")).GetFromJsonAsync<JsonObject>(Routes.Dossiers + "?pageSize=100");
        var queued = queue!["items"]!.AsArray().Select(i => i.Str("code")).ToHashSet();
        Assert.Contains(open.Single(d => d.Position == "tham-dinh-huyen").Code, queued);
        Assert.Contains(open.Single(d => d.Procedure == DossierDriver.DistrictLevel && d.Position == "tham-dinh").Code, queued);

        foreach (var dossier in open)
        {
            var (read, _) = await admin.GetDossierAsync(dossier.Code);
            Assert.NotEqual(Demo.District, read.Str("currentUnitCode"));
            Assert.NotEqual(Demo.District, read.Str("receivingUnitCode"));
            var history = await driver.HistoryAsync(dossier.Code);
            var transfers = history.Where(e => e.Str("action") == "transfer").ToList();
            if (!movedCodes.Contains(dossier.Code))
            {
                Assert.Empty(transfers);
                continue;
            }
            var transfer = Assert.Single(transfers);
            Assert.Same(history[^1], transfer);
            Assert.Equal((Demo.District, Demo.Province, "admin"), (transfer.Str("unitCode"), transfer.Str("toUnitCode"), transfer.Str("actor")));
            Assert.Equal(transfer.Str("fromStatus"), transfer.Str("toStatus"));
            Assert.Contains("593", transfer.Str("comment"), StringComparison.Ordinal);
            Assert.Contains("60", transfer.Str("comment"), StringComparison.Ordinal);
            Assert.Contains("202/2025/QH15", transfer.Str("comment"), StringComparison.Ordinal);
            // History before the merge still names the district.
            Assert.Contains(history.Take(history.Count - 1),
                e => e!["unitCode"]?.GetValue<string>() == Demo.District || e!["toUnitCode"]?.GetValue<string>() == Demo.District);
        }

        // A closed dossier is history: it stays at 593 and hears nothing.
        var (closed, _) = await admin.GetDossierAsync(returnedBefore);
        Assert.Equal((Demo.District, "Returned"), (closed.Str("receivingUnitCode"), closed.Str("status")));
        Assert.DoesNotContain(await driver.HistoryAsync(returnedBefore), e => e.Str("action") == "transfer");

        // Every open dossier now runs to Returned, worked at the province alternately by the former district
        // staff and the province's own; district steps of the cross-level procedure run at the province.
        var useDistrictStaff = false;
        driver.Staff = (role, unit) => unit == Demo.Province
            ? Demo.Officer(role, Demo.Province).Replace(".tinh", useDistrictStaff ? ".huyen" : ".tinh", StringComparison.Ordinal)
            : Demo.Officer(role, unit);
        foreach (var dossier in open)
        {
            useDistrictStaff = !useDistrictStaff;
            var visited = await driver.DriveToReturnedAsync(dossier.Code);
            Assert.DoesNotContain(visited, v => v.Unit == Demo.District);
            Assert.All(visited.Where(v => v.Step.EndsWith("-huyen", StringComparison.Ordinal)), v => Assert.Equal(Demo.Province, v.Unit));
            if (dossier.Procedure == DossierDriver.CrossLevel && dossier.Position is "tiep-nhan" or "ra-soat-xa" or "niem-yet")
                Assert.Contains(("tham-dinh-huyen", Demo.Province), visited);
            if (dossier.Procedure == DossierDriver.DistrictLevel)
                Assert.Equal(Demo.Province, visited[^1].Unit);
            else
                Assert.Equal(Demo.Commune, visited[^1].Unit);
        }
    }

    [Fact]
    public async Task Merging_the_same_unit_twice_is_a_conflict_and_the_second_attempt_changes_nothing()
    {
        var admin = await _factory.SignInAsync("admin");
        var first = await admin.PostAsync(Routes.Merge(Demo.District, Demo.Province), null);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var before = await UnitsAsync();
        var snapshot = await _factory.SnapshotAsync();

        var second = await admin.PostAsync(Routes.Merge(Demo.District, Demo.Province), null);

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var problem = await second.ReadJsonAsync();
        Assert.Contains("593", problem.Str("detail"), StringComparison.Ordinal);
        Assert.NotNull(problem["errors"]?["code"]);
        Assert.Equal(before, await UnitsAsync());
        Assert.Equal(snapshot, await _factory.SnapshotAsync());
    }

    [Fact]
    public async Task A_past_effective_date_ends_the_unit_the_day_before_it()
    {
        var admin = await _factory.SignInAsync("admin");

        var response = await admin.PostAsJsonAsync(Routes.Merge("22915", Demo.Commune), new { effectiveDate = "2025-07-01" });

        var summary = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, summary.ToJsonString());
        Assert.Equal(("2025-06-30", Demo.Commune), (summary["unit"].Str("validTo"), summary["unit"].Str("successorCode")));
        Assert.Equal((0, 0, 0), (summary["dossiersMoved"]!.GetValue<int>(), summary["officersMoved"]!.GetValue<int>(),
            summary["childUnitsMoved"]!.GetValue<int>()));
    }

    private Task<string> UnitsAsync() => _factory.QueryAsync(async db => string.Join(";",
        (await db.Units.AsNoTracking().OrderBy(u => u.Code).ToListAsync()).Select(u => $"{u.Code}|{u.ParentCode}|{u.ValidTo}|{u.SuccessorCode}"))
        + string.Join(";", await db.Users.AsNoTracking().OrderBy(u => u.UserName).Select(u => u.UserName + "@" + u.UnitCode).ToListAsync()));
}
