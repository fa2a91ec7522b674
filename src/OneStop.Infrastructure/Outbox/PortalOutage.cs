using Microsoft.Extensions.Options;
using OneStop.Infrastructure.NationalPortal;

namespace OneStop.Infrastructure.Outbox;

/// <summary>
/// This node's view of whether the portal is down — a half-open circuit that never stops the per-message
/// backoffs, only watches them. After <see cref="NationalPortalOptions.OutageThreshold"/> failed sends in a
/// row the portal counts as down: one probe every <see cref="NationalPortalOptions.ProbeInterval"/> asks
/// whether it is back, so its return is noticed within seconds whatever the backoffs say. The first send that
/// goes through after an outage (a probe, or any message) reports the recovery, and the delivery job then
/// retries every message waiting in its backoff at once: a long outage drains in seconds, not in up to
/// <see cref="NationalPortalOptions.MaxBackoff"/>.
/// </summary>
public sealed class PortalOutage(IOptionsMonitor<NationalPortalOptions> options)
{
    private readonly Lock _gate = new();
    private int _failuresInARow;
    private DateTimeOffset? _downSince;
    private DateTimeOffset _lastProbe = DateTimeOffset.MinValue;
    private DateTimeOffset _probeScheduledFor = DateTimeOffset.MinValue;

    public bool IsDown
    {
        get { lock (_gate) return _downSince is not null; }
    }

    /// <summary>Counts a failed send; true when this one made the portal count as down.</summary>
    public bool RecordFailure(DateTimeOffset now)
    {
        lock (_gate)
        {
            _failuresInARow++;
            if (_downSince is not null || _failuresInARow < options.CurrentValue.OutageThreshold)
                return false;
            _downSince = now;
            return true;
        }
    }

    /// <summary>Counts a send that went through; true when it ends an outage (the caller drains the backlog).</summary>
    public bool RecordSuccess()
    {
        lock (_gate)
        {
            var wasDown = _downSince is not null;
            _failuresInARow = 0;
            _downSince = null;
            return wasDown;
        }
    }

    /// <summary>While down: true when no probe job is waiting any more, for the caller that will schedule the next one.</summary>
    public bool TryScheduleProbe(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_downSince is null || now < _probeScheduledFor)
                return false;
            _probeScheduledFor = now + options.CurrentValue.ProbeInterval;
            return true;
        }
    }

    /// <summary>While down: true at most once per probe interval, for the caller that will send the probe.</summary>
    public bool TryTakeProbe(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_downSince is null || now - _lastProbe < options.CurrentValue.ProbeInterval)
                return false;
            _lastProbe = now;
            return true;
        }
    }
}
