using System.Net;
using System.Net.Http.Json;
using System.Text;
using OneStop.Api.Tests.Infrastructure;

namespace OneStop.Api.Tests.Definitions;

/// <summary>Drafts: created, replaced while they are drafts, never once published (DESIGN §4).</summary>
public sealed class DefinitionDraftTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    [Fact]
    public async Task Creating_a_definition_makes_draft_version_1()
    {
        var admin = await factory.SignInAsync("admin");
        var id = DefinitionSamples.UniqueId("nhap");

        var response = await admin.PostAsJsonAsync(Routes.Definitions, DefinitionSamples.BirthRegistration(id));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"{Routes.Definitions}/{id}", response.Headers.Location?.OriginalString);
        var created = await response.ReadJsonAsync();
        Assert.Equal(1, created["version"]!.GetValue<int>());
        Assert.Equal("Draft", created.Str("state"));
        Assert.Null(created["publishedAt"]);
        Assert.Equal(id, created["definition"].Str("id"));
        Assert.Equal([(1, "Draft")], await admin.VersionsAsync(id));
        Assert.DoesNotContain(id, await admin.PublishedProcedureIdsAsync());
    }

    [Fact]
    public async Task A_second_draft_of_the_same_id_is_a_409_and_changes_nothing()
    {
        var admin = await factory.SignInAsync("admin");
        var id = DefinitionSamples.UniqueId("nhap-trung");
        await admin.CreateDraftAsync(DefinitionSamples.BirthRegistration(id));
        var before = await factory.SnapshotAsync();

        var again = DefinitionSamples.BirthRegistration(id);
        again["name"] = "Bản nháp thứ hai";
        var response = await admin.PostAsJsonAsync(Routes.Definitions, again);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(409, (await response.ReadJsonAsync())["status"]!.GetValue<int>());
        Assert.Equal(before, await factory.SnapshotAsync());
        Assert.Equal([(1, "Draft")], await admin.VersionsAsync(id));
    }

    [Fact]
    public async Task Replacing_the_draft_changes_what_GET_shows()
    {
        var admin = await factory.SignInAsync("admin");
        var id = DefinitionSamples.UniqueId("sua-nhap");
        await admin.CreateDraftAsync(DefinitionSamples.BirthRegistration(id));

        var changed = DefinitionSamples.BirthRegistration(id);
        changed["name"] = "Đăng ký khai sinh (bản sửa)";
        var response = await admin.PutAsJsonAsync($"{Routes.Definitions}/{id}/draft", changed);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var definition = await (await admin.GetAsync($"{Routes.Definitions}/{id}")).ReadJsonAsync();
        Assert.Equal("Đăng ký khai sinh (bản sửa)", definition.Str("name"));
        var only = Assert.Single(definition["versions"]!.AsArray())!;
        Assert.Equal("Draft", only.Str("state"));
        Assert.Equal("Đăng ký khai sinh (bản sửa)", only["definition"].Str("name"));
    }

    [Fact]
    public async Task Replacing_a_draft_with_another_id_in_the_body_is_a_422_and_changes_nothing()
    {
        var admin = await factory.SignInAsync("admin");
        var id = DefinitionSamples.UniqueId("sai-id");
        await admin.CreateDraftAsync(DefinitionSamples.BirthRegistration(id));
        var before = await factory.SnapshotAsync();

        var other = DefinitionSamples.BirthRegistration(DefinitionSamples.UniqueId("khac"));
        other["name"] = "Không được lưu";
        var response = await admin.PutAsJsonAsync($"{Routes.Definitions}/{id}/draft", other);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("id", (await response.ReadJsonAsync())["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(before, await factory.SnapshotAsync());
        Assert.NotEqual("Không được lưu", (await (await admin.GetAsync($"{Routes.Definitions}/{id}")).ReadJsonAsync()).Str("name"));
    }

    [Fact]
    public async Task Replacing_the_draft_of_an_unknown_definition_is_a_404()
    {
        var admin = await factory.SignInAsync("admin");
        var id = DefinitionSamples.UniqueId("khong-co");
        var before = await factory.SnapshotAsync();

        var response = await admin.PutAsJsonAsync($"{Routes.Definitions}/{id}/draft", DefinitionSamples.BirthRegistration(id));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, await factory.SnapshotAsync());
    }

    [Fact]
    public async Task A_published_version_cannot_be_edited_and_a_new_draft_becomes_version_2()
    {
        var admin = await factory.SignInAsync("admin");
        var id = DefinitionSamples.UniqueId("bat-bien");
        await admin.CreateAndPublishAsync(DefinitionSamples.BirthRegistration(id));
        var before = await factory.SnapshotAsync();

        var edited = DefinitionSamples.BirthRegistration(id);
        edited["name"] = "Sửa bản đã công bố";
        var refused = await admin.PutAsJsonAsync($"{Routes.Definitions}/{id}/draft", edited);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(before, await factory.SnapshotAsync());

        var created = await admin.CreateDraftAsync(edited);
        Assert.Equal(2, created["version"]!.GetValue<int>());
        Assert.Equal("Draft", created.Str("state"));
        Assert.Equal([(1, "Published"), (2, "Draft")], await admin.VersionsAsync(id));
        var published = await (await admin.GetAsync($"{Routes.Procedures}/{id}")).ReadJsonAsync();
        Assert.Equal(1, published["version"]!.GetValue<int>());
        Assert.Equal("Đăng ký khai sinh", published.Str("name"));
    }

    [Fact]
    public async Task Simultaneous_drafts_of_one_id_make_one_version_and_the_others_get_409()
    {
        var admin = await factory.SignInAsync("admin");
        var id = DefinitionSamples.UniqueId("dong-thoi");

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            admin.PostAsJsonAsync(Routes.Definitions, DefinitionSamples.BirthRegistration(id))));

        var statuses = responses.Select(r => (int)r.StatusCode).Order().ToList();
        Assert.Equal([201, 409, 409, 409, 409, 409], statuses);
        Assert.Equal([(1, "Draft")], await admin.VersionsAsync(id));
    }

    [Fact]
    public async Task Malformed_JSON_is_a_400_problem_and_changes_nothing()
    {
        var admin = await factory.SignInAsync("admin");
        var before = await factory.SnapshotAsync();

        var response = await admin.PostAsync(Routes.Definitions,
            new StringContent("{ \"id\": \"thu-nghiem.hong\", \"steps\": [ ", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(400, (await response.ReadJsonAsync())["status"]!.GetValue<int>());
        Assert.Equal(before, await factory.SnapshotAsync());
    }

    [Fact]
    public async Task A_definition_without_an_id_is_a_422_and_changes_nothing()
    {
        var admin = await factory.SignInAsync("admin");
        var definition = DefinitionSamples.BirthRegistration("");
        var before = await factory.SnapshotAsync();

        var response = await admin.PostAsJsonAsync(Routes.Definitions, definition);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("id", (await response.ReadJsonAsync())["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(before, await factory.SnapshotAsync());
    }
}
