using System.Text.Json;
using Microsoft.Extensions.Options;
using OneStop.NationalPortal.Mock;

namespace OneStop.Api.Tests.Portal;

/// <summary>The store's ordering and deduplication when many deliveries race, without HTTP in between.</summary>
public sealed class MockPortalStoreTests
{
    [Fact]
    public async Task Fifty_parallel_copies_of_one_message_are_stored_once()
    {
        var store = NewStore();
        var message = Message("HS-1", 1, "key-1");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => store.Accept(message))));

        Assert.Single(outcomes, o => o.Status == AcceptStatus.Accepted);
        Assert.Equal(49, outcomes.Count(o => o.Status == AcceptStatus.Duplicate));
        Assert.Single(store.Find("HS-1")!);
    }

    [Fact]
    public async Task Racing_senders_that_retry_on_409_end_with_every_message_once_and_in_order()
    {
        var store = NewStore();
        const int Dossiers = 20, Messages = 15;

        // Every message of every dossier is sent at once, each by a sender that retries until the portal
        // has it (accepted now or earlier): the store must serialise them into 1..n per dossier.
        var senders = from d in Enumerable.Range(1, Dossiers)
                      from n in Enumerable.Range(1, Messages)
                      select Task.Run(async () =>
                      {
                          while (store.Accept(Message($"HS-{d}", n, $"HS-{d}-{n}")).Status == AcceptStatus.OutOfOrder)
                              await Task.Yield();
                      });
        await Task.WhenAll(senders);
        // Late copies of every message change nothing.
        await Task.WhenAll(Enumerable.Range(1, Messages).Select(n => Task.Run(() =>
            Assert.Equal(AcceptStatus.Duplicate, store.Accept(Message("HS-1", n, $"HS-1-{n}")).Status))));

        var all = store.Snapshot();
        Assert.Equal(Dossiers, all.Count);
        Assert.All(all.Values, received => Assert.Equal(Enumerable.Range(1, Messages), received.Select(m => m.SoThuTu)));
    }

    [Fact]
    public void A_seeded_portal_draws_the_same_faults_every_run()
    {
        static IEnumerable<FaultDraw> Draws()
        {
            var store = NewStore(seed: 42);
            store.SetFaults(new PortalFaults(ErrorRate: 0.3, RejectRate: 0.2, LatencyMs: 5, LatencyJitterMs: 20));
            return Enumerable.Range(0, 200).Select(_ => store.DrawFault()).ToList();
        }

        var first = Draws().ToList();

        Assert.Equal(first, Draws());
        Assert.Contains(first, d => d.Kind == FaultKind.Error);
        Assert.Contains(first, d => d.Kind == FaultKind.Reject);
        Assert.Contains(first, d => d.Kind == FaultKind.None);
        Assert.All(first, d => Assert.InRange(d.Delay.TotalMilliseconds, 5, 25));
    }

    private static MockPortalStore NewStore(int? seed = null) =>
        new(Options.Create(new MockPortalOptions { Seed = seed }), TimeProvider.System);

    private static PortalMessage Message(string code, int soThuTu, string key) =>
        new(PortalServices.DongBoHoSoMC, code, key, soThuTu, 2, JsonSerializer.SerializeToElement(new { MaHoSo = code, SoThuTu = soThuTu }));
}
