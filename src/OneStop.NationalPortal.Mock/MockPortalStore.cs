using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace OneStop.NationalPortal.Mock;

/// <summary>
/// Everything the mock portal has accepted, its sessions and its injected faults. This is a test double of
/// DVCQG, so state lives in memory only: a restarted standalone portal starts empty and expects SoThuTu 1
/// again for every dossier. One lock guards it all, because the sequence check, the duplicate check and the
/// append must be one atomic step per message; the load of tests and demos never makes it a bottleneck.
/// </summary>
public sealed class MockPortalStore(IOptions<MockPortalOptions> options, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<ReceivedMessage>> _dossiers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _idempotencyKeys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _sessions = new(StringComparer.Ordinal);
    // Random is not thread-safe; it is only touched under _gate.
    private readonly Random _random = options.Value.Seed is { } seed ? new Random(seed) : new Random();
    private PortalFaults _faults = PortalFaults.None;

    public TimeSpan SessionLifetime { get; } = TimeSpan.FromSeconds(options.Value.SessionLifetimeSeconds);

    public PortalFaults Faults
    {
        get { lock (_gate) return _faults; }
    }

    public void SetFaults(PortalFaults faults)
    {
        lock (_gate) _faults = faults;
    }

    /// <summary>
    /// Draws the fate of one service call. The generator is consumed only by faults that are switched on, so
    /// a seeded portal answers the same way whatever calls came before the faults were set.
    /// </summary>
    public FaultDraw DrawFault()
    {
        lock (_gate)
        {
            var faults = _faults;
            var delay = faults.LatencyMs + (faults.LatencyJitterMs > 0 ? _random.Next(faults.LatencyJitterMs + 1) : 0);
            var kind = FaultKind.None;
            if (faults.ErrorRate > 0 || faults.RejectRate > 0)
            {
                var draw = _random.NextDouble();
                kind = draw < faults.ErrorRate ? FaultKind.Error
                    : draw < faults.ErrorRate + faults.RejectRate ? FaultKind.Reject
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
        }
        return session;
    }

    public bool IsSessionValid(string session)
    {
        lock (_gate)
            return _sessions.TryGetValue(session, out var expires) && expires > clock.GetUtcNow();
    }

    /// <summary>
    /// Deduplicates, then orders: a known idempotency key is a duplicate whatever its SoThuTu (a retry after a
    /// lost answer must not look out of order); otherwise SoThuTu must be the dossier's last accepted + 1,
    /// the two services sharing one sequence per dossier. Refused messages leave no trace.
    /// </summary>
    public AcceptOutcome Accept(PortalMessage message)
    {
        lock (_gate)
        {
            if (_idempotencyKeys.Contains(message.IdempotencyKey))
                return new AcceptOutcome(AcceptStatus.Duplicate);

            _dossiers.TryGetValue(message.MaHoSo, out var received);
            // Accepted messages run 1, 2, 3… without gaps, so the count is the last accepted SoThuTu.
            var expected = (received?.Count ?? 0) + 1;
            if (message.SoThuTu != expected)
                return new AcceptOutcome(AcceptStatus.OutOfOrder, expected);

            if (received is null)
                _dossiers[message.MaHoSo] = received = [];
            var firstDossierSync = message.Service == PortalServices.DongBoHoSoMC
                && !received.Any(m => m.Service == PortalServices.DongBoHoSoMC);
            received.Add(new ReceivedMessage(message.SoThuTu, message.Service, message.TrangThaiHoSo,
                clock.GetUtcNow(), message.IdempotencyKey, message.Payload));
            _idempotencyKeys.Add(message.IdempotencyKey);
            return new AcceptOutcome(AcceptStatus.Accepted, expected, firstDossierSync);
        }
    }

    /// <summary>The messages accepted for a dossier, in order, or null when none were.</summary>
    public IReadOnlyList<ReceivedMessage>? Find(string maHoSo)
    {
        lock (_gate)
            return _dossiers.TryGetValue(maHoSo, out var received) ? received.ToArray() : null;
    }

    /// <summary>A copy of everything accepted, for tests that check a whole run at once.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ReceivedMessage>> Snapshot()
    {
        lock (_gate)
            return _dossiers.ToDictionary(d => d.Key, d => (IReadOnlyList<ReceivedMessage>)d.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Forgets everything: dossiers, idempotency keys, sessions and faults.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _dossiers.Clear();
            _idempotencyKeys.Clear();
            _sessions.Clear();
            _faults = PortalFaults.None;
        }
    }
}
