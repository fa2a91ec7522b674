using OneStop.Domain.Definitions;

namespace OneStop.Domain.Dossiers.Actions;

/// <summary>
/// <c>decline</c> (từ chối giải quyết, DESIGN §5): after review, the leader of the unit deciding the dossier refuses
/// to grant it, with the reasons. The unit's signed refusal notice is the dossier's result: the dossier becomes
/// <c>Resolved</c> with <c>outcome: declined</c>, goes to the result step and is returned like any result. It is not
/// the refusal of reception (<c>refuse</c>, Mẫu 03) — the dossier was received and reviewed.
/// </summary>
public sealed class Decline : DossierAction
{
    /// <summary>The result a declined dossier ends with: the refusal notice (thông báo từ chối giải quyết).</summary>
    public const string NoticeCode = "TBTCGQ";
    public const string NoticeName = "Thông báo từ chối giải quyết hồ sơ";

    public override string Name => DossierActions.Decline;

    internal override DossierRefusedException? Check(Dossier dossier, StepModel step, DossierContext context) =>
        !IsProcessing(dossier) ? WrongStatus(dossier)
        : step.Kind is StepKinds.Result or StepKinds.Reception ? NotAtThisStep(step)
        : !context.Actor.IsOfficerAt(RoleNames.Leader, dossier.CurrentUnitCode) ? NotYours("lãnh đạo của đơn vị đang giải quyết hồ sơ")
        : null;

    internal override Recorded Apply(Dossier dossier, ActionRequest request, DossierContext context)
    {
        RequireComment(request.Comment, "Phải nêu rõ lý do từ chối giải quyết hồ sơ (comment); lý do được in trong thông báo gửi người nộp.");
        var resultStep = context.Model.Steps.First(s => s.Kind == StepKinds.Result);
        var target = dossier.ResolveUnit(resultStep, null, context);
        var decidedAt = dossier.CurrentUnitCode;
        dossier.ResolvedAt = context.UtcNow;
        dossier.Outcome = Outcomes.Declined;
        dossier.AddResults([new DossierResult(NoticeCode, NoticeName, context.UtcNow, context.Actor.UserName, null, Signed: true, SignedBy: context.Actor.UserName)]);
        dossier.Status = DossierStatus.Resolved;
        dossier.EnterStep(resultStep, target, context);
        dossier.Raise(new DossierResolved(dossier, new Dictionary<string, Guid>(), DeclineReasons: request.Comment));
        return new Recorded($"Từ chối giải quyết: {request.Comment}", decidedAt);
    }
}
