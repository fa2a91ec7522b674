using System.Text.Json;
using OneStop.Domain.Definitions;

namespace OneStop.Domain.Dossiers.Actions;

/// <summary>
/// <c>request-supplement</c> (yêu cầu bổ sung, hoàn thiện hồ sơ — Mẫu 02): once at reception (no clock yet) and once
/// during processing, listing everything missing as items — a paper's code and why it is needed — with a readable
/// comment (written from the items when none is given). During processing the clock pauses; when the papers arrive
/// it resumes with the time already spent counted, or restarts where the definition's <c>supplementClock</c> says
/// <c>restart</c> (DESIGN §6). The step's officer or the counter of the unit holding the dossier may ask (DESIGN §2).
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
        var items = Items(request.Items, context.Definition);
        var comment = request.Comment ?? "Đề nghị bổ sung, hoàn thiện: " + string.Join("; ", items.Select(i => $"{i.Code} ({i.Name}): {i.Reason}")) + ".";
        var details = JsonSerializer.Serialize(items.Select(i => new { code = i.Code, name = i.Name, reason = i.Reason }), DetailsJson);
        if (dossier.Status == DossierStatus.Submitted)
        {
            // Before reception no clock runs: the applicant simply completes the submission.
            dossier.SupplementRequestedBeforeReception = true;
            dossier.ResumeStatus = dossier.Status;
            dossier.Status = DossierStatus.SupplementRequested;
            return new Recorded(comment, Details: details);
        }
        dossier.SupplementRequestedDuringProcessing = true;
        var restarts = context.Definition.SupplementClock == "restart";
        dossier.Pause(PauseReason.Supplement, restartsClock: restarts, DossierStatus.SupplementRequested, context);
        return new Recorded(comment, Details: details);
    }

    internal static readonly JsonSerializerOptions DetailsJson = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The itemised list (Mẫu 02): every paper named once, a code of the procedure's papers (or KHAC for something else) and a reason.</summary>
    private static List<(string Code, string Name, string Reason)> Items(IReadOnlyList<SupplementItem>? items, WorkflowDefinition definition)
    {
        if (items is not { Count: > 0 })
            throw new DossierRefusedException(RefusalKind.Invalid,
                "Phải liệt kê từng giấy tờ cần bổ sung (items: [{ code, reason }]), mỗi giấy tờ kèm lý do; yêu cầu chỉ được gửi một lần nên phải đủ.", "items");
        var list = new List<(string, string, string)>();
        for (var i = 0; i < items.Count; i++)
        {
            var code = items[i]?.Code?.Trim() ?? "";
            var reason = items[i]?.Reason?.Trim() ?? "";
            var paper = definition.Documents.FirstOrDefault(d => d.Code == code);
            if (paper is null && code != OtherPaper)
                throw new DossierRefusedException(RefusalKind.Invalid,
                    $"'{code}' không phải giấy tờ của thủ tục; dùng mã trong thành phần hồ sơ ({string.Join(", ", definition.Documents.Select(d => d.Code))}) hoặc {OtherPaper} cho giấy tờ khác.",
                    $"items[{i}].code");
            if (list.Any(l => l.Item1 == code) && code != OtherPaper)
                throw new DossierRefusedException(RefusalKind.Invalid, $"Giấy tờ '{code}' được nêu hai lần.", $"items[{i}].code");
            if (reason.Length == 0)
                throw new DossierRefusedException(RefusalKind.Invalid, $"Phải nêu lý do cần bổ sung giấy tờ '{code}'.", $"items[{i}].reason");
            if (reason.Length > 500)
                throw new DossierRefusedException(RefusalKind.Invalid, "Lý do dài tối đa 500 ký tự.", $"items[{i}].reason");
            list.Add((code, paper?.Name ?? "Giấy tờ khác", reason));
        }
        return list;
    }

    /// <summary>The code of a paper the procedure does not list (the reason says what it is).</summary>
    public const string OtherPaper = "KHAC";
}
