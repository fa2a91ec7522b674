namespace OneStop.NationalPortal.Mock;

/// <summary>
/// Faults injected into service calls, settable at run time through <c>PUT {prefix}/api/admin/faults</c>.
/// One random draw per call: below <see cref="ErrorRate"/> it is answered 503, below
/// <see cref="ErrorRate"/> + <see cref="RejectRate"/> it is refused with 400 (error_code 422).
/// Delays are <see cref="LatencyMs"/> plus a uniform extra of up to <see cref="LatencyJitterMs"/>.
/// <see cref="Down"/> answers every call but the faults endpoint with 503 until cleared.
/// </summary>
public sealed record PortalFaults(double ErrorRate = 0, double RejectRate = 0, int LatencyMs = 0, bool Down = false, int LatencyJitterMs = 0)
{
    public static readonly PortalFaults None = new();

    /// <summary>A minute is longer than any client timeout worth testing; more only hangs the test run.</summary>
    public const int MaxLatencyMs = 60_000;
}

/// <summary>What the fault draw decided for one service call.</summary>
public enum FaultKind
{
    None,
    Error,
    Reject,
}

/// <summary>The outcome of one fault draw: the added delay and whether the call fails.</summary>
public readonly record struct FaultDraw(TimeSpan Delay, FaultKind Kind);
