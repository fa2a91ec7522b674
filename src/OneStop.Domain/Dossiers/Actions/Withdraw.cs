using OneStop.Domain.Definitions;

namespace OneStop.Domain.Dossiers.Actions;

/// <summary><c>withdraw</c> (rút hồ sơ): the applicant, or the counter for them, asks to withdraw an open dossier.</summary>
public sealed class Withdraw : DossierAction
{
    public override string Name => DossierActions.Withdraw;

    internal override DossierRefusedException? Check(Dossier dossier, StepModel step, DossierContext context) =>
        !dossier.Status.IsOpen() || dossier.Status is DossierStatus.WithdrawalRequested or DossierStatus.Resolved ? WrongStatus(dossier)
        : !dossier.IsOwner(context.Actor) && !context.Actor.IsOfficerAt(RoleNames.Reception, dossier.ReceivingUnitCode)
            ? NotYours("người nộp hồ sơ hoặc cán bộ một cửa")
        : null;

    internal override Recorded Apply(Dossier dossier, ActionRequest request, DossierContext context)
    {
        dossier.ResumeStatus = dossier.Status;
        dossier.Status = DossierStatus.WithdrawalRequested;
        return default;
    }
}
