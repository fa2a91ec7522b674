namespace OneStop.NationalPortal.Mock;

/// <summary>
/// Faults injected into DVCQG calls (sign-in and services), settable at run time through
/// <c>PUT {prefix}/api/admin/faults</c>. One random draw per call: below <see cref="ErrorRate"/> it is
/// answered 503, then <see cref="RejectRate"/> refuses it (error_code "-2", as for invalid data), then
/// <see cref="UnknownCodeRate"/> answers HTTP 200 with an error_code no client knows ("99"). Nothing a faulty
/// call carried is stored. Delays are <see cref="LatencyMs"/> plus a uniform extra of up to
/// <see cref="LatencyJitterMs"/>. <see cref="Down"/> answers every call but the faults endpoint with 503.
/// </summary>
public sealed record PortalFaults(
    double ErrorRate = 0, double RejectRate = 0, int LatencyMs = 0, bool Down = false, int LatencyJitterMs = 0, double UnknownCodeRate = 0)
{
    public static readonly PortalFaults None = new();

    /// <summary>A minute is longer than any client timeout worth testing; more only hangs the test run.</summary>
    public const int MaxLatencyMs = 60_000;
}

/// <summary>What the fault draw decided for one call.</summary>
public enum FaultKind
{
    None,
    Error,
    Reject,
    UnknownCode,
}

/// <summary>The outcome of one fault draw: the added delay and whether the call fails.</summary>
public readonly record struct FaultDraw(TimeSpan Delay, FaultKind Kind);
