using System.Diagnostics;
using OneStop.Api.Tests.Infrastructure;
using OneStop.Infrastructure.Outbox;
using Xunit.Abstractions;

namespace OneStop.Api.Tests.Sync;

/// <summary>
/// Issue #6, first "done when": 1,000 dossiers through several actions each against a portal that fails 30 % of
/// calls with random latency; every status arrives exactly once, in order per dossier.
/// </summary>
public sealed class FaultyPortalDeliveryTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_thousand_dossiers_reach_a_portal_that_fails_30_percent_of_calls_exactly_once_and_in_order()
    {
        var stopwatch = Stopwatch.StartNew();
        // No quick retries inside a send: every failure goes through the outbox's own backoff, which is what this
        // test is about (and it keeps the run short: no real-time retry pauses).
        await using var host = OneStopFactory.With(("NationalPortal:ClientRetries", "0"), ("NationalPortal:SweepParallelism", "8"));
        var portal = host.PortalClient();
        await portal.SetFaultsAsync(new { errorRate = 0.3, latencyMs = 0, latencyJitterMs = 20 });
        var mill = new DossierMill(host);
        var report = OutboxDeliveryReport.None;

        var codes = await mill.SubmitAsync(1000);
        // A sweep after every step, so deliveries, failures and backoffs interleave with dossiers moving on.
        await mill.WalkToReturnedAsync(codes, async () =>
        {
            report = report.Add(await host.Job().DeliverDueAsync(CancellationToken.None));
            host.Clock.Advance(TimeSpan.FromMinutes(1));
        });
        var created = stopwatch.Elapsed;
        var (drained, sweeps) = await host.DrainAsync(wallClock: TimeSpan.FromSeconds(100));
        report = report.Add(drained);
        var delivered = stopwatch.Elapsed;

        var outbox = await host.OutboxAsync();
        Assert.Equal(0, outbox.Pending);
        Assert.Equal(0, outbox.DeadLettered);
        await host.AssertDeliveredInOrderAsync(host.PortalStore(), codes);
        Assert.True(report.TransientFailures > outbox.Delivered / 10, $"the 30 % error rate should show: {report}");
        Assert.Equal(0, report.DeadLettered);
        Assert.InRange(report.MaxBackoff, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));
        output.WriteLine($"dossiers 1000, messages delivered {outbox.Delivered}, attempts {outbox.Attempts} " +
            $"({report.TransientFailures} transient failures, {report.Sent} calls), sweeps after the walk {sweeps}, " +
            $"max backoff {report.MaxBackoff.TotalSeconds:0.0} s; created in {created.TotalSeconds:0.0} s, all delivered and checked at {stopwatch.Elapsed.TotalSeconds:0.0} s " +
            $"(drain done at {delivered.TotalSeconds:0.0} s)");
    }
}
