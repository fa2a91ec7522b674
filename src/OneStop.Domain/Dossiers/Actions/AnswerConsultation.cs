using OneStop.Domain.Definitions;

namespace OneStop.Domain.Dossiers.Actions;

/// <summary>
/// The opinion of a consulted unit (<c>/consultations/{unitCode}</c>): an officer of that unit holding the consulted
/// role answers <c>agree</c> or <c>disagree</c> with a comment and papers; or the system answers <c>agree</c> once
/// the due date has passed when the step deems silence agreement (quá hạn coi như đồng ý).
/// </summary>
public sealed class AnswerConsultation : DossierAction
{
    public override string Name => DossierActions.AnswerConsultation;

    internal override DossierRefusedException? Check(Dossier dossier, StepModel step, DossierContext context)
    {
        if (step.Kind != StepKinds.Consultation)
            return NotAtThisStep(step);
        if (!IsProcessing(dossier))
            return WrongStatus(dossier);
        var actor = context.Actor;
        if (actor.IsSystem)
            return dossier.OpenRound.Any(c => !c.IsAnswered && c.DueAt <= context.UtcNow) ? null : Conflict("Không có ý kiến nào quá hạn.");
        var mine = dossier.OpenRound.FirstOrDefault(c => actor.IsOfficerAt(c.Role, c.UnitCode));
        return mine is null ? NotYours("cán bộ của đơn vị được lấy ý kiến, đúng vai trò được hỏi")
            : mine.IsAnswered ? Conflict($"Đơn vị {mine.UnitCode} đã trả lời ý kiến.")
            : null;
    }

    internal override Recorded Apply(Dossier dossier, ActionRequest request, DossierContext context)
    {
        var actor = context.Actor;
        var unit = request.UnitCode ?? actor.UnitCode;
        var consultation = dossier.OpenRound.FirstOrDefault(c => string.Equals(c.UnitCode, unit, StringComparison.OrdinalIgnoreCase))
            ?? throw new DossierRefusedException(RefusalKind.Invalid, $"Đơn vị '{unit}' không được lấy ý kiến ở bước này.", "unitCode");
        if (consultation.IsAnswered)
            throw new DossierRefusedException(RefusalKind.Conflict, $"Đơn vị {consultation.UnitCode} đã trả lời ý kiến.");
        if (actor.IsSystem ? consultation.DueAt > context.UtcNow : !actor.IsOfficerAt(consultation.Role, consultation.UnitCode))
            throw NotYours($"{RoleNames.Describe(consultation.Role)} của đơn vị {consultation.UnitCode}");
        if (request.Answer is not (ConsultationAnswers.Agree or ConsultationAnswers.Disagree))
            throw new DossierRefusedException(RefusalKind.Invalid, "Ý kiến (answer) phải là agree (đồng ý) hoặc disagree (không đồng ý).", "answer");
        var files = (request.Documents ?? []).Where(d => d.FileId is not null).Select(d => d.FileId!.Value).ToList();
        consultation.Record(request.Answer, request.Comment, actor.UserName, context.UtcNow, files);
        var verdict = request.Answer == ConsultationAnswers.Agree ? "đồng ý" : "không đồng ý";
        return new Recorded($"Ý kiến của {consultation.UnitCode}: {verdict}{(request.Comment is { } c ? ". " + c : "")}", consultation.UnitCode);
    }
}
