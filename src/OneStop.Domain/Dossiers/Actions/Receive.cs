using OneStop.Domain.Definitions;

namespace OneStop.Domain.Dossiers.Actions;

/// <summary>
/// <c>receive</c> (tiếp nhận): the counter of the receiving unit accepts a submitted dossier; the legal clock
/// starts (after 15:00, the next working morning) and the dossier enters its first processing step.
/// </summary>
public sealed class Receive : DossierAction
{
    public override string Name => DossierActions.Receive;

    internal override DossierRefusedException? Check(Dossier dossier, StepModel step, DossierContext context) =>
        dossier.Status != DossierStatus.Submitted ? WrongStatus(dossier)
        : !context.Actor.IsOfficerAt(RoleNames.Reception, dossier.CurrentUnitCode) ? NotYours("cán bộ một cửa của đơn vị tiếp nhận")
        : null;

    internal override Recorded Apply(Dossier dossier, ActionRequest request, DossierContext context)
    {
        var next = dossier.NextStepOrRefuse(Name, request.To, context);
        var target = dossier.ResolveUnit(next, request.ToUnit, context);
        dossier.StartClock(context);
        dossier.Status = DossierStatus.Received;
        dossier.EnterStep(next, target, context);
        return default;
    }
}
