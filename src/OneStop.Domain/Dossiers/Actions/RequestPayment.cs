using OneStop.Domain.Definitions;

namespace OneStop.Domain.Dossiers.Actions;

/// <summary><c>request-payment</c> (thông báo nộp phí): at a payment step, the step's officer asks for the fee; the clock pauses.</summary>
public sealed class RequestPayment : DossierAction
{
    public override string Name => DossierActions.RequestPayment;

    internal override bool IsStepWork => true;

    internal override DossierRefusedException? Check(Dossier dossier, StepModel step, DossierContext context) =>
        !IsProcessing(dossier) ? WrongStatus(dossier)
        : step.Kind != StepKinds.Payment ? NotAtThisStep(step)
        : NotStepOfficer(step, dossier, context);

    internal override Recorded Apply(Dossier dossier, ActionRequest request, DossierContext context)
    {
        dossier.Pause(PauseReason.Payment, restartsClock: false, DossierStatus.AwaitingPayment, context);
        return default;
    }
}
