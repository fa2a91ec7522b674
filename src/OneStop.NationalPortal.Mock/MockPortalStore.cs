using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace OneStop.NationalPortal.Mock;

/// <summary>
/// Everything the mock portal has accepted, its sessions, its injected faults and its counters. This is a test
/// double of DVCQG, so state lives in memory only: a restarted standalone portal starts empty. One lock guards
/// it all, because the order check, the repetition check and the append must be one atomic step per call; the
/// load of tests and demos never makes it a bottleneck.
/// </summary>
public sealed class MockPortalStore(IOptions<MockPortalOptions> options, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DossierRecord> _dossiers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _sessions = new(StringComparer.Ordinal);
    // Random is not thread-safe; it is only touched under _gate.
    private readonly Random _random = options.Value.Seed is { } seed ? new Random(seed) : new Random();
    private PortalFaults _faults = PortalFaults.None;
    private int _calls;

    public TimeSpan SessionLifetime { get; } = TimeSpan.FromSeconds(options.Value.SessionLifetimeSeconds);

    public PortalFaults Faults
    {
        get { lock (_gate) return _faults; }
    }

    /// <summary>Sessions opened by sign-in so far.</summary>
    public int SignIns { get; private set; }

    /// <summary>Service calls answered "session invalid or expired".</summary>
    public int SessionRefusals { get; private set; }

    public void SetFaults(PortalFaults faults)
    {
        lock (_gate) _faults = faults;
    }

    /// <summary>
    /// Draws the fate of one call. The generator is consumed only by faults that are switched on, so a seeded
    /// portal answers the same way whatever calls came before the faults were set.
    /// </summary>
    public FaultDraw DrawFault()
    {
        lock (_gate)
        {
            var faults = _faults;
            var delay = faults.LatencyMs + (faults.LatencyJitterMs > 0 ? _random.Next(faults.LatencyJitterMs + 1) : 0);
            var kind = FaultKind.None;
            if (faults.ErrorRate > 0 || faults.RejectRate > 0 || faults.UnknownCodeRate > 0)
            {
                var draw = _random.NextDouble();
                kind = draw < faults.ErrorRate ? FaultKind.Error
                    : draw < faults.ErrorRate + faults.RejectRate ? FaultKind.Reject
                    : draw < faults.ErrorRate + faults.RejectRate + faults.UnknownCodeRate ? FaultKind.UnknownCode
                    : FaultKind.None;
            }
            return new FaultDraw(TimeSpan.FromMilliseconds(delay), kind);
        }
    }

    /// <summary>Opens a session, as DVCQG's sign-in does; expired ones are dropped on the way.</summary>
    public string OpenSession()
    {
        var session = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            foreach (var expired in _sessions.Where(s => s.Value <= now).Select(s => s.Key).ToList())
                _sessions.Remove(expired);
            _sessions[session] = now + SessionLifetime;
            SignIns++;
        }
        return session;
    }

    /// <summary>True for a session that sign-in gave and that has not expired; counts the refusals.</summary>
    public bool CheckSession(string? session)
    {
        lock (_gate)
        {
            if (session is not null && _sessions.TryGetValue(session, out var expires) && expires > clock.GetUtcNow())
                return true;
            SessionRefusals++;
            return false;
        }
    }

    /// <summary>Ends every open session at once, as a portal restart or a security reset does.</summary>
    public void ExpireSessions()
    {
        lock (_gate) _sessions.Clear();
    }

    /// <summary>
    /// Takes a DongBoHoSoMC or CapNhatTienDoHoSoMC call. With OneStop's message numbers: entries the dossier
    /// already has are acknowledged without storing (a retry after a lost answer), and the first new one must be
    /// the next number, both services sharing one sequence per dossier. Then DVCQG's rules: an insert for a
    /// dossier the portal has is refused, and so are an update and a progress step for one it does not have.
    /// A refused call leaves no trace but its counter.
    /// </summary>
    public AcceptOutcome Accept(PortalCall call)
    {
        lock (_gate)
        {
            var maHoSo = call.Entries[0].MaHoSo;
            _dossiers.TryGetValue(maHoSo, out var dossier);
            var accepted = dossier?.Messages.Count ?? 0;
            var fresh = call.Entries.Select((entry, i) => (Entry: entry, Sequence: call.FirstSequence is { } first ? first + i : accepted + 1 + i))
                .Where(e => e.Sequence > accepted)
                .ToList();
            var repeated = call.Entries.Count - fresh.Count;
            if (fresh.Count == 0)
            {
                Ensure(maHoSo, ref dossier).Duplicates += repeated;
                return new AcceptOutcome(AcceptStatus.Duplicate, Duplicates: repeated);
            }
            if (fresh[0].Sequence != accepted + 1)
            {
                Ensure(maHoSo, ref dossier).RefusedOutOfOrder++;
                return new AcceptOutcome(AcceptStatus.OutOfOrder, Expected: accepted + 1);
            }

            var known = dossier?.Messages.Any(m => m.Service == PortalServices.DongBoHoSoMC) ?? false;
            if (call.Service == PortalServices.DongBoHoSoMC && call.IsUpdating == "False" && known)
                return new AcceptOutcome(AcceptStatus.AlreadyExists);
            if (!known && (call.Service == PortalServices.CapNhatTienDoHoSoMC || call.IsUpdating == "True"))
                return new AcceptOutcome(AcceptStatus.NotFound);

            var record = Ensure(maHoSo, ref dossier);
            var callNumber = ++_calls;
            var now = clock.GetUtcNow();
            foreach (var (entry, sequence) in fresh)
                record.Messages.Add(new ReceivedMessage(sequence, call.Service, entry.Status, call.IsUpdating, call.MaDonVi, callNumber, now, entry.Payload));
            record.Duplicates += repeated;
            return new AcceptOutcome(AcceptStatus.Accepted, fresh.Count, repeated, Inserted: !known && call.Service == PortalServices.DongBoHoSoMC);
        }
    }

    /// <summary>The status of a dossier as the portal knows it (its last DongBoHoSoMC), or null.</summary>
    public int? StatusOf(string maHoSo)
    {
        lock (_gate)
            return _dossiers.TryGetValue(maHoSo, out var dossier)
                ? dossier.Messages.LastOrDefault(m => m.Service == PortalServices.DongBoHoSoMC)?.Status
                : null;
    }

    /// <summary>The entries accepted for a dossier in arrival order, or null when none were.</summary>
    public IReadOnlyList<ReceivedMessage>? Find(string maHoSo)
    {
        lock (_gate)
            return _dossiers.TryGetValue(maHoSo, out var dossier) && dossier.Messages.Count > 0 ? dossier.Messages.ToArray() : null;
    }

    /// <summary>A dossier's counters: calls refused as out of order, and repeated entries acknowledged without storing.</summary>
    public (int RefusedOutOfOrder, int Duplicates) CountersOf(string maHoSo)
    {
        lock (_gate)
            return _dossiers.TryGetValue(maHoSo, out var dossier) ? (dossier.RefusedOutOfOrder, dossier.Duplicates) : (0, 0);
    }

    /// <summary>A copy of everything accepted, for tests that check a whole run at once.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ReceivedMessage>> Snapshot()
    {
        lock (_gate)
            return _dossiers.Where(d => d.Value.Messages.Count > 0)
                .ToDictionary(d => d.Key, d => (IReadOnlyList<ReceivedMessage>)d.Value.Messages.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Totals over every dossier: calls refused as out of order, repeated entries acknowledged.</summary>
    public (int RefusedOutOfOrder, int Duplicates) Totals()
    {
        lock (_gate)
            return (_dossiers.Values.Sum(d => d.RefusedOutOfOrder), _dossiers.Values.Sum(d => d.Duplicates));
    }

    /// <summary>Forgets everything: dossiers, sessions, faults and counters.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _dossiers.Clear();
            _sessions.Clear();
            _faults = PortalFaults.None;
            _calls = 0;
            SignIns = 0;
            SessionRefusals = 0;
        }
    }

    private DossierRecord Ensure(string maHoSo, ref DossierRecord? dossier)
    {
        if (dossier is null)
            _dossiers[maHoSo] = dossier = new DossierRecord();
        return dossier;
    }

    private sealed class DossierRecord
    {
        public List<ReceivedMessage> Messages { get; } = [];
        public int RefusedOutOfOrder { get; set; }
        public int Duplicates { get; set; }
    }
}
