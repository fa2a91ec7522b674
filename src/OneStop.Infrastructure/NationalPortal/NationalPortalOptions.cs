namespace OneStop.Infrastructure.NationalPortal;

/// <summary>Configuration section <c>NationalPortal</c>: where the DVCQG portal is and how the outbox delivers to it (DESIGN §9, §12).</summary>
public sealed class NationalPortalOptions
{
    public const string Section = "NationalPortal";

    /// <summary>The demo key of DESIGN §12, which the mock portal expects by default.</summary>
    public const string DefaultApiKey = "demo-portal-key";

    /// <summary>
    /// When false nothing is sent and no delivery job is queued: messages stay Pending, so switching it back
    /// on later delivers everything in order.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The portal's root, e.g. <c>http://portal:8080/portal</c>. Unset: the host's own <c>/portal</c>, where
    /// the embedded default maps the mock portal.
    /// </summary>
    public string? BaseUrl { get; set; }

    /// <summary>Sent in <c>X-Api-Key</c>.</summary>
    public string ApiKey { get; set; } = DefaultApiKey;

    /// <summary>One HTTP attempt; the portal answers in well under a second when it is healthy.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Quick retries inside one delivery attempt (0–5), for a blip. Anything longer is the outbox's backoff,
    /// which survives restarts and frees the worker meanwhile.
    /// </summary>
    public int ClientRetries { get; set; } = 2;

    /// <summary>The first outbox backoff; it doubles per failed attempt of the same message.</summary>
    public TimeSpan BaseBackoff { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest outbox backoff: once the portal is back, everything has drained within about this long.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A message still undelivered this long after it was written (or requeued by an admin) is dead-lettered.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How long a node owns a dossier's delivery without renewing its claim. Renewed before every send, so it
    /// only has to outlast one send (attempts, quick retries and their pauses) — and it is how long a crashed
    /// node's dossiers wait before another node takes them over.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How many dossiers one sweep delivers at the same time (each dossier stays strictly in order).</summary>
    public int SweepParallelism { get; set; } = 4;

    /// <summary>The most dossiers one sweep takes on; the next sweep (every minute) takes the rest.</summary>
    public int SweepBatchSize { get; set; } = 5000;
}
