using OneStop.Domain.Definitions;

namespace OneStop.Domain.Dossiers.Actions;

/// <summary>
/// <c>stop</c> (dừng giải quyết): after a withdrawal request, a leader or the counter of the unit; otherwise only
/// a leader of the unit holding the dossier, on legal grounds given in the comment.
/// </summary>
public sealed class Stop : DossierAction
{
    public override string Name => DossierActions.Stop;

    internal override DossierRefusedException? Check(Dossier dossier, StepModel step, DossierContext context)
    {
        var actor = context.Actor;
        if (dossier.Status == DossierStatus.WithdrawalRequested)
            return IsUnitOfficer(dossier, actor, RoleNames.Leader) || IsUnitOfficer(dossier, actor, RoleNames.Reception)
                ? null : NotYours("lãnh đạo hoặc cán bộ một cửa của đơn vị");
        if (dossier.Status is DossierStatus.Received or DossierStatus.InProgress or DossierStatus.SupplementRequested or DossierStatus.AwaitingPayment)
            return actor.IsOfficerAt(RoleNames.Leader, dossier.CurrentUnitCode) ? null : NotYours("lãnh đạo của đơn vị đang xử lý");
        return WrongStatus(dossier);
    }

    internal override Recorded Apply(Dossier dossier, ActionRequest request, DossierContext context)
    {
        if (dossier.Status != DossierStatus.WithdrawalRequested)
            RequireComment(request.Comment, "Phải nêu căn cứ dừng giải quyết hồ sơ.");
        dossier.Close(DossierStatus.Stopped, context);
        return default;
    }
}
