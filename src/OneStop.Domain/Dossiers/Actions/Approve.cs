using OneStop.Domain.Definitions;

namespace OneStop.Domain.Dossiers.Actions;

/// <summary>
/// <c>approve</c> (phê duyệt): who may approve? The officer holding the approval step's role — a leader in every
/// shipped definition — at the unit where the dossier is, while it is being processed, at a step whose
/// <c>approve</c> transition the model opens for this dossier (and, on a claimable step, only the officer holding
/// it). At a step that <c>signs</c>, that leader is recorded as the signer of the results.
/// </summary>
public sealed class Approve : TransitionAction
{
    public override string Name => DossierActions.Approve;

    internal override Recorded Apply(Dossier dossier, ActionRequest request, DossierContext context)
    {
        var signs = context.Model.Step(dossier.CurrentStepId)!.Signs;
        var recorded = base.Apply(dossier, request, context);
        if (signs)
            dossier.SignerUserName = context.Actor.UserName;
        return recorded;
    }
}
