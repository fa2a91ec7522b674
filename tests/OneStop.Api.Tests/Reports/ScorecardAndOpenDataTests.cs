using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using OneStop.Api.Tests.Infrastructure;
using OneStop.Domain.Dossiers;

using static OneStop.Api.Tests.Reports.HandMadeFacts;

namespace OneStop.Api.Tests.Reports;

/// <summary>
/// The Decision 766 scorecard and the open data, over a hand-made January 2026 at commune 23011 (under the province)
/// and a February 2026 at commune 22918. Clock: Mon 02/03/2026 09:00.
/// </summary>
public sealed class ScorecardAndOpenDataTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    private static readonly SemaphoreSlim Seeded = new(1, 1);
    private static bool _seeded;

    /// <summary>
    /// 23011, January: 10 received — 4 online birth registrations, 6 at the counter of household business; 8 with
    /// every paper electronic, 4 reusing a repository paper. 8 resolved with a signed result, 2 of them late; the other
    /// 2 still open and overdue. Ratings 5, 5, 4, 1.
    /// 22918, February: 7 received (6 counter, 1 online); 3 resolved (1 late) that were received on 30 January.
    /// </summary>
    private async Task SeedAsync()
    {
        await Seeded.WaitAsync();
        try
        {
            if (_seeded)
                return;
            var january = Vn(2026, 1, 12);
            var facts = new List<OneStop.Infrastructure.Reports.DossierReportFact>();
            for (var i = 0; i < 10; i++)
            {
                var fact = Received("23011", january, i < 4 ? Channel.Online : Channel.Counter,
                    i < 4 ? ReportClient.BirthRegistration : ReportClient.HouseholdBusiness, electronic: i < 8, reused: i < 4, due: Vn(2026, 1, 15));
                facts.Add(i < 8 ? fact.ResolvedAt(Vn(2026, 1, 14 + (i < 2 ? 2 : 0)), late: i < 2) : fact);
            }
            facts.AddRange(6.Times(() => Received("22918", Vn(2026, 2, 16))));
            facts.Add(Received("22918", Vn(2026, 2, 16), Channel.Online));
            // Three received at the end of January, resolved in February, the last one late.
            facts.AddRange(3.Times(() => Received("22918", Vn(2026, 1, 30)).ResolvedAt(Vn(2026, 2, 18))));
            facts[^1].ResolvedLate = true;
            await factory.AddFactsAsync(facts);
            foreach (var score in new[] { 5, 5, 4, 1 })
                await factory.AddRatingAsync("23011", score, Vn(2026, 1, 20));
            _seeded = true;
        }
        finally
        {
            Seeded.Release();
        }
    }

    [Fact]
    public async Task The_scorecard_gives_each_decision_766_group_its_points_traced_to_the_figures()
    {
        await SeedAsync();
        var leader = await factory.SignInAsync("lanhdao.tinh");

        var response = await leader.GetAsync($"{ReportClient.Scorecard}?year=2026&unit=23011");
        var card = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var groups = card["groups"]!.AsArray().ToDictionary(g => g.Str("code"), g => g!);
        var indicators = groups.Values.SelectMany(g => g!["indicators"]!.AsArray()).ToDictionary(i => i.Str("code"), i => i!);
        double? Points(string code) => indicators[code]["points"]?.GetValue<double>();

        // Five groups worth 18 + 20 + 22 + 22 + 18 = 100 points.
        Assert.Equal([18.0, 20, 22, 22, 18], groups.Values.Select(g => g["maxPoints"]!.GetValue<double>()));
        Assert.Equal(100, card["maxPoints"]!.GetValue<double>());
        // 1.4: 10 of 10 received are synced (no outbox message waits) → 6 × 1 = 6.
        Assert.Equal(6, Points("1.4"));
        Assert.Null(Points("1.1"));
        // 2.1: on time 6 resolved + 0 open of 8 resolved + 2 open → 20 × 0.6 = 12.
        Assert.Equal(12, Points("2.1"));
        Assert.Equal(["resolved.onTime", "inProgress.onTime", "resolved.total", "inProgress.total"],
            indicators["2.1"]["figures"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Equal((6, 10), (indicators["2.1"].Int("rate.numerator"), indicators["2.1"].Int("rate.denominator")));
        // 3.1: all 8 published procedures are offered online → min(2, 2 × 1 / 0.8) = 2.
        // 3.2: 1 of those 8 (birth registration) had an online dossier here → 4 × 0.125 = 0.5.
        // 3.3: 4 of 10 online → min(6, 6 × 0.4 / 0.5) = 4.8.
        Assert.Equal((2, 0.5, 4.8), (Points("3.1"), Points("3.2"), Points("3.3")));
        // 4.1: 8 of 8 results electronic → 6; 4.2: 8 of 10 digitized → 4 × 0.8 = 3.2; 4.3: 4 of 10 reused → min(2, 2 × 0.4 / 0.8) = 1.
        Assert.Equal((6, 3.2, 1), (Points("4.1"), Points("4.2"), Points("4.3")));
        // 5.1: (8 resolved − 2 late − 1 unsatisfied rating) / 8 = 0.625 → min(6, 6 × 0.625 / 0.9) = 4.17.
        Assert.Equal(4.17, Points("5.1"));
        // Total: 6 + 12 + 7.3 + 10.2 + 4.17 = 39.67, out of 56 points measured here.
        Assert.Equal((39.67, 56.0), (card["points"]!.GetValue<double>(), card["measuredMaxPoints"]!.GetValue<double>()));
        Assert.Equal([6, 12, 7.3, 10.2, 4.17], groups.Values.Select(g => g["points"]!.GetValue<double>()));
    }

    [Fact]
    public async Task Open_data_is_anonymous_per_unit_and_month_with_figures_from_fewer_than_five_dossiers_withheld()
    {
        await SeedAsync();
        var anonymous = factory.CreateClient();

        var json = await (await anonymous.GetAsync($"{ReportClient.OpenData}?year=2026")).ReadJsonAsync();
        var rows = json["rows"]!.AsArray();
        JsonNode Row(string month, string unit) => rows.Single(r => r.Str("month") == month && r.Str("unitCode") == unit)!;

        Assert.Equal(5, json.Int("suppressionThreshold"));
        // January at 23011: 10 received (6 counter, 4 online): the 4 online are withheld, and since 10 − 6 would
        // give them away, so is the counter figure.
        var january = Row("2026-01", "23011");
        Assert.Equal(10, january["figures"].Int("received"));
        Assert.Null(january["figures"]!["receivedOnline"]);
        Assert.Null(january["figures"]!["receivedCounter"]);
        Assert.Equal(0, january["figures"].Int("receivedPost"));
        // 8 resolved, 6 on time, 2 late: late is withheld, and with it on time (the next smallest part).
        Assert.Equal(8, january["figures"].Int("resolved"));
        Assert.Null(january["figures"]!["resolvedLate"]);
        Assert.Null(january["figures"]!["resolvedOnTime"]);
        Assert.Equal(0.75, january["figures"].Number("onTimeRate"));
        // 4 ratings: their average and rate are withheld.
        Assert.Null(january["figures"]!["averageRating"]);
        Assert.Contains("ratings", january["suppressed"]!.AsArray().Select(s => s!.GetValue<string>()));
        // February at 22918: 7 received, 6 at the counter, 1 online; 3 resolved: every resolved figure is withheld.
        var february = Row("2026-02", "22918");
        Assert.Equal((7, 0), (february["figures"].Int("received"), february["figures"].Int("receivedPost")));
        Assert.Null(february["figures"]!["resolved"]);
        Assert.Null(february["figures"]!["onTimeRate"]);
        // No personal data: only months, unit codes and names, and figures.
        Assert.Equal(["month", "unitCode", "unitName", "figures", "suppressed"], ((JsonObject)rows[0]!).Select(p => p.Key));
        // March (this month, to today): nothing happened yet, but work stays open — 22918's 7 February dossiers,
        // and 23011's 2 from January (withheld: fewer than 5).
        var march = Row("2026-03", "22918");
        Assert.Equal((0, 7, 7), (march["figures"].Int("received"), march["figures"].Int("inProgress"), march["figures"].Int("inProgressOverdue")));
        Assert.Null(Row("2026-03", "23011")["figures"]!["inProgress"]);
        Assert.DoesNotContain(rows, r => r.Str("month") == "2026-04");
    }

    [Fact]
    public async Task Open_data_as_csv_leaves_withheld_cells_empty_and_names_them()
    {
        await SeedAsync();

        var response = await factory.CreateClient().GetAsync($"{ReportClient.OpenData}?year=2026&format=csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        var january = lines.Single(l => l.StartsWith("2026-01,23011,", StringComparison.Ordinal)).Split(',');

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal(["month", "unitCode", "unitName", "received", "receivedCounter"], header[..5]);
        Assert.Equal(("10", "", ""), (january[Array.IndexOf(header, "received")], january[Array.IndexOf(header, "receivedCounter")],
            january[Array.IndexOf(header, "receivedOnline")]));
        Assert.Contains("receivedOnline", january[^1].Split(';'));
    }
}
