using System.Net;
using Microsoft.EntityFrameworkCore;
using OneStop.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OneStop.Api.Tests.Sync;

/// <summary>
/// Issue #6, third "done when": the portal is down for longer than several backoff rounds while dossiers keep
/// moving; nothing is dead-lettered and everything arrives in order once it is back, with no one retrying by hand.
/// </summary>
public sealed class PortalOutageTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_long_outage_dead_letters_nothing_and_drains_in_order_by_itself()
    {
        await using var host = OneStopFactory.With(("NationalPortal:ClientRetries", "0"));
        var portal = host.PortalClient();
        await portal.SetFaultsAsync(new { down = true });
        var mill = new DossierMill(host);

        var codes = await mill.SubmitAsync(60);
        // Dossiers move on through the outage, with the sweeper trying every few minutes.
        await mill.WalkToReturnedAsync(codes, async () =>
        {
            await host.Job().DeliverDueAsync(CancellationToken.None);
            host.Clock.Advance(TimeSpan.FromMinutes(4));
        });
        for (var round = 0; round < 12; round++)
        {
            await host.Job().DeliverDueAsync(CancellationToken.None);
            host.Clock.Advance(TimeSpan.FromMinutes(5));
        }

        var during = await host.OutboxAsync();
        var mostAttempts = await host.QueryAsync(db => db.Outbox.MaxAsync(m => m.Attempts));
        Assert.Equal(0, during.DeadLettered);
        Assert.Equal(0, during.Delivered);
        // More failures than it takes the backoff to reach its 5-minute cap (2 s · 2^8 > 300 s).
        Assert.True(mostAttempts >= 10, $"the first messages should have been tried many times; most attempts {mostAttempts}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await portal.GetAsync($"/portal/api/dossiers/{codes[0]}")).StatusCode);

        await portal.SetFaultsAsync(new { });
        var (report, sweeps) = await host.DrainAsync();

        var after = await host.OutboxAsync();
        Assert.Equal(0, after.DeadLettered);
        Assert.Equal(during.Pending, after.Delivered);
        await host.AssertDeliveredInOrderAsync(host.PortalStore(), codes);
        output.WriteLine($"outage: {during.Pending} messages waiting, {during.Attempts} failed attempts, most on one message {mostAttempts}; " +
            $"back up: drained in {sweeps} sweeps, {report.Sent} sends");
    }
}
