using System.Net;
using System.Text.Json.Nodes;
using OneStop.Api.Tests.Infrastructure;

namespace OneStop.Api.Tests.Definitions;

/// <summary>
/// <c>effectiveFrom</c> (DESIGN §4.1): a version published ahead of its date waits; until that day — in Vietnam —
/// new dossiers take the previous version, and the definitions list says which is in force and which is next.
/// </summary>
/// <remarks>
/// The first test moves the shared clock forward to 05/03/2026 (absolute times); the second only names dates after
/// both 02/03 and 05/03, so either order works.
/// </remarks>
public sealed class EffectiveDateTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    private readonly OneStopFactory _factory = factory;

    [Fact]
    public async Task A_version_published_ahead_of_its_date_takes_new_dossiers_only_from_that_Vietnam_day()
    {
        // Monday 02/03/2026 09:00 in Vietnam; version 2 takes effect on Thursday 05/03/2026.
        var admin = await _factory.SignInAsync("admin");
        var id = DefinitionSamples.UniqueId("hieu-luc");
        await admin.CreateAndPublishAsync(DefinitionSamples.BirthRegistration(id));
        var v2 = DefinitionSamples.BirthRegistration(id).WithExtraCheckBeforeApproval("Đăng ký khai sinh (từ 05/03/2026)");
        v2["effectiveFrom"] = "2026-03-05";
        await admin.CreateDraftAsync(v2);
        var published = await admin.PublishAsync(id);
        Assert.Equal(2, published["version"]!.GetValue<int>());

        // Both stay published: version 1 is in force, version 2 is next.
        Assert.Equal([(1, "Published"), (2, "Published")], await admin.VersionsAsync(id));
        var summary = await SummaryAsync(admin, id);
        Assert.Equal((1, 2, "2026-03-05"), (summary["publishedVersion"]!.GetValue<int>(), summary["nextVersion"]!.GetValue<int>(), summary.Str("nextEffectiveFrom")));
        Assert.Equal(1, await CatalogueVersionAsync(id));
        var before = await _factory.SubmitAndReceiveAtCommuneAsync(id);
        Assert.Equal(1, before["definitionVersion"]!.GetValue<int>());

        // Wednesday 23:59 in Vietnam is still 04/03: version 1.
        _factory.SetVietnamTime(2026, 3, 4, 23, 59);
        Assert.Equal(1, (await SubmitAtCommuneAsync(id))["definitionVersion"]!.GetValue<int>());

        // Thursday 00:00 in Vietnam (Wednesday 17:00 UTC): version 2, with its extra check. Tokens last 8 hours: sign in again.
        _factory.SetVietnamTime(2026, 3, 5, 0, 0);
        admin = await _factory.SignInAsync("admin");
        Assert.Equal(new DateTime(2026, 3, 4, 17, 0, 0, DateTimeKind.Utc), _factory.Clock.GetUtcNow().UtcDateTime);
        var after = await SubmitAtCommuneAsync(id);
        Assert.Equal(2, after["definitionVersion"]!.GetValue<int>());
        Assert.Equal(2, await CatalogueVersionAsync(id));
        summary = await SummaryAsync(admin, id);
        Assert.Equal(2, summary["publishedVersion"]!.GetValue<int>());
        Assert.Null(summary["nextVersion"]);

        // The dossier started on version 1 finishes there.
        var (running, _) = await admin.GetDossierAsync(before.Str("code"));
        Assert.Equal(1, running["definitionVersion"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_version_may_not_come_into_force_before_one_already_waiting_for_its_date()
    {
        var admin = await _factory.SignInAsync("admin");
        var id = DefinitionSamples.UniqueId("hieu-luc-som");
        await admin.CreateAndPublishAsync(DefinitionSamples.BirthRegistration(id));
        var v2 = DefinitionSamples.BirthRegistration(id);
        v2["effectiveFrom"] = "2026-04-01";
        await admin.CreateAndPublishAsync(v2);
        var v3 = DefinitionSamples.BirthRegistration(id).WithExtraCheckBeforeApproval("Sớm hơn");
        v3["effectiveFrom"] = "2026-03-10";
        await admin.CreateDraftAsync(v3);
        var before = await _factory.SnapshotAsync();

        var response = await admin.PostAsync($"{Routes.Definitions}/{id}/publish", null);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        var message = problem["errors"]!["effectiveFrom"]![0]!.GetValue<string>();
        Assert.Contains("Phiên bản 2 đã công bố và có hiệu lực từ 01/04/2026", message);
        Assert.Equal(before, await _factory.SnapshotAsync());
        Assert.Equal([(1, "Published"), (2, "Published"), (3, "Draft")], await admin.VersionsAsync(id));
    }

    private async Task<JsonObject> SubmitAtCommuneAsync(string id)
    {
        var reception = await _factory.SignInAsync("tiepnhan.xa");
        return await reception.SubmitAsync(ApiClient.CounterSubmission(id, Demo.Commune, DefinitionSamples.RequiredPapers));
    }

    private async Task<int> CatalogueVersionAsync(string id) =>
        (await (await _factory.CreateClient().GetAsync($"{Routes.Procedures}/{id}")).ReadJsonAsync())["version"]!.GetValue<int>();

    private static async Task<JsonNode> SummaryAsync(HttpClient admin, string id) =>
        (await (await admin.GetAsync(Routes.Definitions)).ReadJsonAsync())["items"]!.AsArray().Single(d => d.Str("id") == id)!;
}
