using OneStop.Domain.Definitions;

namespace OneStop.Domain.Dossiers.Actions;

/// <summary>
/// <c>return-result</c> (trả kết quả): the counter of the unit where the applicant chose to get the result — the
/// receiving unit, or for an any-point dossier the competent one, which also sends it by post — hands it over.
/// </summary>
public sealed class ReturnResult : DossierAction
{
    public override string Name => DossierActions.ReturnResult;

    internal override DossierRefusedException? Check(Dossier dossier, StepModel step, DossierContext context) =>
        dossier.Status != DossierStatus.Resolved ? WrongStatus(dossier)
        : !context.Actor.IsOfficerAt(RoleNames.Reception, dossier.ReturnUnitCode) ? NotYours($"cán bộ một cửa của đơn vị trả kết quả ({dossier.ReturnUnitCode})")
        : null;

    internal override Recorded Apply(Dossier dossier, ActionRequest request, DossierContext context)
    {
        dossier.ReturnedAt = context.UtcNow;
        dossier.Status = DossierStatus.Returned;
        return dossier.ReturnAt == ReturnPoints.Post
            ? new Recorded(request.Comment is { } c ? $"Gửi kết quả qua dịch vụ bưu chính công ích. {c}" : "Gửi kết quả qua dịch vụ bưu chính công ích.")
            : default;
    }
}
