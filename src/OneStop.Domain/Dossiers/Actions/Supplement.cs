using OneStop.Domain.Definitions;

namespace OneStop.Domain.Dossiers.Actions;

/// <summary>
/// <c>supplement</c> (bổ sung): the applicant (or the counter for them) hands in the papers asked for and may
/// correct the form, which is validated again as at submission; the clock resumes or restarts.
/// </summary>
public sealed class Supplement : DossierAction
{
    public override string Name => DossierActions.Supplement;

    internal override DossierRefusedException? Check(Dossier dossier, StepModel step, DossierContext context) =>
        dossier.Status != DossierStatus.SupplementRequested ? WrongStatus(dossier)
        : !dossier.IsOwner(context.Actor) && !context.Actor.IsOfficerAt(RoleNames.Reception, dossier.ReceivingUnitCode)
            ? NotYours("người nộp hồ sơ hoặc cán bộ một cửa")
        : null;

    internal override Recorded Apply(Dossier dossier, ActionRequest request, DossierContext context)
    {
        var papers = Dossier.MatchDocuments(context.Definition, request.Documents ?? [], dossier.Channel);
        if (papers.Count == 0 && request.Form is null)
            throw new DossierRefusedException(RefusalKind.Invalid, "Phải nộp ít nhất một giấy tờ bổ sung.", "documents");
        if (request.Form is { } corrections)
        {
            var merged = dossier.Form.ToDictionary();
            foreach (var (key, value) in corrections)
                merged[key] = value;
            dossier.ReplaceForm(FormValues.Validate(context.Model.Form, merged, context.Today));
        }
        dossier.ReplacePapers(papers);
        if (dossier.OpenPause is not null)
            dossier.EndPause(context);
        dossier.Status = dossier.ResumeStatus ?? DossierStatus.Received;
        dossier.ResumeStatus = null;
        return default;
    }
}
