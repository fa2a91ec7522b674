namespace OneStop.NationalPortal.Mock;

/// <summary>Configuration section <c>MockPortal</c>.</summary>
public sealed class MockPortalOptions
{
    public const string Section = "MockPortal";

    /// <summary>The demo key of DESIGN §12; the mock is a test double, so a well-known key is its point.</summary>
    public const string DefaultApiKey = "demo-portal-key";

    /// <summary>The demo portal account OneStop signs in with on the embedded default.</summary>
    public const string DefaultUsername = "onestop";

    /// <summary>The demo <c>dstcode</c> header value (on a real LGSP/NGSP gateway: the code of the DVCQG service).</summary>
    public const string DefaultDstCode = "DVCQG";

    /// <summary>Expected in the <c>X-Api-Key</c> header of the mock's own read and fault endpoints.</summary>
    public string ApiKey { get; set; } = DefaultApiKey;

    /// <summary>The one account the mock's sign-in accepts, as DVCQG issues one account per connected system.</summary>
    public string Username { get; set; } = DefaultUsername;

    /// <summary>Its password. Unset: <see cref="ApiKey"/>, so one secret configures the mock (and docker-compose sets only that).</summary>
    public string? Password { get; set; }

    /// <summary>The password sign-in accepts.</summary>
    public string SignInPassword => string.IsNullOrEmpty(Password) ? ApiKey : Password;

    /// <summary>The <c>dstcode</c> header every DVCQG call must carry.</summary>
    public string DstCode { get; set; } = DefaultDstCode;

    /// <summary>
    /// Read by the host that maps the portal (the API maps it when this is true, and by default only on the
    /// embedded default); the library itself never looks at it.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Seeds fault injection and latency jitter so a test sees the same answers on every run.</summary>
    public int? Seed { get; set; }

    /// <summary>How long a session from the sign-in stays valid, by the host's clock.</summary>
    public int SessionLifetimeSeconds { get; set; } = 3600;
}
