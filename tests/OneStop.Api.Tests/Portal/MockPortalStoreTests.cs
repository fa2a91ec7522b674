using System.Text.Json;
using Microsoft.Extensions.Options;
using OneStop.NationalPortal.Mock;

namespace OneStop.Api.Tests.Portal;

/// <summary>The store's ordering, repetition and insert/update rules when many deliveries race, without HTTP in between.</summary>
public sealed class MockPortalStoreTests
{
    [Fact]
    public async Task Fifty_parallel_copies_of_one_call_are_stored_once()
    {
        var store = NewStore();
        var call = Dossier("HS-1", 1, isUpdating: "False");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => store.Accept(call))));

        Assert.Single(outcomes, o => o.Status == AcceptStatus.Accepted);
        Assert.Equal(49, outcomes.Count(o => o.Status == AcceptStatus.Duplicate));
        Assert.Single(store.Find("HS-1")!);
        Assert.Equal((0, 49), store.CountersOf("HS-1"));
    }

    [Fact]
    public async Task Racing_senders_that_retry_on_out_of_order_end_with_every_message_once_and_in_order_and_the_refusals_counted()
    {
        var store = NewStore();
        const int Dossiers = 20, Messages = 15;
        // One sure refusal, whatever order the race below happens to run in.
        Assert.Equal(AcceptStatus.OutOfOrder, store.Accept(Dossier("HS-1", 2, "True")).Status);

        // Every message of every dossier is sent at once, each by a sender that retries until the portal has it:
        // the store must serialise them into 1..n per dossier, and count each refusal it made on the way.
        var senders = from d in Enumerable.Range(1, Dossiers)
                      from n in Enumerable.Range(1, Messages)
                      select Task.Run(async () =>
                      {
                          var call = n == 1 ? Dossier($"HS-{d}", 1, "False") : Dossier($"HS-{d}", n, "True");
                          while (store.Accept(call).Status == AcceptStatus.OutOfOrder)
                              await Task.Yield();
                      });
        await Task.WhenAll(senders);
        // Late copies of every message change nothing.
        await Task.WhenAll(Enumerable.Range(1, Messages).Select(n => Task.Run(() =>
            Assert.Equal(AcceptStatus.Duplicate, store.Accept(Dossier("HS-1", n, n == 1 ? "False" : "True")).Status))));

        var all = store.Snapshot();
        Assert.Equal(Dossiers, all.Count);
        Assert.All(all.Values, received => Assert.Equal(Enumerable.Range(1, Messages), received.Select(m => m.SoThuTu)));
        // The portal counts every call it refused as out of order.
        Assert.True(store.Totals().RefusedOutOfOrder >= 1);
        Assert.True(store.CountersOf("HS-1").RefusedOutOfOrder >= 1);
    }

    [Fact]
    public void A_call_that_repeats_earlier_steps_and_adds_new_ones_stores_only_the_new()
    {
        var store = NewStore();
        Assert.Equal(AcceptStatus.Accepted, store.Accept(Dossier("HS-1", 1, "False")).Status);
        Assert.Equal(AcceptStatus.Accepted, store.Accept(Progress("HS-1", 2, 1)).Status);

        // Steps 2..4 in one call, after the answer to step 2 was lost.
        var outcome = store.Accept(Progress("HS-1", 2, 3));

        Assert.Equal((AcceptStatus.Accepted, 2, 1), (outcome.Status, outcome.Stored, outcome.Duplicates));
        Assert.Equal([1, 2, 3, 4], store.Find("HS-1")!.Select(m => m.SoThuTu));
    }

    [Fact]
    public void An_insert_for_a_known_dossier_and_an_update_or_step_for_an_unknown_one_are_refused_and_leave_nothing()
    {
        var store = NewStore();

        Assert.Equal(AcceptStatus.NotFound, store.Accept(Dossier("HS-1", 1, "True")).Status);
        Assert.Equal(AcceptStatus.NotFound, store.Accept(Progress("HS-1", 1, 1)).Status);
        Assert.Null(store.Find("HS-1"));
        Assert.True(store.Accept(Dossier("HS-1", 1, "False")).Inserted);
        Assert.Equal(AcceptStatus.AlreadyExists, store.Accept(Dossier("HS-1", 2, "False")).Status);
        Assert.Equal(AcceptStatus.Accepted, store.Accept(Dossier("HS-1", 2, "True")).Status);
        Assert.Equal([1, 2], store.Find("HS-1")!.Select(m => m.SoThuTu));
    }

    [Fact]
    public void A_seeded_portal_draws_the_same_faults_every_run()
    {
        static IEnumerable<FaultDraw> Draws()
        {
            var store = NewStore(seed: 42);
            store.SetFaults(new PortalFaults(ErrorRate: 0.3, RejectRate: 0.2, LatencyMs: 5, LatencyJitterMs: 20, UnknownCodeRate: 0.1));
            return Enumerable.Range(0, 200).Select(_ => store.DrawFault()).ToList();
        }

        var first = Draws().ToList();

        Assert.Equal(first, Draws());
        Assert.Contains(first, d => d.Kind == FaultKind.Error);
        Assert.Contains(first, d => d.Kind == FaultKind.Reject);
        Assert.Contains(first, d => d.Kind == FaultKind.UnknownCode);
        Assert.Contains(first, d => d.Kind == FaultKind.None);
        Assert.All(first, d => Assert.InRange(d.Delay.TotalMilliseconds, 5, 25));
    }

    private static MockPortalStore NewStore(int? seed = null) =>
        new(Options.Create(new MockPortalOptions { Seed = seed }), TimeProvider.System);

    private static PortalCall Dossier(string code, int sequence, string isUpdating) =>
        new(PortalServices.DongBoHoSoMC, "000.00.00.H56", isUpdating, sequence,
            [new PortalEntry(code, 2, JsonSerializer.SerializeToElement(new { MaHoSo = code }))]);

    private static PortalCall Progress(string code, int first, int count) =>
        new(PortalServices.CapNhatTienDoHoSoMC, "000.00.00.H56", null, first,
            Enumerable.Range(0, count).Select(_ => new PortalEntry(code, 4, JsonSerializer.SerializeToElement(new { MaHoSo = code }))).ToList());
}
