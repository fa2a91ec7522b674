using Microsoft.EntityFrameworkCore;
using OneStop.Api.Tests.Infrastructure;
using OneStop.Infrastructure.Persistence;
using Xunit.Abstractions;

namespace OneStop.Api.Tests.Sync;

/// <summary>
/// Issue #6, second "done when": the API host stops in the middle of delivery and a new one starts on the same
/// data folder. The portal runs in a host of its own (as in docker-compose), so it remembers what it received
/// across the API restart — just as DVCQG would.
/// </summary>
public sealed class RestartDeliveryTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_host_stopped_mid_delivery_loses_and_duplicates_nothing_after_a_restart_on_the_same_data()
    {
        // The restarted host finds the first one's data: one data folder on SQLite, one database on PostgreSQL.
        await using var store = TestStore.Create();
        {
            await using var portalHost = await PortalHost.StartAsync();
            var portal = portalHost.CreateClient();
            await portal.SetFaultsAsync(new { errorRate = 0.2, latencyMs = 2, latencyJitterMs = 10 });
            (string, string)[] settings = [("NationalPortal:ClientRetries", "0")];

            IReadOnlyList<string> codes;
            DateTimeOffset stoppedAt;
            int receivedAtStop, messages;
            await using (var first = portalHost.ApiHost(store, settings))
            {
                codes = await new DossierMill(first).SubmitAsync(200);
                await new DossierMill(first).WalkToReturnedAsync(codes);
                messages = (await first.OutboxAsync()).Pending;

                using var stop = new CancellationTokenSource();
                var delivering = Task.Run(() => first.Job().DeliverDueAsync(stop.Token));
                var waited = DateTime.UtcNow;
                while (portalHost.Received < messages / 4 && DateTime.UtcNow - waited < TimeSpan.FromSeconds(30))
                    await Task.Delay(10);
                await stop.CancelAsync();
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => delivering);
                receivedAtStop = portalHost.Received;
                stoppedAt = first.Clock.GetUtcNow();
            }

            Assert.InRange(receivedAtStop, 1, messages - 1);
            await using var second = portalHost.ApiHost(store, settings);
            second.Clock.SetUtcNow(stoppedAt + TimeSpan.FromMinutes(1));
            var before = await second.OutboxAsync();
            Assert.True(before.Pending > 0 && before.Delivered > 0, $"the stop should fall mid-delivery: {before}");
            // A clean stop records every answer it got. A crash does not: make it look as if the node died right after
            // some sends (accepted by the portal, still Pending here) and while holding some dossiers' leases.
            var (resent, held) = await second.QueryAsync(async db =>
            {
                var lastDelivered = await db.Outbox.Where(m => m.State == OutboxState.Delivered)
                    .GroupBy(m => m.DossierId).Select(g => g.Max(m => m.Id)).Take(20).ToListAsync();
                var resent = await db.Outbox.Where(m => lastDelivered.Contains(m.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutboxState.Pending).SetProperty(m => m.DeliveredAt, (DateTime?)null));
                var waiting = await db.Outbox.Where(m => m.State == OutboxState.Pending && !lastDelivered.Contains(m.Id))
                    .Select(m => m.DossierId).Distinct().Take(10).ToListAsync();
                var until = (stoppedAt + TimeSpan.FromMinutes(5)).UtcDateTime;
                await db.OutboxLeases.Where(l => waiting.Contains(l.DossierId))
                    .ExecuteUpdateAsync(s => s.SetProperty(l => l.Owner, "crashed-node").SetProperty(l => l.Until, until));
                return (resent, waiting.Count);
            });

            var (report, sweeps) = await second.DrainAsync();

            Assert.Equal(messages, (await second.OutboxAsync()).Delivered);
            Assert.Equal(messages, portalHost.Received);
            // Sent again, but the portal knew the message numbers: stored once, acknowledged as repeats.
            await second.AssertDeliveredInOrderAsync(portalHost.Store, codes, duplicates: resent);
            // The dead node's leases kept everyone off those dossiers until they expired.
            Assert.True(report.Busy >= held, $"{held} dossiers were leased by the crashed node: {report}");
            output.WriteLine($"{messages} messages; {receivedAtStop} received before the stop, {before.Delivered} marked delivered; " +
                $"after the restart {report.Sent} sends in {sweeps} sweeps, {portalHost.Store.Totals().Duplicates} entries acknowledged as repeats " +
                $"({resent} made to look unrecorded), {report.Busy} dossier visits skipped for a crashed node's lease");
        }
    }
}
