using Microsoft.Extensions.DependencyInjection;
using OneStop.Api.Tests.Infrastructure;
using OneStop.Api.Tests.Reports;
using OneStop.Domain.Dossiers;
using OneStop.Infrastructure.Reports;

using static OneStop.Api.Tests.Reports.HandMadeFacts;

namespace OneStop.Api.Tests.NationalServices;

/// <summary>
/// The national-service counts of the indicators (issue 17) from facts the test chose, read live and from the daily
/// snapshot: a closed day keeps what the morning's snapshot saw, like every other count.
/// </summary>
public sealed class NationalServiceIndicatorsTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    private const string Commune = "22918";

    private static DossierReportFact Vneid(DateTime at) { var f = Received(Commune, at, Channel.Online); f.VneidVerified = true; return f; }

    private static DossierReportFact FromPopulation(DateTime at) { var f = Received(Commune, at); f.PapersFromNationalDatabases = true; return f; }

    [Fact]
    public async Task Vneid_and_national_database_counts_are_frozen_by_the_snapshot_and_added_to_live_days()
    {
        // Mon 02/03 at the commune: 3 received online (2 through VNeID, 1 with a password), 1 at the counter with the
        // proof of kinship from the population database, 1 at the counter with papers only: 5 received.
        await factory.AddFactsAsync([
            Vneid(Vn(2026, 3, 2, 9)), Vneid(Vn(2026, 3, 2, 10)), Received(Commune, Vn(2026, 3, 2, 11), Channel.Online),
            FromPopulation(Vn(2026, 3, 2, 14)), Received(Commune, Vn(2026, 3, 2, 15)),
        ]);
        factory.SetVietnamTime(2026, 3, 3, 6, 0);
        using (var scope = factory.Services.CreateScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<IndicatorSnapshotJob>().SnapshotDayAsync(new DateOnly(2026, 3, 2), CancellationToken.None));

        // Written after the snapshot: one more VNeID dossier dated Monday (not seen by Monday's figures), one on Tuesday.
        await factory.AddFactsAsync([Vneid(Vn(2026, 3, 2, 16)), Vneid(Vn(2026, 3, 3, 8))]);
        factory.SetVietnamTime(2026, 3, 3, 9, 0);
        var leader = await factory.SignInAsync("lanhdao.xa");

        var monday = (await leader.IndicatorsAsync("from=2026-03-02&to=2026-03-02"))["figures"]!["nationalServices"]!;
        var both = (await leader.IndicatorsAsync("from=2026-03-02&to=2026-03-03"))["figures"]!["nationalServices"]!;

        // Monday from the snapshot: VNeID 2 of 3 online = 0.6667; national database 1 of 5 received = 0.2; no payment.
        Assert.Equal((2, 1, 0), (monday.Int("vneidVerified"), monday.Int("fromNationalDatabases"), monday.Int("paidOnline")));
        Assert.Equal((2, 3, 0.6667), (monday.Int("vneidRate.numerator"), monday.Int("vneidRate.denominator"), monday.Number("vneidRate.value")));
        Assert.Equal((1, 5, 0.2), (monday.Int("nationalDataRate.numerator"), monday.Int("nationalDataRate.denominator"), monday.Number("nationalDataRate.value")));
        // Monday's snapshot (2) plus Tuesday live (1): 3 of 4 online.
        Assert.Equal((3, 4, 1), (both.Int("vneidRate.numerator"), both.Int("vneidRate.denominator"), both.Int("fromNationalDatabases")));
    }
}
