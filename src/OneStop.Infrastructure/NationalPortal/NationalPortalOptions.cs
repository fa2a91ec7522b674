namespace OneStop.Infrastructure.NationalPortal;

/// <summary>Configuration section <c>NationalPortal</c>: where the DVCQG portal is and how the outbox delivers to it (DESIGN §9, §12).</summary>
/// <remarks>
/// The defaults work against the mock portal the embedded default maps under <c>/portal</c>. A province sets
/// <see cref="BaseUrl"/>, the paths, <see cref="Username"/>, <see cref="Password"/> and <see cref="DstCode"/>
/// to what DVCQG (or its LGSP gateway) gave it, and nothing else changes.
/// </remarks>
public sealed class NationalPortalOptions
{
    public const string Section = "NationalPortal";

    /// <summary>The demo key of DESIGN §12, which the mock portal takes as the demo account's password.</summary>
    public const string DefaultApiKey = "demo-portal-key";

    /// <summary>
    /// When false nothing is sent and no delivery job is queued: messages stay Pending, so switching it back
    /// on later delivers everything in order.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The portal's root (OpenCPS's <c>adapter_url</c>), e.g. <c>http://portal:8080/portal</c>. Unset: the
    /// host's own <c>/portal</c>, where the embedded default maps the mock portal.
    /// </summary>
    public string? BaseUrl { get; set; }

    /// <summary>Sign-in, relative to <see cref="BaseUrl"/> (OpenCPS's <c>auth_endpoint</c>).</summary>
    public string AuthPath { get; set; } = "api/auth/login";

    /// <summary>DongBoHoSoMC, CapNhatTienDoHoSoMC and TraCuuHoSo (OpenCPS's <c>integration_endpoint</c>).</summary>
    public string IntegrationPath { get; set; } = "api/integration";

    /// <summary>The national catalogue, LayDanhSachTTHC (OpenCPS's <c>share_endpoint</c>).</summary>
    public string SharePath { get; set; } = "api/share";

    /// <summary>The portal account (sign-in <c>username</c>).</summary>
    public string Username { get; set; } = "onestop";

    /// <summary>Its password. Unset: <see cref="ApiKey"/>, the older name of the portal's secret (DESIGN §12).</summary>
    public string? Password { get; set; }

    /// <summary>The portal's secret under the name DESIGN §12 gives it; read as the password when <see cref="Password"/> is unset.</summary>
    public string ApiKey { get; set; } = DefaultApiKey;

    /// <summary>The <c>dstcode</c> header of every call: the destination code the gateway knows DVCQG by.</summary>
    public string DstCode { get; set; } = "DVCQG";

    /// <summary>
    /// DVCQG's <c>madonvi</c> for every call. Unset: each dossier's own agency code (the prefix of its
    /// <c>MaHoSo</c>), so one account serves every agency of the province.
    /// </summary>
    public string? MaDonVi { get; set; }

    /// <summary>
    /// How long a session is used before signing in again (OpenCPS keeps one for ten minutes). The portal may
    /// end it sooner; its "session expired" answer makes the client sign in again and resend at once.
    /// </summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Where the portal downloads papers and results from (our API's public address). Unset: this host's own
    /// address, which suits the embedded default and tests only.
    /// </summary>
    public string? FileLinkBaseUrl { get; set; }

    /// <summary>How long a download link sent to the portal stays valid.</summary>
    public TimeSpan FileLinkLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>One HTTP attempt; the portal answers in well under a second when it is healthy.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Quick retries inside one delivery attempt (0–5), for a blip. Anything longer is the outbox's backoff,
    /// which survives restarts and frees the worker meanwhile.
    /// </summary>
    public int ClientRetries { get; set; } = 2;

    /// <summary>The first outbox backoff; it doubles per failed attempt of the same message.</summary>
    public TimeSpan BaseBackoff { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest outbox backoff while the portal fails now and then.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Failed sends in a row (on this node) after which the portal counts as down: from then on one probe every
    /// <see cref="ProbeInterval"/> asks whether it is back, and the first send that goes through retries every
    /// message waiting in its backoff at once.
    /// </summary>
    public int OutageThreshold { get; set; } = 5;

    /// <summary>How often a down portal is probed; with Hangfire's 15-second polling a return is noticed within about 25 s.</summary>
    public TimeSpan ProbeInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A message still undelivered this long after it was written (or requeued by an admin) is dead-lettered.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How long a node owns a dossier's delivery without renewing its claim. Renewed before a send once less is
    /// left than the longest a message can take (sign-in, check and send, every attempt timing out; before every
    /// send when the lease is shorter than that), so it only has to outlast one message — and it is how long a
    /// crashed node's dossiers wait before another node takes them over.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How many dossiers one sweep delivers at the same time (each dossier stays strictly in order). Each mostly waits
    /// on the portal's answer: 8 drained 100,000 messages in 114 s on 2 cores where 4 took 163 s (issue 12).
    /// </summary>
    public int SweepParallelism { get; set; } = 8;

    /// <summary>The most dossiers one sweep takes on; the next sweep (every minute) takes the rest.</summary>
    public int SweepBatchSize { get; set; } = 5000;

    /// <summary>The password sign-in sends.</summary>
    public string SignInPassword => string.IsNullOrEmpty(Password) ? ApiKey : Password;
}
