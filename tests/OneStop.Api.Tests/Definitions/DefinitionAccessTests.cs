using System.Net;
using System.Net.Http.Json;
using OneStop.Api.Tests.Infrastructure;

namespace OneStop.Api.Tests.Definitions;

/// <summary>Only admins author workflow definitions (DESIGN §2, §10).</summary>
public sealed class DefinitionAccessTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    public static TheoryData<string> NonAdmins() => new("tiepnhan.xa", "chuyenvien.huyen", "lanhdao.tinh", "congdan");

    [Theory]
    [MemberData(nameof(NonAdmins))]
    public async Task A_non_admin_cannot_list_or_read_definitions(string userName)
    {
        var client = await factory.SignInAsync(userName);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Routes.Definitions)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"{Routes.Definitions}/{DefinitionSamples.Template}")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(NonAdmins))]
    public async Task A_non_admin_gets_403_for_every_write_and_nothing_changes(string userName)
    {
        var client = await factory.SignInAsync(userName);
        var id = DefinitionSamples.UniqueId("cam");
        var before = await factory.SnapshotAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync(Routes.Definitions, DefinitionSamples.BirthRegistration(id))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await client.PutAsJsonAsync($"{Routes.Definitions}/{id}/draft", DefinitionSamples.BirthRegistration(id))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"{Routes.Definitions}/{DefinitionSamples.Template}/retire", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"{Routes.Definitions}/{DefinitionSamples.Template}/publish", null)).StatusCode);

        Assert.Equal(before, await factory.SnapshotAsync());
        Assert.Contains(DefinitionSamples.Template, await factory.CreateClient().PublishedProcedureIdsAsync());
    }

    [Fact]
    public async Task Anonymous_callers_get_401_problem_details_and_nothing_changes()
    {
        var anonymous = factory.CreateClient();
        var id = DefinitionSamples.UniqueId("an-danh");
        var before = await factory.SnapshotAsync();

        var list = await anonymous.GetAsync(Routes.Definitions);
        var create = await anonymous.PostAsJsonAsync(Routes.Definitions, DefinitionSamples.BirthRegistration(id));
        var validate = await anonymous.PostAsJsonAsync($"{Routes.Definitions}/validate", DefinitionSamples.BirthRegistration(id));
        var retire = await anonymous.PostAsync($"{Routes.Definitions}/{DefinitionSamples.Template}/retire", null);

        Assert.All([list, create, validate, retire], r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.Equal("application/problem+json", list.Content.Headers.ContentType?.MediaType);
        Assert.Equal(401, (await list.ReadJsonAsync())["status"]!.GetValue<int>());
        Assert.Equal(before, await factory.SnapshotAsync());
    }

    [Fact]
    public async Task The_admin_lists_every_shipped_definition_with_its_published_version()
    {
        var admin = await factory.SignInAsync("admin");

        var list = await (await admin.GetAsync(Routes.Definitions)).ReadJsonAsync();

        var birth = list["items"]!.AsArray().Single(d => d.Str("id") == DefinitionSamples.Template)!;
        Assert.Equal("1.001193", birth.Str("procedureCode"));
        Assert.Equal("Published", birth.Str("latestState"));
        Assert.Equal(1, birth["publishedVersion"]!.GetValue<int>());
        Assert.True(list["total"]!.GetValue<int>() >= 6);
    }
}
