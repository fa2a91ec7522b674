namespace OneStop.Infrastructure.Outbox;

/// <summary>
/// How long a message waits after its n-th failed attempt: base·2^(n−1), capped, then jittered down to
/// between half and all of that ("equal jitter"). The jitter spreads the retries of a whole outage so the
/// portal is not hit by every dossier at the same second when it comes back; keeping the lower half means a
/// retry never comes sooner than half the plain backoff. There is no attempt limit: only the age rule ends it.
/// </summary>
public static class OutboxBackoff
{
    /// <param name="attempts">Failed attempts so far, this one included (1 for the first failure).</param>
    /// <param name="random">A uniform draw in [0, 1).</param>
    public static TimeSpan Delay(int attempts, TimeSpan baseDelay, TimeSpan cap, double random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(baseDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(cap, baseDelay);
        // 2^30 base delays is beyond any cap; stopping there keeps the arithmetic away from overflow.
        var exponential = baseDelay.Ticks * Math.Pow(2, Math.Min(attempts - 1, 30));
        var ceiling = Math.Min(exponential, cap.Ticks);
        var jitter = Math.Clamp(random, 0, 1);
        return TimeSpan.FromTicks((long)(ceiling / 2 + ceiling / 2 * jitter));
    }
}
