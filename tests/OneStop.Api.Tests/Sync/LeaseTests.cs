using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Api.Tests.Infrastructure;
using OneStop.Infrastructure.Persistence;
using OneStop.Infrastructure.Outbox;
using Xunit.Abstractions;

namespace OneStop.Api.Tests.Sync;

/// <summary>No two nodes send the same message: a dossier's delivery is claimed with a lease in the database.</summary>
public sealed class LeaseTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_dossier_leased_by_another_node_is_left_alone_until_the_lease_expires()
    {
        await using var host = new OneStopFactory();
        var code = (await new DossierMill(host).SubmitAsync(1))[0];
        var dossierId = await host.QueryAsync(db => db.Dossiers.Where(d => d.Code == code).Select(d => d.Id).SingleAsync());
        var until = host.Clock.GetUtcNow().UtcDateTime.AddMinutes(2);
        await host.QueryAsync(db => db.OutboxLeases.Where(l => l.DossierId == dossierId)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Owner, "node-b").SetProperty(l => l.Until, until)));

        var held = await host.Job().RunAsync(dossierId, CancellationToken.None);
        host.Clock.Advance(TimeSpan.FromMinutes(3));
        var expired = await host.Job().RunAsync(dossierId, CancellationToken.None);

        Assert.Equal((1, 0), (held.Busy, held.Sent));
        Assert.Equal((0, 1), (expired.Busy, expired.Delivered));
        // Freed when done: nothing is left for the next run to wait on.
        var lease = await host.QueryAsync(db => db.OutboxLeases.SingleAsync());
        Assert.Equal(("", OutboxLeases.Free), (lease.Owner, lease.Until));
    }

    [Fact]
    public async Task Messages_committed_while_the_holder_lets_the_lease_go_are_sent_by_the_holder_not_left_for_the_sweeper()
    {
        // The race CI once lost under load: job A has sent everything it read and is about to free the lease; the
        // reception commits two more messages and its own job B finds the lease still taken and gives up.
        var crossing = new CrossingBeforeRelease();
        await using var host = new OneStopFactory
        {
            TestServices = services => services.ConfigureDbContext<OneStopDbContext>(options => options.AddInterceptors(crossing)),
        };
        var reception = await host.SignInAsync("tiepnhan.xa");
        var code = (await reception.SubmitAsync(ApiClient.CounterSubmission(DossierMill.Procedure, Demo.Commune, ["TKKS", "GCS"]))).Str("code");
        var dossierId = await host.QueryAsync(db => db.Dossiers.Where(d => d.Code == code).Select(d => d.Id).SingleAsync());
        OneStop.Infrastructure.Outbox.OutboxDeliveryReport? jobB = null;
        crossing.Arm(async () =>
        {
            await reception.ActAsync(code, "receive");
            jobB = await host.Job().RunAsync(dossierId, CancellationToken.None);
        });

        var jobA = await host.Job().RunAsync(dossierId, CancellationToken.None);

        Assert.True(crossing.Crossed, "the reception never ran between job A's last read and its release");
        Assert.Equal((1, 0), (jobB!.Busy, jobB.Sent));
        // Submission, then the reception's DongBoHoSoMC and its first step: all three sent by job A, in order.
        Assert.Equal((1, 3, 0), (jobA.Dossiers, jobA.Delivered, jobA.Busy));
        Assert.Equal(new OutboxCounts(0, 3, 0, 3), await host.OutboxAsync());
        await host.AssertDeliveredInOrderAsync(host.PortalStore(), [code]);
    }

    /// <summary>
    /// Runs the armed action once, just before the first lease UPDATE that follows an outbox UPDATE: the release of a
    /// job that has marked its last message delivered.
    /// </summary>
    private sealed class CrossingBeforeRelease : DbCommandInterceptor
    {
        private Func<Task>? _action;
        private bool _delivered;

        public bool Crossed { get; private set; }

        public void Arm(Func<Task> action) => _action = action;

        public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            var text = command.CommandText;
            if (_action is { } action && text.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase))
            {
                if (text.Contains("OutboxLeases", StringComparison.Ordinal))
                {
                    if (_delivered)
                    {
                        _action = null;
                        await action();
                        Crossed = true;
                    }
                }
                else if (text.Contains("Outbox", StringComparison.Ordinal))
                    _delivered = true;
            }
            return result;
        }
    }

    [Fact]
    public async Task Two_nodes_sweeping_the_same_database_at_once_send_every_message_exactly_once()
    {
        // Both nodes use one store: one data folder on SQLite, one database on PostgreSQL.
        await using var store = TestStore.Create();
        {
            await using var portalHost = await PortalHost.StartAsync();
            await portalHost.CreateClient().SetFaultsAsync(new { latencyJitterMs = 5 });
            (string, string)[] settings = [("NationalPortal:SweepParallelism", "8")];
            await using var nodeA = portalHost.ApiHost(store, settings);
            var codes = await new DossierMill(nodeA).SubmitAsync(150);
            await new DossierMill(nodeA).WalkToReturnedAsync(codes);
            var messages = (await nodeA.OutboxAsync()).Pending;
            await using var nodeB = portalHost.ApiHost(store, settings);
            nodeB.Clock.SetUtcNow(nodeA.Clock.GetUtcNow());

            var sweeps = await Task.WhenAll(Enumerable.Range(0, 3).SelectMany(_ => new[] { nodeA, nodeB })
                .Select(node => Task.Run(() => node.Job().DeliverDueAsync(CancellationToken.None))));

            Assert.Equal(messages, (await nodeA.OutboxAsync()).Delivered);
            // Without faults every call is delivered: as many entries delivered as messages, and the portal saw no
            // entry twice (it counts repeats), means none went twice.
            Assert.Equal(messages, sweeps.Sum(r => r.Delivered));
            Assert.Equal(messages, portalHost.Received);
            await nodeA.AssertDeliveredInOrderAsync(portalHost.Store, codes, duplicates: 0);
            output.WriteLine($"{messages} messages sent once each by 6 concurrent sweeps on two nodes; {sweeps.Sum(r => r.Busy)} dossier visits found another node's lease");
        }
    }
}
