using OneStop.Domain.Definitions;

namespace OneStop.Domain.Dossiers.Actions;

/// <summary>
/// <c>claim</c> (nhận xử lý): on a step marked <c>"assign": "claim"</c>, an officer of the step's role at the unit
/// holding the dossier takes the work; until they release it, the others see the dossier but cannot act.
/// </summary>
public sealed class Claim : DossierAction
{
    public override string Name => DossierActions.Claim;

    internal override DossierRefusedException? Check(Dossier dossier, StepModel step, DossierContext context) =>
        !step.Claimable ? NotAtThisStep(step)
        : !IsProcessing(dossier) ? WrongStatus(dossier)
        : NotStepOfficer(step, dossier, context) is { } notYours ? notYours
        : dossier.AssigneeUserName is { } holder ? Conflict($"Bước '{step.Name}' đã do '{holder}' nhận xử lý.")
        : null;

    internal override Recorded Apply(Dossier dossier, ActionRequest request, DossierContext context)
    {
        dossier.AssigneeUserName = context.Actor.UserName;
        return new Recorded($"{context.Actor.UserName} nhận xử lý bước {context.Model.Step(dossier.CurrentStepId)!.Name}.");
    }
}
