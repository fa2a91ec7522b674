using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Api.Tests.Infrastructure;
using OneStop.Infrastructure.NationalPortal;

namespace OneStop.Api.Tests.Sync;

/// <summary>The catalogue job reads the (mock) national procedure list and flags local codes it does not know.</summary>
public sealed class ProcedureCatalogueSyncTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    [Fact]
    public async Task A_definition_whose_code_the_national_portal_does_not_know_is_flagged()
    {
        var admin = await factory.SignInAsync("admin");
        var definition = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "workflows", "ho-tich.dang-ky-khai-sinh.json")))!.AsObject();
        definition["id"] = "ho-tich.thu-tuc-dia-phuong";
        definition["procedureCode"] = "9.999999";
        Assert.True((await admin.PostAsJsonAsync("/api/workflow-definitions", definition)).IsSuccessStatusCode);
        Assert.True((await admin.PostAsync("/api/workflow-definitions/ho-tich.thu-tuc-dia-phuong/publish", null)).IsSuccessStatusCode);
        var before = await (await admin.GetAsync("/api/workflow-definitions")).ReadJsonAsync();
        Assert.All(before["items"]!.AsArray(), d => Assert.Equal("unchecked", d.Str("nationalCatalogue")));

        IReadOnlyList<string> unknown;
        using (var scope = factory.Services.CreateScope())
            unknown = await scope.ServiceProvider.GetRequiredService<ProcedureCatalogueSyncJob>().RunAsync(CancellationToken.None);

        Assert.Equal(["9.999999"], unknown);
        var after = (await (await admin.GetAsync("/api/workflow-definitions")).ReadJsonAsync())["items"]!.AsArray();
        Assert.Equal("unknown", after.Single(d => d.Str("id") == "ho-tich.thu-tuc-dia-phuong")!.Str("nationalCatalogue"));
        Assert.Equal("known", after.Single(d => d.Str("id") == "ho-tich.dang-ky-khai-sinh")!.Str("nationalCatalogue"));
    }
}
