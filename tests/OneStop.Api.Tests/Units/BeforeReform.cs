using System.Text.Json.Nodes;
using OneStop.Api.Tests.Definitions;
using OneStop.Api.Tests.Infrastructure;

namespace OneStop.Api.Tests.Units;

/// <summary>
/// Two procedures as they stood before 01/07/2025, published under ids of their own: household business registration
/// at the district (Decree 01/2021/NĐ-CP) and the monthly social allowance decided by the district chairman (Decree
/// 20/2021/NĐ-CP as first issued, with its 2-day public posting) — the shipped files of main before issue 10, ids
/// changed. Since the reform the shipped files give both to the commune, so the scenarios that move a district's open
/// dossiers — a merge, a dissolution — and the cross-level golden payload run on these.
/// </summary>
internal static class BeforeReform
{
    public const string DistrictLevel = "ho-kinh-doanh.truoc-2025";
    public const string CrossLevel = "bao-tro-xa-hoi.truoc-2025";

    /// <summary>Publishes both (once per host).</summary>
    public static async Task PublishAsync(OneStopFactory factory)
    {
        var admin = await factory.SignInAsync("admin");
        var published = await admin.PublishedProcedureIdsAsync();
        foreach (var id in new[] { DistrictLevel, CrossLevel }.Where(id => !published.Contains(id)))
        {
            var json = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Units", "BeforeReform", id + ".json")))!.AsObject();
            await admin.CreateAndPublishAsync(json);
        }
    }
}
