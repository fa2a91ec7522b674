namespace OneStop.Infrastructure.NationalServices;

/// <summary>
/// Configuration section <c>NationalServices</c>: where the VNeID provider, the LGSP gateway and the national payment
/// platform are, and OneStop's credentials at each (DESIGN §14). Unset addresses mean this host's own
/// <c>/national</c>, where the embedded default maps the mocks; a province sets the real ones and nothing else changes.
/// </summary>
public sealed class NationalServicesOptions
{
    public const string Section = "NationalServices";

    public VneidSettings Vneid { get; set; } = new();

    public LgspSettings Lgsp { get; set; } = new();

    public PaymentSettings Payment { get; set; } = new();
}

public sealed class VneidSettings
{
    /// <summary>The issuer (OpenID Connect authority), e.g. <c>https://sso.vneid.gov.vn</c>; unset, this host's <c>/national/vneid</c>.</summary>
    public string? Authority { get; set; }

    /// <summary>The client id VNeID registered OneStop under.</summary>
    public string ClientId { get; set; } = "onestop";

    /// <summary>Its secret, when VNeID issued one (sent as <c>client_secret_post</c>); PKCE is used either way.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Unset: required for a configured authority, not for this host's own mock over plain HTTP.</summary>
    public bool? RequireHttpsMetadata { get; set; }

    /// <summary>How long the browser may take between the redirect to VNeID and the callback.</summary>
    public TimeSpan SignInTimeout { get; set; } = TimeSpan.FromMinutes(15);
}

public sealed class LgspSettings
{
    /// <summary>The LGSP gateway root, e.g. <c>https://lgsp.example.gov.vn</c>; unset, this host's <c>/national/lgsp</c>.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>The consumer key the gateway issued (header <c>X-Lgsp-Key</c>).</summary>
    public string? ConsumerKey { get; set; }

    public string PopulationPath { get; set; } = "dancu/v1/congdan/";

    public string BusinessPath { get; set; } = "dkdn/v1/doanhnghiep/";

    /// <summary>A look-up slower than this counts as the national side being down: reception goes on with papers.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a successful look-up may prove papers for a submission that names it.</summary>
    public TimeSpan ProofLifetime { get; set; } = TimeSpan.FromHours(4);
}

public sealed class PaymentSettings
{
    /// <summary>The platform root, e.g. <c>https://thanhtoan.dichvucong.gov.vn</c>; unset, this host's <c>/national/payment</c>.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>OneStop's merchant code at the platform (header <c>X-Merchant-Code</c>).</summary>
    public string MerchantCode { get; set; } = "ONESTOP";

    /// <summary>The HMAC-SHA256 secret shared with the platform: requests are signed with it, callbacks checked against it.</summary>
    public string? Secret { get; set; }

    /// <summary>The public address the platform calls back (<c>{it}/api/payments/callback</c>); unset, this host's own address.</summary>
    public string? CallbackBaseUrl { get; set; }

    /// <summary>An order still unpaid this long after it was created is asked about by the reconciliation job.</summary>
    public TimeSpan ReconcileAfter { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
