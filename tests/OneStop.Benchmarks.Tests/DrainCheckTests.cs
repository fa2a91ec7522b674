using System.Text.Json;
using Microsoft.Extensions.Options;
using OneStop.Benchmarks.Load;
using OneStop.NationalPortal.Mock;

namespace OneStop.Benchmarks.Tests;

/// <summary>
/// The drain's exactly-once check catches what it is meant to: a real mock portal store fed by hand, right, then wrong in
/// one way at a time (a message sent twice, one never sent, one the outbox does not have, one left undelivered).
/// </summary>
public sealed class DrainCheckTests
{
    private const string First = "000.17.22.H56-261201-0001";
    private const string Second = "000.17.22.H56-261201-0002";
    private readonly MockPortalStore _portal = new(Options.Create(new MockPortalOptions()), TimeProvider.System);

    /// <summary>Each dossier: its DongBoHoSoMC (1), then a progress step (2), then the new status (3).</summary>
    private static readonly Dictionary<string, IReadOnlyList<(int Sequence, string Service)>> Outbox = new(StringComparer.Ordinal)
    {
        [First] = [(1, PortalServices.DongBoHoSoMC), (2, PortalServices.CapNhatTienDoHoSoMC), (3, PortalServices.DongBoHoSoMC)],
        [Second] = [(1, PortalServices.DongBoHoSoMC), (2, PortalServices.CapNhatTienDoHoSoMC), (3, PortalServices.DongBoHoSoMC)],
    };

    [Fact]
    public void Every_message_once_and_in_order_has_no_violation()
    {
        DeliverAll(First);
        DeliverAll(Second);

        Assert.Empty(Check(undelivered: 0));
    }

    [Fact]
    public void A_message_sent_twice_is_found()
    {
        DeliverAll(First);
        DeliverAll(Second);
        // Message 2 of the first dossier again: the portal acknowledges it without storing it a second time.
        Assert.Equal(AcceptStatus.Duplicate, Send(First, 2, PortalServices.CapNhatTienDoHoSoMC).Status);

        var violations = Check(undelivered: 0);

        Assert.Equal(["1 messages reached the portal twice"], violations);
    }

    [Fact]
    public void A_message_never_sent_is_found_even_when_the_outbox_says_delivered()
    {
        DeliverAll(First);
        Send(Second, 1, PortalServices.DongBoHoSoMC);
        Send(Second, 2, PortalServices.CapNhatTienDoHoSoMC);

        var violations = Check(undelivered: 0);

        var only = Assert.Single(violations);
        Assert.Equal($"{Second}: the portal holds [1:DongBoHoSoMC, 2:CapNhatTienDoHoSoMC] but the outbox sent [1:DongBoHoSoMC, 2:CapNhatTienDoHoSoMC, 3:DongBoHoSoMC]", only);
    }

    [Fact]
    public void An_undelivered_message_a_call_out_of_order_and_a_dossier_the_outbox_never_had_are_found()
    {
        DeliverAll(First);
        Send(Second, 1, PortalServices.DongBoHoSoMC);
        // Message 3 before message 2: the portal refuses it and counts it.
        Assert.Equal(AcceptStatus.OutOfOrder, Send(Second, 3, PortalServices.DongBoHoSoMC).Status);
        Send("000.17.22.H56-261201-0009", 1, PortalServices.DongBoHoSoMC);

        var violations = Check(undelivered: 2);

        Assert.Contains("2 outbox messages were not delivered", violations);
        Assert.Contains("1 calls reached the portal out of order", violations);
        Assert.Contains(violations, v => v.StartsWith($"{Second}: the portal holds [1:DongBoHoSoMC] but", StringComparison.Ordinal));
        Assert.Contains("000.17.22.H56-261201-0009: the portal has messages of a dossier with none in the outbox", violations);
        Assert.Equal(4, violations.Count);
    }

    private List<string> Check(int undelivered)
    {
        var (outOfOrder, repeats) = _portal.Totals();
        return DrainMeasurement.Check(Outbox, undelivered, _portal.Snapshot(), outOfOrder, repeats);
    }

    private void DeliverAll(string code)
    {
        foreach (var (sequence, service) in Outbox[code])
            Assert.Equal(AcceptStatus.Accepted, Send(code, sequence, service).Status);
    }

    private AcceptOutcome Send(string code, int sequence, string service)
    {
        var entry = new PortalEntry(code, 2, JsonDocument.Parse("{}").RootElement);
        var updating = service == PortalServices.DongBoHoSoMC ? (sequence == 1 ? "False" : "True") : null;
        return _portal.Accept(new PortalCall(service, "000.17.22.H56", updating, sequence, [entry]));
    }
}
