using OneStop.Domain.Definitions;

namespace OneStop.Domain.Dossiers.Actions;

/// <summary><c>release</c> (trả lại việc): the officer holding the work, or a leader of the unit, gives it back to the pool.</summary>
public sealed class Release : DossierAction
{
    public override string Name => DossierActions.Release;

    internal override DossierRefusedException? Check(Dossier dossier, StepModel step, DossierContext context) =>
        !step.Claimable ? NotAtThisStep(step)
        : dossier.AssigneeUserName is null ? Conflict($"Bước '{step.Name}' chưa có ai nhận xử lý.")
        : dossier.AssigneeUserName != context.Actor.UserName && !context.Actor.IsOfficerAt(RoleNames.Leader, dossier.CurrentUnitCode)
            ? NotYours("người đang giữ việc hoặc lãnh đạo của đơn vị")
        : null;

    internal override Recorded Apply(Dossier dossier, ActionRequest request, DossierContext context)
    {
        var holder = dossier.AssigneeUserName;
        dossier.AssigneeUserName = null;
        return new Recorded($"{holder} trả lại việc.");
    }
}
