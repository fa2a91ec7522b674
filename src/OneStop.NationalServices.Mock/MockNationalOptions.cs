namespace OneStop.NationalServices.Mock;

/// <summary>Configuration section <c>MockNational</c>: the mock national services (DESIGN §14).</summary>
public sealed class MockNationalOptions
{
    public const string Section = "MockNational";

    /// <summary>The published demo key of the mock's fault switch; a default only where demo data is seeded.</summary>
    public const string DefaultApiKey = "demo-national-key";

    /// <summary>The published demo secret the mock payment platform and OneStop sign with; demo instances only.</summary>
    public const string DefaultPaymentSecret = "demo-payment-secret";

    /// <summary>The published demo key an LGSP consumer (OneStop) presents to the mock registries; demo instances only.</summary>
    public const string DefaultLgspKey = "demo-lgsp-key";

    /// <summary>The client OneStop is registered as at the mock VNeID provider.</summary>
    public const string DefaultClientId = "onestop";

    /// <summary>Key of the mock's own fault endpoint (<c>X-Api-Key</c>).</summary>
    public string? ApiKey { get; set; }

    /// <summary>Calls a minute from one client address to any endpoint of the mock.</summary>
    public int RateLimitPerMinute { get; set; } = 600;

    /// <summary>Seeds the fault draw so a test sees the same answers on every run.</summary>
    public int? Seed { get; set; }

    /// <summary>
    /// The public root the mock is reached at (e.g. <c>https://national.example/national</c>): the VNeID issuer and
    /// the payment page links are built from it. Unset: from each request (scheme, host, path base, prefix).
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    public MockVneidOptions Vneid { get; set; } = new();

    public MockLgspOptions Lgsp { get; set; } = new();

    public MockPaymentOptions Payment { get; set; } = new();
}

public sealed class MockVneidOptions
{
    /// <summary>The one relying party the mock provider knows.</summary>
    public string ClientId { get; set; } = MockNationalOptions.DefaultClientId;

    /// <summary>Its secret; unset, the client is public and PKCE alone proves it (as for a native or browser app).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>
    /// The redirect URIs registered for the client, matched exactly. Unset: any http(s) address whose path is OneStop's
    /// callback (<c>/api/auth/vneid/callback</c>), so the mock serves OneStop wherever it runs, and nothing else.
    /// </summary>
    public List<string> RedirectUris { get; set; } = [];

    /// <summary>How long an authorization code may wait for its exchange.</summary>
    public int CodeLifetimeSeconds { get; set; } = 120;

    /// <summary>How long an ID token is valid.</summary>
    public int TokenLifetimeSeconds { get; set; } = 600;
}

public sealed class MockLgspOptions
{
    /// <summary>The consumer key an LGSP gateway gives a connected system (header <c>X-Lgsp-Key</c>).</summary>
    public string? ConsumerKey { get; set; }
}

public sealed class MockPaymentOptions
{
    /// <summary>The merchant (OneStop's province) the platform knows.</summary>
    public string MerchantCode { get; set; } = "ONESTOP";

    /// <summary>HMAC-SHA256 key of every order request and every callback (<c>X-Signature</c>).</summary>
    public string? Secret { get; set; }
}
