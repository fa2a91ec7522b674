namespace OneStop.Domain.Dossiers;

public enum TimerKind
{
    /// <summary>A wait step's period is over: the system takes <c>elapse</c>.</summary>
    WaitElapse,
    /// <summary>A consulted unit did not answer by its due date: deemed agreed, or escalated.</summary>
    ConsultationTimeout,
    /// <summary>The step's due date is near: the roles the step's <c>escalate</c> lists hear of it.</summary>
    EscalateBefore,
    /// <summary>The step's due date has come: the unit's leader hears of it.</summary>
    EscalateDue,
}

/// <summary>
/// Time as data (Elsa's bookmarks): a moment at which the dossier's model is asked again, stored with the dossier
/// in the same transaction as the step it belongs to. A background job fires it; one that fires late or twice
/// finds the dossier moved on, or the timer done, and does nothing.
/// </summary>
public sealed class DossierTimer
{
    private DossierTimer() { }

    internal DossierTimer(Guid id, string stepId, int stepEntry, TimerKind kind, string? target, DateTime dueAt)
    {
        Id = id;
        StepId = stepId;
        StepEntry = stepEntry;
        Kind = kind;
        Target = target;
        DueAt = dueAt;
    }

    public Guid Id { get; private set; }
    public string StepId { get; private set; } = "";
    /// <summary>Which entry into the step armed it; a later entry makes it stale.</summary>
    public int StepEntry { get; private set; }
    public TimerKind Kind { get; private set; }
    /// <summary>The consulted unit, for a consultation timeout.</summary>
    public string? Target { get; private set; }
    public DateTime DueAt { get; private set; }
    public DateTime? DoneAt { get; private set; }

    internal void Done(DateTime at) => DoneAt ??= at;

    internal void Retarget(string unitCode) => Target = unitCode;

    /// <summary>A migration moved the dossier's current step to another version's step; the timer goes with it, due when it was.</summary>
    internal void MoveToStep(string stepId) => StepId = stepId;
}
