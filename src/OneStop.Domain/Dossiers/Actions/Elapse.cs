using OneStop.Domain.Definitions;

namespace OneStop.Domain.Dossiers.Actions;

/// <summary><c>elapse</c>: the system ends a wait step (niêm yết) once its period is over, along its <c>elapse</c> transition.</summary>
public sealed class Elapse : DossierAction
{
    public override string Name => DossierActions.Elapse;

    internal override DossierRefusedException? Check(Dossier dossier, StepModel step, DossierContext context) =>
        step.Kind != StepKinds.Wait ? NotAtThisStep(step)
        : !context.Actor.IsSystem ? NotYours("hệ thống (khi hết thời gian chờ)")
        : !IsProcessing(dossier) ? WrongStatus(dossier)
        : dossier.StepDueDate is { } ends && ends > context.UtcNow ? Conflict("Thời gian chờ chưa hết.")
        : !dossier.Opens(Name, step, context) ? NotAtThisStep(step)
        : null;

    internal override Recorded Apply(Dossier dossier, ActionRequest request, DossierContext context)
    {
        var waitedAt = dossier.CurrentUnitCode;
        var step = context.Model.Step(dossier.CurrentStepId)!;
        var next = dossier.NextStepOrRefuse(Name, null, context);
        var target = dossier.ResolveUnit(next, null, context);
        dossier.Status = DossierStatus.InProgress;
        dossier.EnterStep(next, target, context);
        return new Recorded($"Hết thời gian {step.Name}.", waitedAt);
    }
}
