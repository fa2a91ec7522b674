using OneStop.Domain.Definitions;

namespace OneStop.Domain.Dossiers.Actions;

/// <summary>
/// <c>assign</c> (giao việc): a leader of the unit holding the dossier gives a claimable step's work to an officer
/// of the step's role at that unit (<c>userName</c>), who is notified.
/// </summary>
public sealed class Assign : DossierAction
{
    public override string Name => DossierActions.Assign;

    internal override DossierRefusedException? Check(Dossier dossier, StepModel step, DossierContext context) =>
        !step.Claimable ? NotAtThisStep(step)
        : !IsProcessing(dossier) ? WrongStatus(dossier)
        : !context.Actor.IsOfficerAt(RoleNames.Leader, dossier.CurrentUnitCode) ? NotYours("lãnh đạo của đơn vị đang xử lý")
        : null;

    internal override Recorded Apply(Dossier dossier, ActionRequest request, DossierContext context)
    {
        var step = context.Model.Step(dossier.CurrentStepId)!;
        if (request.Assignee is not { } assignee)
            throw new DossierRefusedException(RefusalKind.Invalid, "Phải chọn cán bộ được giao (userName).", "userName");
        if (!assignee.IsOfficerAt(step.Role, dossier.CurrentUnitCode))
            throw new DossierRefusedException(RefusalKind.Invalid,
                $"'{assignee.UserName}' không phải {RoleNames.Describe(step.Role ?? "")} của đơn vị {dossier.CurrentUnitCode}.", "userName");
        dossier.AssigneeUserName = assignee.UserName;
        dossier.Notify(NotificationKinds.Assigned, $"Hồ sơ {dossier.Code}: được giao xử lý bước {step.Name}.", null, [], assignee.UserName);
        return new Recorded($"Giao {assignee.UserName} xử lý bước {step.Name}.");
    }
}
