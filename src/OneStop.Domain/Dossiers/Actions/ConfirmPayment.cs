using OneStop.Domain.Definitions;

namespace OneStop.Domain.Dossiers.Actions;

/// <summary>
/// <c>confirm-payment</c> (xác nhận đã nộp phí): the payment step's officer records the fee paid; the clock resumes.
/// The system confirms it too, for a dossier waiting for the money, when the national payment platform's signed
/// callback (or the reconciliation that asks the platform) says the order is paid (DESIGN §14): the fee was then
/// paid online.
/// </summary>
public sealed class ConfirmPayment : DossierAction
{
    public override string Name => DossierActions.ConfirmPayment;

    internal override bool IsStepWork => true;

    internal override DossierRefusedException? Check(Dossier dossier, StepModel step, DossierContext context) =>
        context.Actor.IsSystem
            ? dossier.Status != DossierStatus.AwaitingPayment ? WrongStatus(dossier)
              : step.Kind != StepKinds.Payment || !dossier.Opens(Name, step, context) ? NotAtThisStep(step)
              : null
        : dossier.Status is not (DossierStatus.AwaitingPayment or DossierStatus.Received or DossierStatus.InProgress) ? WrongStatus(dossier)
        : step.Kind != StepKinds.Payment || !dossier.Opens(Name, step, context) ? NotAtThisStep(step)
        : NotStepOfficer(step, dossier, context);

    internal override Recorded Apply(Dossier dossier, ActionRequest request, DossierContext context)
    {
        var next = dossier.NextStepOrRefuse(Name, request.To, context);
        var target = dossier.ResolveUnit(next, request.ToUnit, context);
        if (dossier.OpenPause is not null)
            dossier.EndPause(context);
        dossier.Status = DossierStatus.InProgress;
        dossier.FeePaidOnline = context.Actor.IsSystem;
        dossier.EnterStep(next, target, context);
        return default;
    }
}
