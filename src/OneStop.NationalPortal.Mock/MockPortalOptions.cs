namespace OneStop.NationalPortal.Mock;

/// <summary>Configuration section <c>MockPortal</c>.</summary>
public sealed class MockPortalOptions
{
    public const string Section = "MockPortal";

    /// <summary>
    /// The published demo key of DESIGN §12. It is a default only where demo data is seeded (the host says so when it
    /// registers the portal); everywhere else the mock serves what it received — applicants' names and personal IDs
    /// included — only with a key from configuration.
    /// </summary>
    public const string DefaultApiKey = "demo-portal-key";

    /// <summary>Expected in the <c>X-Api-Key</c> header of every call; from configuration (<c>MockPortal:ApiKey</c>).</summary>
    public string? ApiKey { get; set; }

    /// <summary>Calls a minute from one client address, to every endpoint of the mock (codes are sequential: no harvesting).</summary>
    public int RateLimitPerMinute { get; set; } = 600;

    /// <summary>
    /// Read by the host that maps the portal (the API maps it when this is true, by default only where it seeds
    /// demo data); the library itself never looks at it.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Seeds fault injection and latency jitter so a test sees the same answers on every run.</summary>
    public int? Seed { get; set; }

    /// <summary>How long a session from <c>/api/auth/login</c> stays valid (DVCQG hands out one-hour sessions).</summary>
    public int SessionLifetimeSeconds { get; set; } = 3600;
}
