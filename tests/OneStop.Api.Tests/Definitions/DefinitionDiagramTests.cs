using System.Net;
using OneStop.Api.Tests.Infrastructure;

namespace OneStop.Api.Tests.Definitions;

/// <summary>Text diagrams of a stored version (DESIGN §10): Mermaid or DOT, nothing else.</summary>
public sealed class DefinitionDiagramTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    private static string DiagramRoute(string id, int version, string? format) =>
        $"{Routes.Definitions}/{id}/versions/{version}/diagram" + (format is null ? "" : $"?format={format}");

    private static readonly string[] BirthSteps = ["tiep-nhan", "tham-tra", "ky-duyet", "tra-ket-qua"];

    [Fact]
    public async Task The_mermaid_diagram_names_every_step()
    {
        var admin = await factory.SignInAsync("admin");

        var response = await admin.GetAsync(DiagramRoute(DefinitionSamples.Template, 1, "mermaid"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.All(BirthSteps, step => Assert.Contains(step, text));
        Assert.Contains("approve", text);
    }

    [Fact]
    public async Task Mermaid_is_the_default_format()
    {
        var admin = await factory.SignInAsync("admin");

        var explicitMermaid = await (await admin.GetAsync(DiagramRoute(DefinitionSamples.Template, 1, "mermaid"))).Content.ReadAsStringAsync();
        var byDefault = await admin.GetAsync(DiagramRoute(DefinitionSamples.Template, 1, null));

        Assert.Equal(HttpStatusCode.OK, byDefault.StatusCode);
        Assert.Equal(explicitMermaid, await byDefault.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_dot_diagram_is_a_digraph_of_every_step()
    {
        var admin = await factory.SignInAsync("admin");

        var response = await admin.GetAsync(DiagramRoute(DefinitionSamples.Template, 1, "dot"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("digraph", text);
        Assert.All(BirthSteps, step => Assert.Contains(step, text));
    }

    [Fact]
    public async Task A_new_version_has_its_own_diagram()
    {
        var admin = await factory.SignInAsync("admin");
        var id = DefinitionSamples.UniqueId("so-do");
        await admin.CreateAndPublishAsync(DefinitionSamples.BirthRegistration(id));
        await admin.CreateAndPublishAsync(DefinitionSamples.BirthRegistration(id).WithExtraCheckBeforeApproval("Có kiểm tra chéo"));

        var v1 = await (await admin.GetAsync(DiagramRoute(id, 1, "mermaid"))).Content.ReadAsStringAsync();
        var v2 = await (await admin.GetAsync(DiagramRoute(id, 2, "mermaid"))).Content.ReadAsStringAsync();

        Assert.DoesNotContain(DefinitionSamples.ExtraCheck, v1);
        Assert.Contains(DefinitionSamples.ExtraCheck, v2);
    }

    [Fact]
    public async Task An_unsupported_format_is_a_400_problem()
    {
        var admin = await factory.SignInAsync("admin");

        var response = await admin.GetAsync(DiagramRoute(DefinitionSamples.Template, 1, "png"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("format", (await response.ReadJsonAsync())["errors"]!.AsObject().Select(e => e.Key));
    }

    [Theory]
    [InlineData(DefinitionSamples.Template, 99)]
    [InlineData("thu-nghiem.khong-ton-tai", 1)]
    public async Task An_unknown_version_is_a_404_problem(string id, int version)
    {
        var admin = await factory.SignInAsync("admin");

        var response = await admin.GetAsync(DiagramRoute(id, version, "mermaid"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(404, (await response.ReadJsonAsync())["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_non_admin_cannot_see_diagrams()
    {
        var reception = await factory.SignInAsync("tiepnhan.xa");

        Assert.Equal(HttpStatusCode.Forbidden, (await reception.GetAsync(DiagramRoute(DefinitionSamples.Template, 1, "mermaid"))).StatusCode);
    }
}
