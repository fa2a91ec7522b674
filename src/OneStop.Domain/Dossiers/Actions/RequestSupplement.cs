using OneStop.Domain.Definitions;

namespace OneStop.Domain.Dossiers.Actions;

/// <summary>
/// <c>request-supplement</c> (yêu cầu bổ sung): once at reception (no clock yet) and once during processing (the
/// clock pauses; once appraisal began it restarts when the papers arrive), listing everything missing. The step's
/// officer or the counter of the unit holding the dossier may ask (DESIGN §2).
/// </summary>
public sealed class RequestSupplement : DossierAction
{
    public override string Name => DossierActions.RequestSupplement;

    internal override bool IsStepWork => true;

    internal override DossierRefusedException? Check(Dossier dossier, StepModel step, DossierContext context)
    {
        var actor = context.Actor;
        if (dossier.Status == DossierStatus.Submitted)
            return dossier.SupplementRequestedBeforeReception ? Conflict("Chỉ yêu cầu bổ sung một lần khi tiếp nhận, và phải nêu đủ mọi giấy tờ còn thiếu.")
                : !actor.IsOfficerAt(RoleNames.Reception, dossier.CurrentUnitCode) ? NotYours("cán bộ một cửa của đơn vị tiếp nhận")
                : null;
        if (!IsProcessing(dossier))
            return WrongStatus(dossier);
        if (dossier.SupplementRequestedDuringProcessing)
            return Conflict("Trong quá trình giải quyết chỉ được yêu cầu bổ sung hồ sơ một lần.");
        if (step.Kind is StepKinds.Result or StepKinds.Wait)
            return NotAtThisStep(step);
        return actor.IsOfficerAt(step.Role, dossier.CurrentUnitCode) || actor.IsOfficerAt(RoleNames.Reception, dossier.CurrentUnitCode)
            ? null : NotYours(RoleNames.Describe(step.Role ?? "") + " hoặc cán bộ một cửa của đơn vị đang xử lý");
    }

    internal override Recorded Apply(Dossier dossier, ActionRequest request, DossierContext context)
    {
        RequireComment(request.Comment, "Phải liệt kê đầy đủ giấy tờ cần bổ sung.");
        if (dossier.Status == DossierStatus.Submitted)
        {
            // Before reception no clock runs: the applicant simply completes the submission.
            dossier.SupplementRequestedBeforeReception = true;
            dossier.ResumeStatus = dossier.Status;
            dossier.Status = DossierStatus.SupplementRequested;
            return default;
        }
        dossier.SupplementRequestedDuringProcessing = true;
        // Once appraisal has begun, the law restarts the processing time when the papers arrive.
        dossier.Pause(PauseReason.Supplement, restartsClock: dossier.Status == DossierStatus.InProgress, DossierStatus.SupplementRequested, context);
        return default;
    }
}
