using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using OneStop.Domain.Definitions.Guards;

namespace OneStop.Domain.Definitions;

/// <summary>The rules of DESIGN §4.1: form, fee rule, roles, results, claimable, consultation, wait and escalation steps.</summary>
public static partial class DefinitionValidator
{
    [GeneratedRegex("^[a-z][a-z0-9-]{1,31}$")]
    private static partial Regex RoleName();

    [GeneratedRegex("^[A-Z][A-Z0-9_]{0,19}$")]
    private static partial Regex PaperCode();

    /// <summary>A paper or result code: short, upper-case, as other procedures will reuse it.</summary>
    private static void ValidatePaperCode(string? code, string path, List<DefinitionError> errors)
    {
        if (!string.IsNullOrWhiteSpace(code) && !PaperCode().IsMatch(code))
            errors.Add(new(path, $"Mã '{code}' không đúng dạng: chữ in hoa không dấu, số và gạch dưới, tối đa 20 ký tự, ví dụ \"GPXD\"."));
    }

    private static void ValidateRicherHeader(Rules rules)
    {
        var definition = rules.Definition;
        var errors = rules.Errors;
        if (definition.EffectiveFrom is { } from && !DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            errors.Add(new("effectiveFrom", $"Ngày hiệu lực '{from}' phải có dạng yyyy-MM-dd, ví dụ \"2027-01-01\"."));
        if (definition.SupplementClock is { } clock && clock is not ("resume" or "restart"))
            errors.Add(new("supplementClock", $"supplementClock '{clock}' không hợp lệ; chỉ dùng resume hoặc restart."));
        if (definition.LegalBasis is { } basis)
        {
            if (basis.Count == 0)
                errors.Add(new("legalBasis", "Căn cứ pháp lý (legalBasis) không được rỗng; bỏ hẳn legalBasis nếu chưa ghi."));
            for (var i = 0; i < basis.Count; i++)
                if (string.IsNullOrWhiteSpace(basis[i]) || basis[i].Length > 500)
                    errors.Add(new($"legalBasis[{i}]", "Mỗi căn cứ pháp lý là một trích dẫn văn bản (1–500 ký tự), ví dụ \"Luật Hộ tịch 2014, điều 16\"."));
        }

        var roles = definition.Roles;
        if (roles is not null)
        {
            if (roles.Count == 0)
                errors.Add(new("roles", "Danh sách vai trò (roles) không được rỗng; bỏ hẳn roles để dùng reception, specialist, leader."));
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < roles.Count; i++)
            {
                if (roles[i] is not { } role || !RoleName().IsMatch(role) || !RoleNames.IsOfficerRole(role))
                    errors.Add(new($"roles[{i}]", $"Vai trò '{roles[i]}' không hợp lệ: chữ thường không dấu, số, gạch nối (2–32 ký tự); admin và citizen không làm bước xử lý."));
                else if (!seen.Add(role))
                    errors.Add(new($"roles[{i}]", $"Vai trò '{role}' bị trùng."));
            }
        }
        ValidateForm(definition.Form, errors);
        ValidateFee(definition.Fee, rules);
    }

    private static void ValidateForm(IReadOnlyList<FormField>? form, List<DefinitionError> errors)
    {
        if (form is null)
            return;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < form.Count; i++)
        {
            var path = $"form[{i}]";
            if (form[i] is not { } field)
            {
                errors.Add(new(path, "Trường của form không được để trống."));
                continue;
            }
            if (!FieldName().IsMatch(field.Key ?? ""))
                errors.Add(new($"{path}.key", "Khóa trường phải là camelCase không dấu, ví dụ \"dienTichSan\"."));
            else if (!seen.TryAdd(field.Key!, i))
                errors.Add(new($"{path}.key", $"Khóa trường '{field.Key}' bị trùng với form[{seen[field.Key!]}]."));
            if (string.IsNullOrWhiteSpace(field.Label))
                errors.Add(new($"{path}.label", "Thiếu nhãn hiển thị của trường."));
            if (!FormFieldTypes.All.Contains(field.Type ?? ""))
            {
                errors.Add(new($"{path}.type", $"Kiểu trường '{field.Type}' không hợp lệ; chỉ dùng: {string.Join(", ", FormFieldTypes.All)}."));
                continue;
            }
            if (field.Type == FormFieldTypes.Choice && field.Choices is not { Count: > 0 })
                errors.Add(new($"{path}.choices", "Trường kiểu choice phải liệt kê các lựa chọn (choices)."));
            else if (field.Type != FormFieldTypes.Choice && field.Choices is not null)
                errors.Add(new($"{path}.choices", "Chỉ trường kiểu choice mới có choices."));
            else if (field.Choices is { } choices && choices.Distinct(StringComparer.Ordinal).Count() != choices.Count)
                errors.Add(new($"{path}.choices", "Các lựa chọn không được trùng nhau."));
            if ((field.Min is not null || field.Max is not null) && !FormFieldTypes.IsNumeric(field.Type))
                errors.Add(new($"{path}.{(field.Min is not null ? "min" : "max")}", "Chỉ trường kiểu number hoặc money mới có min, max."));
            else if (field is { Min: { } min, Max: { } max } && min > max)
                errors.Add(new($"{path}.max", $"max ({max.ToString(Vietnamese)}) phải không nhỏ hơn min ({min.ToString(Vietnamese)})."));
        }
    }

    private static void ValidateFee(Fee? fee, Rules rules)
    {
        var errors = rules.Errors;
        // No fee at all means a free procedure (an existing rule the schema now follows too).
        if (fee is null)
            return;
        if (fee.Currency != "VND")
            errors.Add(new("fee.currency", $"Đơn vị tiền '{fee.Currency}' không hợp lệ; chỉ dùng VND."));
        if (fee.OnlineAmount is < 0)
            errors.Add(new("fee.onlineAmount", "Lệ phí nộp trực tuyến không được âm."));
        if (fee.Max is <= 0)
            errors.Add(new("fee.max", "Mức thu tối đa phải lớn hơn 0."));
        if (fee.Per is { } per && per is not ("dossier" or "copy" or "page"))
            errors.Add(new("fee.per", $"Cách tính phí '{per}' không hợp lệ; chỉ dùng dossier, copy hoặc page."));
        else if (fee.Per is "copy" or "page")
        {
            var field = (rules.Definition.Form ?? []).FirstOrDefault(f => f?.Key == fee.CountField);
            if (string.IsNullOrWhiteSpace(fee.CountField))
                errors.Add(new("fee.countField", $"Phí tính theo {(fee.Per == "copy" ? "bản" : "trang")} cần countField: khóa của trường số lượng trong form."));
            else if (field is null || field.Type != FormFieldTypes.Number)
                errors.Add(new("fee.countField", $"countField '{fee.CountField}' phải là khóa của một trường kiểu number trong form."));
        }
        else if (fee.CountField is not null)
            errors.Add(new("fee.countField", "countField chỉ dùng khi phí tính theo bản (copy) hoặc trang (page)."));
        if (fee.ExemptWhen is not null)
            rules.Guard(fee.ExemptWhen, "fee.exemptWhen");
    }

    /// <summary>Claimable work, signing, consultation and escalation: what a step kind may carry.</summary>
    private static void ValidateStepExtras(StepDefinition step, int index, string path, Shape shape, Rules rules)
    {
        var errors = rules.Errors;
        var endpoint = index == shape.Reception || index == shape.Result;
        if (step.Assign is { } assign)
        {
            if (assign != "claim")
                errors.Add(new($"{path}.assign", $"assign '{assign}' không hợp lệ; chỉ dùng \"claim\"."));
            else if (endpoint || step.Kind == StepKinds.Wait)
                errors.Add(new($"{path}.assign", "Chỉ bước xử lý (task, approval, payment, consultation) mới nhận việc theo claim."));
        }
        if (step.Signs == true && step.Kind != StepKinds.Approval)
            errors.Add(new($"{path}.signs", "Chỉ bước phê duyệt (kind \"approval\") mới ký kết quả (signs)."));

        if (step.Kind == StepKinds.Consultation)
            ValidateConsultation(step, path, rules);
        else if (step.Consult is not null || step.Join is not null || step.OnTimeout is not null)
            errors.Add(new($"{path}.{(step.Consult is not null ? "consult" : step.Join is not null ? "join" : "onTimeout")}",
                "consult, join và onTimeout chỉ dùng ở bước lấy ý kiến (kind \"consultation\")."));

        if (step.Escalate is { } escalate)
        {
            if (endpoint || step.Kind == StepKinds.Wait)
                errors.Add(new($"{path}.escalate", "Chỉ bước xử lý có người thực hiện mới có cảnh báo (escalate)."));
            if (escalate.Before is null)
                errors.Add(new($"{path}.escalate.before", "Cảnh báo cần thời điểm báo trước hạn (before), ví dụ { \"workingHours\": 4 }."));
            else
                ValidateDuration(escalate.Before, $"{path}.escalate.before", "Thời gian báo trước", errors);
            var notify = escalate.Notify ?? [];
            for (var i = 0; i < notify.Count; i++)
                if (!rules.Roles.Contains(notify[i] ?? ""))
                    errors.Add(new($"{path}.escalate.notify[{i}]", $"Vai trò '{notify[i]}' không có trong roles của định nghĩa; chỉ dùng: {string.Join(", ", rules.Roles)}."));
        }
    }

    private static void ValidateConsultation(StepDefinition step, string path, Rules rules)
    {
        var errors = rules.Errors;
        var consult = step.Consult ?? [];
        if (consult.Count == 0)
            errors.Add(new($"{path}.consult", "Bước lấy ý kiến phải có ít nhất một đơn vị được lấy ý kiến (consult)."));
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < consult.Count; i++)
        {
            var at = $"{path}.consult[{i}]";
            if (consult[i] is not { } entry)
            {
                errors.Add(new(at, "Đơn vị được lấy ý kiến không được để trống."));
                continue;
            }
            if (string.IsNullOrWhiteSpace(entry.Unit))
                errors.Add(new($"{at}.unit", "Thiếu mã đơn vị được lấy ý kiến."));
            else if (!rules.UnitCodeExists(entry.Unit))
                errors.Add(new($"{at}.unit", $"Đơn vị được lấy ý kiến '{entry.Unit}' không tồn tại; ghi mã một đơn vị có thật, ví dụ \"60.SXD\"."));
            else if (!seen.TryAdd(entry.Unit, i))
                errors.Add(new($"{at}.unit", $"Đơn vị '{entry.Unit}' đã được lấy ý kiến ở consult[{seen[entry.Unit]}]."));
            if (!rules.Roles.Contains(entry.Role ?? ""))
                errors.Add(new($"{at}.role", $"Vai trò '{entry.Role}' không có trong roles của định nghĩa; chỉ dùng: {string.Join(", ", rules.Roles)}."));
            if (entry.Duration is null)
                errors.Add(new($"{at}.duration", "Mỗi đơn vị được lấy ý kiến cần thời hạn trả lời (duration), ví dụ { \"workingDays\": 5 }."));
            else
                ValidateDuration(entry.Duration, $"{at}.duration", "Thời hạn trả lời", errors);
        }
        if (step.Join is { } join)
        {
            var valid = join.ValueKind == JsonValueKind.String && join.GetString() == "all"
                || join.ValueKind == JsonValueKind.Number && join.TryGetInt32(out var count) && count >= 1 && count <= Math.Max(1, consult.Count);
            if (!valid)
                errors.Add(new($"{path}.join", $"join phải là \"all\" hoặc một số từ 1 đến {Math.Max(1, consult.Count)} (số ý kiến cần có để đi tiếp)."));
        }
        if (step.OnTimeout is { } timeout && timeout is not ("deemAgreed" or "escalate"))
            errors.Add(new($"{path}.onTimeout", $"onTimeout '{timeout}' không hợp lệ; chỉ dùng deemAgreed (quá hạn coi như đồng ý) hoặc escalate (báo lãnh đạo)."));
    }

    /// <summary>
    /// Of several transitions for one action, the first whose guard holds is taken (DESIGN §4.1). So: at most
    /// one default (no <c>when</c>), and it comes last; guards that may all be false need a default, or a
    /// dossier could stand at the step with no way forward; guards that may hold together in an order that
    /// hides one of them are warned about.
    /// </summary>
    private static void ValidateGuardOrder(StepDefinition step, string path, Rules rules)
    {
        var transitions = step.Transitions ?? [];
        var steps = rules.Definition.Steps ?? [];
        // A transition whose target is missing or unknown is reported at its "to" already; it takes no part in the order.
        foreach (var group in transitions.Select((t, i) => (Transition: t, Index: i))
                     .Where(x => x.Transition is not null && steps.Any(s => s is not null && s.Id == x.Transition.To))
                     .GroupBy(x => x.Transition.Action ?? ""))
        {
            var items = group.ToList();
            var defaults = items.Where(x => x.Transition.When is null).ToList();
            if (defaults.Count > 1)
                rules.Errors.Add(new($"{path}.transitions[{defaults[1].Index}]",
                    $"Hành động '{group.Key}' đã có chuyển tiếp mặc định (không có when) ở transitions[{defaults[0].Index}]; chỉ được một chuyển tiếp mặc định."));
            else if (defaults.Count == 1 && items[^1].Index != defaults[0].Index)
                rules.Errors.Add(new($"{path}.transitions[{defaults[0].Index}]",
                    $"Chuyển tiếp mặc định (không có when) của hành động '{group.Key}' phải đứng sau mọi chuyển tiếp có điều kiện."));

            var guarded = items.Where(x => x.Transition.When is { } when && GuardLanguage.Check(when, rules.Vocabulary) is null)
                .Select(x => (x.Index, x.Transition.When!, Constraint: GuardConstraint.Of(x.Transition.When!))).ToList();
            if (defaults.Count == 0 && guarded.Count == items.Count && !Covers(guarded.Select(g => g.Constraint).ToList(), rules.Vocabulary))
                rules.Errors.Add(new($"{path}.transitions",
                    $"Các điều kiện của hành động '{group.Key}' có thể cùng sai, khi đó hồ sơ không đi tiếp được; thêm một chuyển tiếp mặc định (không có when) ở cuối."));
            WarnAboutOverlaps(guarded, path, rules);
        }
    }

    private static bool Covers(IReadOnlyList<GuardConstraint?> constraints, GuardVocabulary vocabulary)
    {
        if (constraints.Count == 0 || constraints.Any(c => c is null) || constraints.Select(c => c!.Path).Distinct().Count() != 1)
            return false;
        var domain = GuardConstraint.DomainOf(constraints[0]!.Path, vocabulary);
        if (domain is null)
            return false;
        var union = constraints.Skip(1).Aggregate(constraints[0]!.Values, (all, c) => all.Union(c!.Values));
        return domain.IsSubsetOf(union);
    }

    private static void WarnAboutOverlaps(List<(int Index, string When, GuardConstraint? Constraint)> guarded, string path, Rules rules)
    {
        for (var j = 1; j < guarded.Count; j++)
        {
            for (var i = 0; i < j; i++)
            {
                var (earlier, later) = (guarded[i], guarded[j]);
                if (earlier.Constraint is not { } a || later.Constraint is not { } b)
                    continue;
                string? warning = null;
                if (a.Path != b.Path)
                    warning = $"Điều kiện này ('{later.When}') và điều kiện của transitions[{earlier.Index}] ('{earlier.When}') đọc hai dữ kiện khác nhau nên có thể cùng đúng; khi đó chuyển tiếp đứng trước được chọn.";
                else if (b.Values.IsSubsetOf(a.Values))
                    warning = $"Điều kiện này ('{later.When}') không bao giờ được chọn: mỗi khi nó đúng thì điều kiện đứng trước ở transitions[{earlier.Index}] ('{earlier.When}') cũng đúng.";
                else if (!a.Values.Intersect(b.Values).IsEmpty && !a.Values.IsSubsetOf(b.Values))
                    warning = $"Điều kiện này ('{later.When}') và điều kiện của transitions[{earlier.Index}] ('{earlier.When}') có thể cùng đúng; khi đó chuyển tiếp đứng trước được chọn. Hãy viết các điều kiện loại trừ nhau hoặc đặt điều kiện hẹp hơn lên trước.";
                if (warning is not null)
                {
                    rules.Warnings.Add(new($"{path}.transitions[{later.Index}].when", warning));
                    break;
                }
            }
        }
    }
}
