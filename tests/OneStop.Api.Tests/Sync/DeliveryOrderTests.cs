using OneStop.Api.Tests.Infrastructure;
using OneStop.Domain.Dossiers;
using OneStop.NationalPortal.Mock;

namespace OneStop.Api.Tests.Sync;

/// <summary>
/// Ordering that can fail: what the portal stored, read in the order it arrived (never sorted), against
/// (number, service, status) lists written by hand from the birth registration's workflow; and the portal's own
/// count of calls it refused as out of order must stay zero, so a retried 409 cannot hide a message that
/// overtook another.
/// </summary>
public sealed class DeliveryOrderTests
{
    private const string D = "DongBoHoSoMC";
    private const string P = "CapNhatTienDoHoSoMC";

    /// <summary>
    /// submit → D(1); receive → D(2), step(2); forward → D(4), step(4); approve → step(4) only (status and due
    /// date unchanged); resolve → D(9), step(9); return-result → D(10), step(10).
    /// </summary>
    private static readonly (int, string, int)[] Plain =
        [(1, D, 1), (2, D, 2), (3, P, 2), (4, D, 4), (5, P, 4), (6, P, 4), (7, D, 9), (8, P, 9), (9, D, 10), (10, P, 10)];

    /// <summary>
    /// The same with a supplement round after reception: request-supplement → D(5), step(5); supplement (the
    /// applicant's papers, not an officer's step) → D(2) only.
    /// </summary>
    private static readonly (int, string, int)[] Supplemented =
    [
        (1, D, 1), (2, D, 2), (3, P, 2), (4, D, 5), (5, P, 5), (6, D, 2), (7, D, 4), (8, P, 4), (9, P, 4), (10, D, 9), (11, P, 9),
        (12, D, 10), (13, P, 10),
    ];

    [Fact]
    public async Task Each_dossiers_messages_arrive_in_the_order_worked_out_by_hand_through_a_portal_that_fails_a_third_of_the_calls()
    {
        await using var host = OneStopFactory.With(("NationalPortal:ClientRetries", "0"), ("NationalPortal:SweepParallelism", "8"));
        await host.PortalClient().SetFaultsAsync(new { errorRate = 0.3, latencyJitterMs = 10 });
        var mill = new DossierMill(host);
        var codes = await mill.SubmitAsync(30);

        await mill.WalkToReturnedAsync(codes, async () =>
        {
            await host.Job().DeliverDueAsync(CancellationToken.None);
            host.Clock.Advance(TimeSpan.FromSeconds(30));
        });
        await host.PortalClient().SetFaultsAsync(new { });
        await host.DrainAsync();

        var portal = host.PortalStore();
        for (var i = 0; i < codes.Count; i++)
        {
            var arrived = portal.Find(codes[i])!.Select(m => (m.SoThuTu, m.Service, m.Status)).ToArray();
            // WalkToReturnedAsync asks every third dossier, from the first, for a supplement.
            Assert.Equal(i % 3 == 0 ? Supplemented : Plain, arrived);
            Assert.Equal((0, 0), portal.CountersOf(codes[i]));
            AssertCallsInOrder(portal.Find(codes[i])!);
        }
    }

    [Fact]
    public async Task Consecutive_steps_go_at_most_ten_per_call_in_order()
    {
        await using var host = new OneStopFactory();
        var mill = new DossierMill(host);
        var code = (await mill.SubmitAsync(1))[0];
        await mill.ActAsync([code], DossierActions.Receive);
        await mill.ActAsync([code], DossierActions.Forward);
        // The forward into processing gives D4 and its step P5; then six rounds of sending the dossier back from
        // approval and forwarding it again: twelve steps that change neither status nor due date (P6..P17), then
        // the approval's (P18) — fourteen progress entries in a row.
        for (var round = 0; round < 6; round++)
        {
            await mill.ActAsync([code], DossierActions.Return);
            await mill.ActAsync([code], DossierActions.Forward);
        }
        await mill.ActAsync([code], DossierActions.Approve);
        await mill.ActAsync([code], DossierActions.Resolve);
        await mill.ActAsync([code], DossierActions.ReturnResult);

        var report = await host.Job().DeliverDueAsync(CancellationToken.None);

        var arrived = host.PortalStore().Find(code)!;
        // D1 | D2 | P3 | D4 | P5..P14 | P15..P18 | D19 | P20 | D21 | P22: the fourteen steps go as ten and four.
        var calls = arrived.GroupBy(m => m.Call).Select(g => g.Select(m => m.SoThuTu).ToArray()).ToList();
        Assert.Equal([[1], [2], [3], [4], [5, 6, 7, 8, 9, 10, 11, 12, 13, 14], [15, 16, 17, 18], [19], [20], [21], [22]], calls);
        Assert.Equal(10, report.Sent);
        Assert.Equal(22, report.Delivered);
        Assert.All(arrived.Where(m => m.SoThuTu is >= 5 and <= 18), m => Assert.Equal((P, 4), (m.Service, m.Status)));
        await host.AssertDeliveredInOrderAsync(host.PortalStore(), [code]);
    }

    /// <summary>Calls arrive one after another: call numbers rise with the message numbers, none carries more than ten.</summary>
    private static void AssertCallsInOrder(IReadOnlyList<ReceivedMessage> arrived)
    {
        for (var i = 1; i < arrived.Count; i++)
            Assert.True(arrived[i].Call >= arrived[i - 1].Call, $"message {arrived[i].SoThuTu} came in an earlier call than {arrived[i - 1].SoThuTu}");
        Assert.All(arrived.GroupBy(m => m.Call), call => Assert.InRange(call.Count(), 1, 10));
    }
}
