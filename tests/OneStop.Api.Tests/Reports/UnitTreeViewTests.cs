using System.Text.Json.Nodes;
using OneStop.Api.Tests.Infrastructure;
using OneStop.Domain.Dossiers;

using static OneStop.Api.Tests.Reports.HandMadeFacts;

namespace OneStop.Api.Tests.Reports;

/// <summary>
/// Merged units (DESIGN §3, §11): by default a figure counts under the unit that acted at the time and, through the
/// stored parent links, under the units above it; <c>tree=current</c> counts it under the unit that carries that
/// unit's work today. Seed: district 596 ended 30/06/2025 with the province 60 as successor; its former communes
/// 23005 and 23011 now hang under 60.
/// </summary>
public sealed class UnitTreeViewTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    private const string June2025 = "from=2025-06-01&to=2025-06-30";

    private static Dictionary<string, JsonNode> Units(JsonObject report) =>
        report["units"]!.AsArray().ToDictionary(u => u!["unit"].Str("code"), u => u!["figures"]!);

    [Fact]
    public async Task A_dissolved_district_keeps_its_own_figures_in_history_and_hands_them_to_its_successor_today()
    {
        // June 2025: three dossiers received at district 596, two (online) at commune 23005, one at the province.
        await factory.AddFactsAsync([
            .. 3.Times(() => Received("596", Vn(2025, 6, 10))),
            .. 2.Times(() => Received("23005", Vn(2025, 6, 10), Channel.Online)),
            Received("60", Vn(2025, 6, 10)),
        ]);
        var admin = await factory.SignInAsync("admin");
        var provinceLeader = await factory.SignInAsync("lanhdao.tinh");

        var history = await provinceLeader.IndicatorsAsync(June2025);
        var current = await provinceLeader.IndicatorsAsync(June2025 + "&tree=current");
        var district = await provinceLeader.IndicatorsAsync(June2025 + "&unit=596");

        // Both views count all six under the province…
        Assert.Equal(6, history["figures"].Int("received.total"));
        Assert.Equal(6, current["figures"].Int("received.total"));
        // …but history lists 596 with its own three, while today's tree has no 596: its three are the province's.
        Assert.Equal((1, 3, 2), (Units(history)["60"].Int("received.total"), Units(history)["596"].Int("received.total"), Units(history)["23005"].Int("received.total")));
        Assert.DoesNotContain("596", Units(current).Keys);
        Assert.Equal((4, 2), (Units(current)["60"].Int("received.total"), Units(current)["23005"].Int("received.total")));
        // The district's own report: its three (the tree keeps one parent per unit, so 23005 now belongs to 60 only).
        Assert.Equal(("596", "history", 3), (district["unit"].Str("code"), district.Str("tree"), district["figures"].Int("received.total")));
        Assert.Equal((2, 6), (history["figures"].Int("onlineRate.numerator"), history["figures"].Int("onlineRate.denominator")));
        // The whole system for an admin.
        Assert.Equal(6, (await admin.IndicatorsAsync(June2025))["figures"].Int("received.total"));
    }

    [Fact]
    public async Task A_commune_merged_today_counts_under_itself_in_history_and_under_its_successor_in_the_current_tree()
    {
        // Mon 02/03/2026 08:00: two dossiers received at Mũi Né (22915), three at Hàm Tiến (22918); then Mũi Né is merged into Hàm Tiến.
        await factory.AddFactsAsync([
            .. 2.Times(() => Received("22915", Vn(2026, 3, 2, 8))),
            .. 3.Times(() => Received("22918", Vn(2026, 3, 2, 8), electronic: true, reused: true)),
        ]);
        var admin = await factory.SignInAsync("admin");
        var merged = await admin.PostAsync(Routes.Merge("22915", "22918"), null);
        Assert.True(merged.IsSuccessStatusCode, await merged.Content.ReadAsStringAsync());
        var leader = await factory.SignInAsync("lanhdao.xa");

        var history = await leader.IndicatorsAsync("from=2026-03-02&to=2026-03-02");
        var current = await leader.IndicatorsAsync("from=2026-03-02&to=2026-03-02&tree=current");
        var district = await (await factory.SignInAsync("lanhdao.huyen")).IndicatorsAsync("from=2026-03-02&to=2026-03-02");

        Assert.Equal(3, history["figures"].Int("received.total"));
        Assert.Equal(5, current["figures"].Int("received.total"));
        Assert.Equal(5, district["figures"].Int("received.total"));
        // Electronic and reused papers: the three at Hàm Tiến, of three in history and of five today.
        Assert.Equal((3, 3), (history["figures"].Int("digitizationRate.numerator"), history["figures"].Int("reuseRate.denominator")));
        Assert.Equal((3, 5, 0.6), (current["figures"].Int("reuseRate.numerator"), current["figures"].Int("reuseRate.denominator"), current["figures"].Number("reuseRate.value")));
    }
}
