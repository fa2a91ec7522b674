namespace OneStop.NationalPortal.Mock;

/// <summary>Configuration section <c>MockPortal</c>.</summary>
public sealed class MockPortalOptions
{
    public const string Section = "MockPortal";

    /// <summary>The demo key of DESIGN §12; the mock is a test double, so a well-known key is its point.</summary>
    public const string DefaultApiKey = "demo-portal-key";

    /// <summary>Expected in the <c>X-Api-Key</c> header of every call.</summary>
    public string ApiKey { get; set; } = DefaultApiKey;

    /// <summary>
    /// Read by the host that maps the portal (the API maps it when this is true, and by default only on the
    /// embedded default); the library itself never looks at it.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Seeds fault injection and latency jitter so a test sees the same answers on every run.</summary>
    public int? Seed { get; set; }

    /// <summary>How long a session from <c>/api/auth/login</c> stays valid (DVCQG hands out one-hour sessions).</summary>
    public int SessionLifetimeSeconds { get; set; } = 3600;
}
