namespace OneStop.Domain.Dossiers;

/// <summary>
/// Something an action did that others act on (eShop's domain events). Handlers run in the same transaction,
/// before the changes are saved: the outbox row, the issued results, the notifications; timers are armed after
/// the commit. Nothing here is stored as it is.
/// </summary>
public interface IDomainEvent;

/// <summary>A line was added to the dossier's history; the national portal hears of every one (DESIGN §5, §9).</summary>
public sealed record DossierChanged(Dossier Dossier, DossierEvent Event) : IDomainEvent;

/// <summary>
/// The dossier was resolved: its results are to be issued (drawn or uploaded), signed where the definition says. A
/// declined dossier (<see cref="DeclineReasons"/>) gets the unit's refusal notice instead, kept out of any repository.
/// </summary>
public sealed record DossierResolved(Dossier Dossier, IReadOnlyDictionary<string, Guid> UploadedFiles, string? DeclineReasons = null) : IDomainEvent;

/// <summary>A timer was stored with the dossier; once committed, a background job is scheduled for its due time.</summary>
public sealed record TimerArmed(Guid DossierId, Guid TimerId, DateTime DueAt) : IDomainEvent;

/// <summary>
/// Officers should hear of something: the holders of <see cref="Roles"/> at <see cref="UnitCode"/>, or one
/// <see cref="UserName"/>. The domain names roles and units; who holds them is the accounts' business.
/// </summary>
public sealed record NotificationRequested(
    string DossierCode, string Kind, string Message, string? UnitCode, IReadOnlyList<string> Roles, string? UserName = null) : IDomainEvent;

public static class NotificationKinds
{
    public const string Assigned = "assigned";
    public const string DueSoon = "due-soon";
    public const string Escalated = "escalated";
    public const string ConsultationRequested = "consultation-requested";
    /// <summary>A dossier arrived at the unit from another one: any-point filing, a merge or a dissolution.</summary>
    public const string Transferred = "transferred";
}
