using OneStop.Domain.Definitions;

namespace OneStop.Domain.Dossiers.Actions;

/// <summary><c>return-result</c> (trả kết quả): the counter of the receiving unit hands the result to the applicant.</summary>
public sealed class ReturnResult : DossierAction
{
    public override string Name => DossierActions.ReturnResult;

    internal override DossierRefusedException? Check(Dossier dossier, StepModel step, DossierContext context) =>
        dossier.Status != DossierStatus.Resolved ? WrongStatus(dossier)
        : !context.Actor.IsOfficerAt(RoleNames.Reception, dossier.ReceivingUnitCode) ? NotYours("cán bộ một cửa của đơn vị tiếp nhận")
        : null;

    internal override Recorded Apply(Dossier dossier, ActionRequest request, DossierContext context)
    {
        dossier.ReturnedAt = context.UtcNow;
        dossier.Status = DossierStatus.Returned;
        return default;
    }
}
