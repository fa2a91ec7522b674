using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Api.Features.Definitions;
using OneStop.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OneStop.Api.Tests.Definitions;

/// <summary>
/// <c>POST /api/workflow-definitions/{id}/migrate</c> (DESIGN §4.3) over HTTP: 100 running dossiers at three steps,
/// a step map naming two of them; a dry run first (nothing changes), then the migration (the mapped ones move with a
/// <c>migrate</c> event each and their due dates, the rest are listed with why); then both kinds finish on their
/// versions. And what a newcomer gets wrong: an unpublished target, unknown steps, the same run twice at once.
/// </summary>
public sealed class MigrationTests(OneStopFactory factory, ITestOutputHelper output) : IClassFixture<OneStopFactory>
{
    private static readonly Dictionary<string, string> StepMap = new() { ["tiep-nhan"] = "tiep-nhan", ["tham-tra"] = "tham-tra" };

    private sealed record DossierState(string Code, int DefinitionVersion, string Step, string Status, int Version, DateTime? DueDate, DateTime? StepDueDate);

    private Task<List<DossierState>> StatesAsync(string id) => factory.QueryAsync(db => db.Dossiers.AsNoTracking()
        .Where(d => d.ProcedureId == id).OrderBy(d => d.Code)
        .Select(d => new DossierState(d.Code, d.DefinitionVersion, d.CurrentStepId, d.Status.ToString(), d.Version, d.DueDate, d.StepDueDate)).ToListAsync());

    /// <summary>Version 1 with 40 dossiers submitted, 40 received (at thẩm tra) and 20 forwarded (at ký duyệt); version 2 published.</summary>
    private async Task<string> HundredRunningDossiersAsync(string purpose)
    {
        var admin = await factory.SignInAsync("admin");
        var id = DefinitionSamples.UniqueId(purpose);
        await admin.CreateAndPublishAsync(DefinitionSamples.BirthRegistration(id));
        var reception = await factory.SignInAsync("tiepnhan.xa");
        var specialist = await factory.SignInAsync("chuyenvien.xa");
        for (var i = 0; i < 100; i++)
        {
            var code = (await reception.SubmitAsync(ApiClient.CounterSubmission(id, Demo.Commune, DefinitionSamples.RequiredPapers))).Str("code");
            if (i >= 40)
                await reception.ActAsync(code, "receive");
            if (i >= 80)
                await specialist.ActAsync(code, "forward");
        }
        await admin.CreateAndPublishAsync(DefinitionSamples.BirthRegistration(id).WithExtraCheckBeforeApproval("Đăng ký khai sinh (phiên bản 2)"));
        return id;
    }

    private static async Task<HttpResponseMessage> MigrateAsync(HttpClient admin, string id, object body) =>
        await admin.PostAsJsonAsync($"{Routes.Definitions}/{id}/migrate", body);

    [Fact]
    public async Task A_dry_run_changes_nothing_then_the_migration_moves_the_mapped_dossiers_and_lists_the_rest()
    {
        var id = await HundredRunningDossiersAsync("chuyen-100");
        var admin = await factory.SignInAsync("admin");
        var before = await StatesAsync(id);
        Assert.Equal([40, 40, 20], before.GroupBy(d => d.Step).OrderBy(g => g.Key == "tiep-nhan" ? 0 : g.Key == "tham-tra" ? 1 : 2).Select(g => g.Count()));
        var snapshot = await factory.SnapshotAsync();

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var dry = await MigrateAsync(admin, id, new { fromVersion = 1, toVersion = 2, stepMap = StepMap, dryRun = true });
        output.WriteLine($"dry run over 100 running dossiers: {watch.ElapsedMilliseconds} ms");
        Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
        var preview = await dry.ReadJsonAsync();
        Assert.True(preview["dryRun"]!.GetValue<bool>());
        Assert.Equal(100, preview["running"]!.GetValue<int>());
        Assert.Equal(80, preview["moved"]!.AsArray().Count);
        Assert.Equal(20, preview["notMoved"]!.AsArray().Count);
        Assert.Equal(snapshot, await factory.SnapshotAsync());
        Assert.Equal(before, await StatesAsync(id));

        watch.Restart();
        var response = await MigrateAsync(admin, id, new { fromVersion = 1, toVersion = 2, stepMap = StepMap });
        output.WriteLine($"migration moving 80 of 100 running dossiers: {watch.ElapsedMilliseconds} ms");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var done = await response.ReadJsonAsync();
        // The real run does what the dry run said it would.
        Assert.Equal(preview["moved"]!.ToJsonString(), done["moved"]!.ToJsonString());
        Assert.Equal(preview["notMoved"]!.ToJsonString(), done["notMoved"]!.ToJsonString());

        var after = await StatesAsync(id);
        foreach (var (old, now) in before.Zip(after))
        {
            var mapped = old.Step is "tiep-nhan" or "tham-tra";
            Assert.Equal(mapped ? 2 : 1, now.DefinitionVersion);
            Assert.Equal((old.Step, old.Status, old.DueDate, old.StepDueDate), (now.Step, now.Status, now.DueDate, now.StepDueDate));
            Assert.Equal(mapped ? old.Version + 1 : old.Version, now.Version);
        }
        var unmoved = done["notMoved"]!.AsArray();
        Assert.All(unmoved, d => Assert.Equal("ky-duyet", d.Str("step")));
        Assert.All(unmoved, d => Assert.Contains("không có trong bảng chuyển bước", d.Str("reason")));
        Assert.Equal(before.Where(d => d.Step == "ky-duyet").Select(d => d.Code), unmoved.Select(d => d.Str("code")));

        // One migrate event each, by the system, from and to the mapped step; nothing else was written to the history.
        var migrateEvents = await factory.QueryAsync(db => db.DossierEvents.Where(e => e.Action == "migrate")
            .Join(db.Dossiers.Where(d => d.ProcedureId == id), e => e.DossierId, d => d.Id, (e, d) => new { d.Code, e.Actor, e.FromStep, e.ToStep })
            .ToListAsync());
        Assert.Equal(80, migrateEvents.Count);
        Assert.Equal(80, migrateEvents.Select(e => e.Code).Distinct().Count());
        Assert.All(migrateEvents, e => Assert.Equal(("system", e.FromStep), (e.Actor, e.ToStep)));
        Assert.Equal(snapshot.Events + 80, (await factory.SnapshotAsync()).Events);

        // A moved dossier goes on along version 2 (its extra check); one left behind finishes on version 1.
        var movedCode = before.First(d => d.Step == "tham-tra").Code;
        Assert.Equal(["tham-tra", DefinitionSamples.ExtraCheck, "ky-duyet", "tra-ket-qua"], await factory.DriveToReturnedAsync(movedCode));
        Assert.Equal(["ky-duyet", "tra-ket-qua"], await factory.DriveToReturnedAsync(unmoved[0].Str("code")));
    }

    [Fact]
    public async Task The_same_migration_started_twice_at_once_is_applied_once_and_the_other_is_refused_with_409()
    {
        var id = await HundredRunningDossiersAsync("chuyen-dong-thoi");
        var admin = await factory.SignInAsync("admin");
        var hooks = factory.Services.GetRequiredService<MigrationHooks>();
        // Both runs read the same dossiers before either saves: the database, not this process, has to choose.
        var arrived = 0;
        var bothRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hooks.BeforeSave = async ct =>
        {
            if (Interlocked.Increment(ref arrived) == 2)
                bothRead.TrySetResult();
            await bothRead.Task.WaitAsync(TimeSpan.FromSeconds(60), ct);
        };
        try
        {
            var body = new { fromVersion = 1, toVersion = 2, stepMap = StepMap };
            var responses = await Task.WhenAll(MigrateAsync(admin, id, body), MigrateAsync(await factory.SignInAsync("admin"), id, body));

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
            var refused = await responses.Single(r => r.StatusCode == HttpStatusCode.Conflict).ReadJsonAsync();
            Assert.Contains("vừa được lưu cùng lúc", refused.Str("detail"));
        }
        finally
        {
            hooks.BeforeSave = null;
        }
        var states = await StatesAsync(id);
        Assert.Equal(80, states.Count(d => d.DefinitionVersion == 2));
        var events = await factory.QueryAsync(db => db.DossierEvents.Where(e => e.Action == "migrate")
            .Join(db.Dossiers.Where(d => d.ProcedureId == id), e => e.DossierId, d => d.Id, (e, d) => d.Code).ToListAsync());
        Assert.Equal(80, events.Count);
        Assert.Equal(80, events.Distinct().Count());
    }

    [Fact]
    public async Task A_migration_to_an_unpublished_version_or_with_unknown_steps_is_refused_naming_the_field_and_changes_nothing()
    {
        var admin = await factory.SignInAsync("admin");
        var id = DefinitionSamples.UniqueId("chuyen-sai");
        await admin.CreateAndPublishAsync(DefinitionSamples.BirthRegistration(id));
        await factory.SubmitAndReceiveAtCommuneAsync(id);
        await admin.CreateDraftAsync(DefinitionSamples.BirthRegistration(id).WithExtraCheckBeforeApproval("Bản nháp"));
        var before = await factory.SnapshotAsync();

        var toDraft = await MigrateAsync(admin, id, new { fromVersion = 1, toVersion = 2, stepMap = StepMap });
        await AssertRefusedAsync(toDraft, HttpStatusCode.UnprocessableEntity, "toVersion", "chưa công bố (đang là bản nháp)");
        var toNothing = await MigrateAsync(admin, id, new { fromVersion = 1, toVersion = 7, stepMap = StepMap });
        await AssertRefusedAsync(toNothing, HttpStatusCode.UnprocessableEntity, "toVersion", "không có phiên bản 7");

        await admin.PublishAsync(id);
        before = await factory.SnapshotAsync();
        var unknownSteps = await MigrateAsync(admin, id,
            new { fromVersion = 1, toVersion = 2, stepMap = new Dictionary<string, string> { ["tham-dinh"] = "tham-tra", ["tham-tra"] = "kiem-tra" } });
        var problem = await AssertRefusedAsync(unknownSteps, HttpStatusCode.UnprocessableEntity, "stepMap.tham-dinh", "Bước 'tham-dinh' không có trong phiên bản 1");
        Assert.Contains("Bước đích 'kiem-tra' không có trong phiên bản 2", problem["errors"]!["stepMap.tham-tra"]![0]!.GetValue<string>());
        var kinds = await MigrateAsync(admin, id, new { fromVersion = 1, toVersion = 2, stepMap = new Dictionary<string, string> { ["tiep-nhan"] = "tham-tra" } });
        await AssertRefusedAsync(kinds, HttpStatusCode.UnprocessableEntity, "stepMap.tiep-nhan", "(reception) không chuyển sang bước 'tham-tra' (task)");
        var noMap = await MigrateAsync(admin, id, new { fromVersion = 1, toVersion = 2 });
        Assert.Equal(HttpStatusCode.BadRequest, noMap.StatusCode);
        Assert.NotNull((await noMap.ReadJsonAsync())["errors"]!["stepMap"]);
        var fromDraftless = await MigrateAsync(admin, id, new { fromVersion = 9, toVersion = 2, stepMap = StepMap });
        await AssertRefusedAsync(fromDraftless, HttpStatusCode.UnprocessableEntity, "fromVersion", "không có phiên bản 9");
        Assert.Equal(before, await factory.SnapshotAsync());
    }

    private static async Task<JsonObject> AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string field, string message)
    {
        var problem = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode} {problem}");
        Assert.Contains(message, problem["errors"]![field]![0]!.GetValue<string>());
        return problem;
    }
}
