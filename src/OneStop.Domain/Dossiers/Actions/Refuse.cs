using OneStop.Domain.Definitions;

namespace OneStop.Domain.Dossiers.Actions;

/// <summary><c>refuse</c> (từ chối tiếp nhận): the receiving counter refuses a submitted dossier, with reasons.</summary>
public sealed class Refuse : DossierAction
{
    public override string Name => DossierActions.Refuse;

    internal override DossierRefusedException? Check(Dossier dossier, StepModel step, DossierContext context) =>
        dossier.Status != DossierStatus.Submitted ? WrongStatus(dossier)
        : !context.Actor.IsOfficerAt(RoleNames.Reception, dossier.CurrentUnitCode) ? NotYours("cán bộ một cửa của đơn vị tiếp nhận")
        : null;

    internal override Recorded Apply(Dossier dossier, ActionRequest request, DossierContext context)
    {
        RequireComment(request.Comment, "Phải nêu rõ lý do từ chối tiếp nhận.");
        dossier.Close(DossierStatus.NotAccepted, context);
        return default;
    }
}
