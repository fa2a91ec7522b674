using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using OneStop.Api.Tests.Infrastructure;
using OneStop.Infrastructure.Outbox;
using OneStop.Infrastructure.Persistence;
using Polly;
using Xunit.Abstractions;

namespace OneStop.Api.Tests.Sync;

/// <summary>
/// Issue 11, item 5 and the third "done when": a ten-minute outage under load drains within 30 s of the portal's
/// return. Simulated on the fake clock with <see cref="VirtualHangfire"/>, so the figure does not depend on how
/// busy this machine is: dossiers keep moving through the outage, the delivery job retries with its backoffs and
/// probes the portal, the minutely sweeper runs, and the time from the portal's return to the last message
/// delivered is read off the fake clock. The wall-clock time the drain took here is printed alongside.
/// </summary>
public sealed class OutageRecoveryTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Outage = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task A_ten_minute_outage_under_load_drains_within_30_seconds_of_the_portals_return_losing_and_repeating_nothing()
    {
        await using var host = OneStopFactory.With(("NationalPortal:ClientRetries", "0"));
        // The HTTP client's own circuit breaker counts real seconds, which a simulation on the fake clock cannot
        // honour; it is switched off here. In production it adds at most its break, 5 s, to the figure below.
        host.TestServices = services => services.PostConfigure<HttpStandardResilienceOptions>(StandardPipeline,
            options => options.CircuitBreaker.ShouldHandle = _ => PredicateResult.False());
        var hangfire = new VirtualHangfire(host);
        var portal = host.PortalClient();
        Assert.Equal(TimeSpan.FromSeconds(10), host.Services.GetRequiredService<IOptionsMonitor<HttpStandardResilienceOptions>>()
            .Get(StandardPipeline).AttemptTimeout.Timeout);
        var mill = new DossierMill(host);
        var codes = await mill.SubmitAsync(150);
        await hangfire.Job.DeliverDueAsync(CancellationToken.None);

        // The outage starts (and ends) 16 s past a minute: just after one of Hangfire's 15-second polls, so the
        // return is seen as late as a probe allows, and not by the sweeper on the whole minute. The whole happy path
        // is walked during the outage, one step every 80 s.
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 2, 9, 1, 16, TimeSpan.FromHours(7)));
        await portal.SetFaultsAsync(new { down = true });
        var start = host.Clock.GetUtcNow();
        var steps = new Queue<(IReadOnlyList<string> Codes, string Action, OneStop.Domain.Dossiers.Actions.ActionRequest? Request)>(DossierMill.HappyPath(codes));
        var during = OutboxDeliveryReport.None;
        while (host.Clock.GetUtcNow() - start < Outage)
        {
            var elapsed = host.Clock.GetUtcNow() - start;
            if (steps.Count > 0 && elapsed >= TimeSpan.FromSeconds(80 * (7 - steps.Count)))
            {
                var (stepCodes, action, request) = steps.Dequeue();
                await mill.ActAsync(stepCodes, action, request);
            }
            during = during.Add(await TickAsync(host, hangfire));
        }
        Assert.Empty(steps);

        var waiting = await host.OutboxAsync();
        var lastBackoff = await host.QueryAsync(db => db.Outbox.Where(m => m.State == OutboxState.Pending).MaxAsync(m => m.NextAttemptAt));
        var mostAttempts = await host.QueryAsync(db => db.Outbox.MaxAsync(m => m.Attempts));
        Assert.Equal(0, waiting.DeadLettered);
        await portal.SetFaultsAsync(new { });
        var back = host.Clock.GetUtcNow();
        var wall = Stopwatch.StartNew();
        var after = OutboxDeliveryReport.None;
        while ((await host.OutboxAsync()).Pending > 0)
        {
            Assert.True(host.Clock.GetUtcNow() - back < TimeSpan.FromMinutes(6), "the backlog should have drained by itself within the longest backoff");
            after = after.Add(await TickAsync(host, hangfire));
        }
        var drained = host.Clock.GetUtcNow() - back;
        wall.Stop();

        await host.AssertDeliveredInOrderAsync(host.PortalStore(), codes, duplicates: 0);
        Assert.Equal(0, (await host.OutboxAsync()).DeadLettered);
        // Simulated time cannot flake: the probe every 10 s, seen at Hangfire's next 15-second poll, finds the
        // portal back within 15 s of its return, and its success makes every waiting message due at once.
        Assert.True(drained <= TimeSpan.FromSeconds(30), $"drained {drained.TotalSeconds} s after the portal came back");
        Assert.True(after.Requeued > 0, $"the recovery should have taken waiting messages out of their backoff: {after}");
        output.WriteLine($"150 dossiers walked to Returned during a {Outage.TotalMinutes:0}-minute outage: {waiting.Pending} messages waiting at the return, " +
            $"{during.TransientFailures} failed attempts (up to {mostAttempts} on one message), {during.Probes} probes; " +
            $"without the recovery the last waiting message would next be tried {(lastBackoff!.Value - back.UtcDateTime).TotalSeconds:0} s after the return. " +
            $"Drained {drained.TotalSeconds:0} s (simulated) after the portal came back: {after.Requeued} messages requeued at once, " +
            $"{after.Delivered} delivered in {after.Sent} calls, {wall.Elapsed.TotalSeconds:0.0} s of wall-clock time on this machine");
    }

    /// <summary>The resilience options of the portal client: <c>{client name}-standard</c>.</summary>
    private const string StandardPipeline = "NationalPortalClient-standard";

    /// <summary>One simulated second: the sweeper at whole minutes, the jobs that are due, then the clock moves on.</summary>
    private static async Task<OutboxDeliveryReport> TickAsync(OneStopFactory host, VirtualHangfire hangfire)
    {
        var report = OutboxDeliveryReport.None;
        if (host.Clock.GetUtcNow().Second == 0)
            report = report.Add(await hangfire.Job.DeliverDueAsync(CancellationToken.None));
        report = report.Add(await hangfire.RunDueAsync());
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        return report;
    }
}
