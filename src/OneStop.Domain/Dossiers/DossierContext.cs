using OneStop.Domain.Calendar;
using OneStop.Domain.Definitions;
using OneStop.Domain.Units;

namespace OneStop.Domain.Dossiers;

/// <summary>
/// Everything an action needs besides the dossier: the compiled model of the pinned definition version, the
/// unit tree, the working-day calendar, who acts and when. Built by the host for each request.
/// </summary>
public sealed record DossierContext(ProcedureModel Model, UnitTree Units, DeadlineCalculator Deadlines, Actor Actor, DateTime UtcNow)
{
    public WorkflowDefinition Definition => Model.Definition;

    public DateOnly Today => DateOnly.FromDateTime(UtcNow.Add(DeadlineCalculator.VietnamOffset));

    public int MinutesPerDay => Deadlines.Hours.MinutesPerDay;

    internal DateTimeOffset Now => new(DateTime.SpecifyKind(UtcNow, DateTimeKind.Utc));

    /// <summary>The same world, seen by another actor (the system firing a timer, say).</summary>
    public DossierContext As(Actor actor) => this with { Actor = actor };
}
