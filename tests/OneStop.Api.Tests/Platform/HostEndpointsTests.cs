using System.Net;
using System.Text.Json.Nodes;
using OneStop.Api.Tests.Infrastructure;

namespace OneStop.Api.Tests.Platform;

/// <summary>What operators and API clients rely on before any business call: health and the OpenAPI document.</summary>
public sealed class HostEndpointsTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_Healthy_without_signing_in(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_OpenAPI_document_is_version_3_1_and_describes_the_contract()
    {
        var response = await factory.CreateClient().GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.StartsWith("3.1", document["openapi"]!.GetValue<string>());
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/dossiers/{code}/actions/{action}", paths);
        Assert.Contains("/api/auth/token", paths);
        Assert.Contains("/api/workflow-definitions/{id}/versions/{version}/diagram", paths);
        // Days are edited under /days/: /{year} and /{date} would be equivalent templates, which OpenAPI forbids (DESIGN §10).
        Assert.Contains("/api/calendar/days/{date}", paths);
        Assert.Contains("/api/calendar/{year}", paths);
        Assert.DoesNotContain("/api/calendar/{date}", paths);
        Assert.NotNull(document["paths"]!["/api/dossiers/{code}/actions/{action}"]!["post"]);
    }

    [Theory]
    [InlineData("/scalar")]
    [InlineData("/scalar/v1")]
    public async Task The_API_reference_UI_is_served_as_HTML(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }
}
