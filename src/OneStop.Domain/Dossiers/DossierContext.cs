using OneStop.Domain.Calendar;
using OneStop.Domain.Definitions;
using OneStop.Domain.Units;

namespace OneStop.Domain.Dossiers;

/// <summary>
/// Everything an action needs besides the dossier: the pinned definition (through its engine), the unit
/// tree, the working-day calendar, who acts and when. Built by the host for each request.
/// </summary>
public sealed record DossierContext(WorkflowEngine Engine, UnitTree Units, DeadlineCalculator Deadlines, Actor Actor, DateTime UtcNow)
{
    public WorkflowDefinition Definition => Engine.Definition;

    public DateOnly Today => DateOnly.FromDateTime(UtcNow.Add(DeadlineCalculator.VietnamOffset));

    public int MinutesPerDay => Deadlines.Hours.MinutesPerDay;

    internal DateTimeOffset Now => new(DateTime.SpecifyKind(UtcNow, DateTimeKind.Utc));
}
