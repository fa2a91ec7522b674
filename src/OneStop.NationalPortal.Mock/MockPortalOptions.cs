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

    /// <summary>Expected in the <c>X-Api-Key</c> header of the mock's own read and fault endpoints; from configuration (<c>MockPortal:ApiKey</c>).</summary>
    public string? ApiKey { get; set; }

    /// <summary>Calls a minute from one client address, to every endpoint of the mock (codes are sequential: no harvesting).</summary>
    public int RateLimitPerMinute { get; set; } = 600;

    /// <summary>The demo portal account OneStop signs in with on the embedded default.</summary>
    public const string DefaultUsername = "onestop";

    /// <summary>The demo <c>dstcode</c> header value (on a real LGSP/NGSP gateway: the code of the DVCQG service).</summary>
    public const string DefaultDstCode = "DVCQG";

    /// <summary>The one account the mock's sign-in accepts, as DVCQG issues one account per connected system.</summary>
    public string Username { get; set; } = DefaultUsername;

    /// <summary>Its password. Unset: <see cref="ApiKey"/>, so one secret configures the mock (and docker-compose sets only that).</summary>
    public string? Password { get; set; }

    /// <summary>The password sign-in accepts.</summary>
    public string SignInPassword => string.IsNullOrEmpty(Password) ? ApiKey ?? "" : Password;

    /// <summary>The <c>dstcode</c> header every DVCQG call must carry.</summary>
    public string DstCode { get; set; } = DefaultDstCode;

    /// <summary>
    /// Read by the host that maps the portal (the API maps it when this is true, by default only where it seeds
    /// demo data); the library itself never looks at it.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Seeds fault injection and latency jitter so a test sees the same answers on every run.</summary>
    public int? Seed { get; set; }

    /// <summary>How long a session from the sign-in stays valid, by the host's clock.</summary>
    public int SessionLifetimeSeconds { get; set; } = 3600;
}
