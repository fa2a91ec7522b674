using System.Net;
using System.Net.Http.Json;
using OneStop.Api.Tests.Infrastructure;

namespace OneStop.Api.Tests.Definitions;

/// <summary>Dossiers stay on the version they started on; new versions and retirement affect only new dossiers (DESIGN §4).</summary>
public sealed class DefinitionVersioningTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    [Fact]
    public async Task A_new_version_does_not_change_a_running_dossier_but_new_dossiers_take_it()
    {
        var admin = await factory.SignInAsync("admin");
        var id = DefinitionSamples.UniqueId("phien-ban");
        await admin.CreateAndPublishAsync(DefinitionSamples.BirthRegistration(id));
        var running = await factory.SubmitAndReceiveAtCommuneAsync(id);
        Assert.Equal(1, running["definitionVersion"]!.GetValue<int>());

        await admin.CreateDraftAsync(DefinitionSamples.BirthRegistration(id).WithExtraCheckBeforeApproval("Đăng ký khai sinh (có kiểm tra chéo)"));
        var v2 = await admin.PublishAsync(id);
        Assert.Equal(2, v2["version"]!.GetValue<int>());

        var (stillV1, _) = await admin.GetDossierAsync(running.Str("code"));
        Assert.Equal(1, stillV1["definitionVersion"]!.GetValue<int>());
        Assert.Equal("Đăng ký khai sinh", stillV1.Str("procedureName"));
        var oldPath = await factory.DriveToReturnedAsync(running.Str("code"));
        Assert.Equal(["tham-tra", "ky-duyet", "tra-ket-qua"], oldPath);

        var fresh = await factory.SubmitAndReceiveAtCommuneAsync(id);
        Assert.Equal(2, fresh["definitionVersion"]!.GetValue<int>());
        Assert.Equal("Đăng ký khai sinh (có kiểm tra chéo)", fresh.Str("procedureName"));
        var newPath = await factory.DriveToReturnedAsync(fresh.Str("code"));
        Assert.Equal(["tham-tra", DefinitionSamples.ExtraCheck, "ky-duyet", "tra-ket-qua"], newPath);

        var (returnedV1, _) = await admin.GetDossierAsync(running.Str("code"));
        Assert.Equal(1, returnedV1["definitionVersion"]!.GetValue<int>());
        Assert.Equal("Returned", returnedV1.Str("status"));
    }

    [Fact]
    public async Task The_procedure_catalogue_shows_the_newest_published_version()
    {
        var admin = await factory.SignInAsync("admin");
        var id = DefinitionSamples.UniqueId("danh-muc");
        await admin.CreateAndPublishAsync(DefinitionSamples.BirthRegistration(id));
        await admin.CreateAndPublishAsync(DefinitionSamples.BirthRegistration(id).WithExtraCheckBeforeApproval("Tên mới"));

        var procedure = await (await factory.CreateClient().GetAsync($"{Routes.Procedures}/{id}")).ReadJsonAsync();

        Assert.Equal(2, procedure["version"]!.GetValue<int>());
        Assert.Equal("Tên mới", procedure.Str("name"));
        Assert.Equal(5, procedure["steps"]!.AsArray().Count);
        // Publishing version 2 supersedes version 1: retired for new dossiers, still running the old one.
        Assert.Equal([(1, "Retired"), (2, "Published")], await admin.VersionsAsync(id));
    }

    [Fact]
    public async Task A_retired_procedure_takes_no_new_dossiers_but_running_ones_finish()
    {
        var admin = await factory.SignInAsync("admin");
        var id = DefinitionSamples.UniqueId("ngung");
        await admin.CreateAndPublishAsync(DefinitionSamples.BirthRegistration(id));
        var running = await factory.SubmitAndReceiveAtCommuneAsync(id);

        var retire = await admin.PostAsync($"{Routes.Definitions}/{id}/retire", null);

        Assert.Equal(HttpStatusCode.OK, retire.StatusCode);
        var retired = Assert.Single((await retire.ReadJsonAsync())["items"]!.AsArray())!;
        Assert.Equal("Retired", retired.Str("state"));
        Assert.NotNull(retired["retiredAt"]);
        Assert.Equal([(1, "Retired")], await admin.VersionsAsync(id));
        Assert.DoesNotContain(id, await factory.CreateClient().PublishedProcedureIdsAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync($"{Routes.Procedures}/{id}")).StatusCode);

        var reception = await factory.SignInAsync("tiepnhan.xa");
        var before = await factory.SnapshotAsync();
        var refused = await reception.PostAsJsonAsync(Routes.Dossiers,
            ApiClient.CounterSubmission(id, Demo.Commune, DefinitionSamples.RequiredPapers));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("procedureId", (await refused.ReadJsonAsync())["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(before, await factory.SnapshotAsync());

        Assert.Equal(["tham-tra", "ky-duyet", "tra-ket-qua"], await factory.DriveToReturnedAsync(running.Str("code")));
    }

    [Fact]
    public async Task Retiring_twice_is_a_409_and_changes_nothing()
    {
        var admin = await factory.SignInAsync("admin");
        var id = DefinitionSamples.UniqueId("ngung-lai");
        await admin.CreateAndPublishAsync(DefinitionSamples.BirthRegistration(id));
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"{Routes.Definitions}/{id}/retire", null)).StatusCode);
        var before = await factory.SnapshotAsync();

        var again = await admin.PostAsync($"{Routes.Definitions}/{id}/retire", null);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(before, await factory.SnapshotAsync());
    }

    [Fact]
    public async Task Retiring_an_unknown_definition_is_a_404()
    {
        var admin = await factory.SignInAsync("admin");
        var before = await factory.SnapshotAsync();

        var response = await admin.PostAsync($"{Routes.Definitions}/{DefinitionSamples.UniqueId("khong-co")}/retire", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, await factory.SnapshotAsync());
    }
}
