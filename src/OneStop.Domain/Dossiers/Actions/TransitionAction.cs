using OneStop.Domain.Definitions;

namespace OneStop.Domain.Dossiers.Actions;

/// <summary>
/// Forward, return and approve follow a transition of the definition: the step's officer at the unit holding
/// the dossier, while it is being processed, when the model opens the action for this dossier.
/// </summary>
public abstract class TransitionAction : DossierAction
{
    internal override bool IsStepWork => true;

    internal override DossierRefusedException? Check(Dossier dossier, StepModel step, DossierContext context) =>
        !IsProcessing(dossier) ? WrongStatus(dossier)
        : NotStepOfficer(step, dossier, context) is { } notYours ? notYours
        : !dossier.Opens(Name, step, context) ? NotAtThisStep(step)
        : null;

    internal override Recorded Apply(Dossier dossier, ActionRequest request, DossierContext context)
    {
        var next = dossier.NextStepOrRefuse(Name, request.To, context);
        var target = dossier.ResolveUnit(next, request.ToUnit, context);
        dossier.Status = DossierStatus.InProgress;
        dossier.EnterStep(next, target, context);
        return default;
    }
}
