namespace OneStop.Infrastructure.Persistence;

/// <summary>One day of the working-day calendar that differs from the Mon–Fri default (or confirms it).</summary>
public sealed class CalendarEntry
{
    public DateOnly Date { get; set; }
    public bool Working { get; set; }
    public string? Note { get; set; }
    /// <summary>Where the day comes from: the seeded legal source, or the admin who edited it.</summary>
    public string? Source { get; set; }
}

/// <summary>The last dossier sequence number used by an agency on one (Vietnam) day.</summary>
public sealed class CodeSequence
{
    public string AgencyCode { get; set; } = "";
    public DateOnly Day { get; set; }
    public int Last { get; set; }
}

/// <summary>Remembers a submission's <c>Idempotency-Key</c> so a retried POST returns the same dossier.</summary>
public sealed class IdempotencyRecord
{
    public string Key { get; set; } = "";
    public string UserName { get; set; } = "";
    /// <summary>SHA-256 of the request body: the same key with another body is refused.</summary>
    public string RequestHash { get; set; } = "";
    public string DossierCode { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

public enum OutboxState
{
    Pending,
    Delivered,
    DeadLettered,
}

/// <summary>
/// A DVCQG entry waiting for the national portal — a dossier's <c>DongBoHoSoMC</c> or one processing step's
/// <c>CapNhatTienDoHoSoMC</c> (<see cref="Type"/>) — written in the same transaction as the dossier event it
/// reports (DESIGN §9); <c>Outbox/OutboxDeliveryJob</c> delivers it.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public Guid DossierId { get; set; }
    public string DossierCode { get; set; } = "";
    /// <summary>The dossier's message number, 1, 2, 3… over both services: the portal must receive them in this order.</summary>
    public int Sequence { get; set; }
    public string IdempotencyKey { get; set; } = "";
    public string Type { get; set; } = "";
    /// <summary>The DVCQG <c>data</c> entry as of the event (<c>NationalPortal/DvcqgPayload</c>), less the names and links filled at delivery.</summary>
    public string Payload { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    /// <summary>When an admin last put a dead letter back; the age limit counts from here instead of <see cref="CreatedAt"/>.</summary>
    public DateTime? RequeuedAt { get; set; }
    public OutboxState State { get; set; }
    public int Attempts { get; set; }
    public DateTime? NextAttemptAt { get; set; }
    public DateTime? DeliveredAt { get; set; }
    public string? LastError { get; set; }
}

/// <summary>
/// Which node is delivering a dossier's outbox messages, and until when. One row per dossier, written with
/// the dossier's first message; a node claims it with a conditional UPDATE (free or expired), so exactly one
/// claimer wins, and frees it when done. A crashed node's claim simply expires.
/// </summary>
public sealed class OutboxLease
{
    public Guid DossierId { get; set; }
    public string Owner { get; set; } = "";
    public DateTime Until { get; set; }
}
