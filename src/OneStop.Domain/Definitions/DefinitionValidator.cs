using System.Globalization;
using System.Text.RegularExpressions;
using OneStop.Domain.Definitions.Guards;

namespace OneStop.Domain.Definitions;

/// <summary>One problem in a definition, at a JSON path of the authored file (e.g. <c>steps[2].transitions[0].to</c>).</summary>
public sealed record DefinitionError(string Path, string Message);

/// <summary>Errors refuse publishing; warnings (e.g. two guards that may hold together) are only reported.</summary>
public sealed record DefinitionReport(IReadOnlyList<DefinitionError> Errors, IReadOnlyList<DefinitionError> Warnings);

/// <summary>
/// The publish-time checks of DESIGN §4 that JSON Schema cannot express. Every error is reported, in
/// document order, so that an author fixes a file in one pass instead of one error per attempt.
/// </summary>
public static partial class DefinitionValidator
{
    /// <summary>Office minutes in a working day (07:30–11:30, 13:30–17:00); durations are compared in these.</summary>
    private const int MinutesPerWorkingDay = 450;

    private static readonly IReadOnlySet<string> Actions = new HashSet<string> { "receive", "forward", "approve", "return", "confirm-payment", "elapse" };

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)*$")]
    private static partial Regex DefinitionId();

    [GeneratedRegex(@"^[0-9]\.[0-9]{6}(\.[0-9A-Za-z.]+)?$")]
    private static partial Regex ProcedureCode();

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex StepId();

    /// <param name="unitCodeExists">Whether a unit code named by a step's <c>unit</c> or a consultation exists.</param>
    /// <param name="publishedProcedure">
    /// A package's members: the definition in force of a procedure id, or null when none is published. Without it
    /// no member can be found, so a package is refused.
    /// </param>
    public static IReadOnlyList<DefinitionError> Validate(
        WorkflowDefinition definition, Func<string, bool> unitCodeExists, Func<string, WorkflowDefinition?>? publishedProcedure = null) =>
        Check(definition, unitCodeExists, publishedProcedure).Errors;

    /// <summary>Every error and warning of a definition, in document order.</summary>
    public static DefinitionReport Check(
        WorkflowDefinition definition, Func<string, bool> unitCodeExists, Func<string, WorkflowDefinition?>? publishedProcedure = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(unitCodeExists);
        // JSON null overrides the records' non-null defaults, so every collection and element is treated as possibly null.
        var steps = definition.Steps ?? [];
        var shape = new Shape(steps);
        var errors = new List<DefinitionError>();
        var warnings = new List<DefinitionError>();
        var context = new Rules(definition, GuardVocabulary.Of(definition), unitCodeExists, errors, warnings);

        if (definition.Kind is { } kind && kind is not (DefinitionKinds.Procedure or DefinitionKinds.Package))
            errors.Add(new("kind", $"Loại định nghĩa '{kind}' không hợp lệ; chỉ dùng procedure (thủ tục, mặc định) hoặc package (gói liên thông)."));
        if (definition.IsPackage)
        {
            ValidateHeader(definition, shape, errors);
            ValidateRicherHeader(context);
            ValidatePackage(context, publishedProcedure ?? (_ => null));
            return new DefinitionReport(errors, warnings);
        }
        if (definition.Members is not null)
            errors.Add(new("members", "Chỉ gói liên thông (kind \"package\") mới có thủ tục thành phần (members)."));

        ValidateHeader(definition, shape, errors);
        ValidateRicherHeader(context);
        ValidateNationalServices(context);
        ValidateDocuments(definition.Documents ?? [], context);
        ValidateResults(definition, errors);
        ValidateResultSubjects(definition, errors);
        ValidateSteps(steps, shape, context);
        return new DefinitionReport(errors, warnings);
    }

    /// <summary>What the rules of one definition share.</summary>
    private sealed record Rules(
        WorkflowDefinition Definition, GuardVocabulary Vocabulary, Func<string, bool> UnitCodeExists,
        List<DefinitionError> Errors, List<DefinitionError> Warnings)
    {
        public IReadOnlyList<string> Roles => Definition.Roles?.Where(r => !string.IsNullOrWhiteSpace(r)).ToList() ?? RoleNames.DefinitionDefaults;

        public void Guard(string? guard, string path)
        {
            if (GuardLanguage.Check(guard, Vocabulary) is { } problem)
                Errors.Add(new(path, problem));
        }
    }

    /// <summary>What the cross-step rules need to know, computed once before errors are written in document order.</summary>
    private sealed class Shape
    {
        public Shape(IReadOnlyList<StepDefinition> steps)
        {
            for (var i = 0; i < steps.Count; i++)
            {
                var step = steps[i];
                if (step is null)
                    continue;
                if (!string.IsNullOrWhiteSpace(step.Id) && !IndexById.ContainsKey(step.Id))
                    IndexById[step.Id] = i;
                if (step.Kind == StepKinds.Reception)
                    ReceptionIndexes.Add(i);
                if (step.Kind == StepKinds.Result)
                    ResultIndexes.Add(i);
            }
            Reception = ReceptionIndexes.Count > 0 ? ReceptionIndexes[0] : -1;
            Result = ResultIndexes.Count > 0 ? ResultIndexes[0] : -1;
            Graph = ReceptionIndexes.Count == 1 && ResultIndexes.Count == 1 ? new Reachability(steps, this) : null;
        }

        /// <summary>First step of each id; later steps with the same id are duplicates and take no part in the graph.</summary>
        public Dictionary<string, int> IndexById { get; } = new(StringComparer.Ordinal);
        public List<int> ReceptionIndexes { get; } = [];
        public List<int> ResultIndexes { get; } = [];
        /// <summary>The reception step that the rules apply to (the first one), or -1.</summary>
        public int Reception { get; }
        /// <summary>The result step that the rules apply to (the first one), or -1.</summary>
        public int Result { get; }
        /// <summary>Only meaningful with exactly one reception and one result step; otherwise those errors say enough.</summary>
        public Reachability? Graph { get; }

        public bool IsCanonical(int index, StepDefinition step) =>
            !string.IsNullOrWhiteSpace(step.Id) && IndexById.TryGetValue(step.Id, out var first) && first == index;
    }

    /// <summary>
    /// Reachability ignoring guards: a guard may hold for some dossier, so every transition is a possible path.
    /// </summary>
    private sealed class Reachability
    {
        public Reachability(IReadOnlyList<StepDefinition> steps, Shape shape)
        {
            var next = new List<int>[steps.Count];
            var previous = new List<int>[steps.Count];
            for (var i = 0; i < steps.Count; i++)
            {
                next[i] = [];
                previous[i] = [];
            }
            for (var i = 0; i < steps.Count; i++)
            {
                var step = steps[i];
                if (step is null || !shape.IsCanonical(i, step))
                    continue;
                foreach (var transition in step.Transitions ?? [])
                {
                    if (transition?.To is { } to && shape.IndexById.TryGetValue(to, out var target))
                    {
                        next[i].Add(target);
                        previous[target].Add(i);
                    }
                }
            }
            FromReception = Walk(shape.Reception, next);
            ToResult = Walk(shape.Result, previous);
        }

        public bool[] FromReception { get; }
        public bool[] ToResult { get; }

        private static bool[] Walk(int start, List<int>[] edges)
        {
            var seen = new bool[edges.Length];
            var pending = new Stack<int>();
            seen[start] = true;
            pending.Push(start);
            while (pending.Count > 0)
            {
                foreach (var target in edges[pending.Pop()])
                {
                    if (!seen[target])
                    {
                        seen[target] = true;
                        pending.Push(target);
                    }
                }
            }
            return seen;
        }
    }

    private static void ValidateHeader(WorkflowDefinition definition, Shape shape, List<DefinitionError> errors)
    {
        if (string.IsNullOrWhiteSpace(definition.Id))
            errors.Add(new("id", "Thiếu mã quy trình (id)."));
        else if (definition.Id.Length > 100)
            errors.Add(new("id", "Mã quy trình dài tối đa 100 ký tự."));
        else if (!DefinitionId().IsMatch(definition.Id))
            errors.Add(new("id", $"Mã quy trình '{definition.Id}' không đúng dạng: chữ thường, số và gạch nối, các phần ngăn cách bằng dấu chấm, ví dụ \"ho-tich.dang-ky-khai-sinh\"."));

        if (definition.Version < 1)
            errors.Add(new("version", $"Phiên bản phải từ 1 trở lên (đang là {definition.Version})."));

        if (string.IsNullOrWhiteSpace(definition.Name))
            errors.Add(new("name", "Thiếu tên thủ tục."));

        // A package need not be in the national catalogue (where it is, its code is written as a procedure's).
        if (string.IsNullOrWhiteSpace(definition.ProcedureCode))
        {
            if (!definition.IsPackage)
                errors.Add(new("procedureCode", "Thiếu mã thủ tục hành chính."));
        }
        else if (!ProcedureCode().IsMatch(definition.ProcedureCode))
            errors.Add(new("procedureCode", $"Mã thủ tục hành chính '{definition.ProcedureCode}' không đúng dạng, ví dụ \"1.001193\"."));

        if (!Levels.All.Contains(definition.Level ?? ""))
            errors.Add(new("level", $"Cấp thực hiện '{definition.Level}' không hợp lệ; chỉ dùng: {string.Join(", ", Levels.All)}."));

        if (!OnlineLevels.All.Contains(definition.OnlineLevel ?? ""))
            errors.Add(new("onlineLevel", $"Mức độ trực tuyến '{definition.OnlineLevel}' không hợp lệ; chỉ dùng: {string.Join(", ", OnlineLevels.All)}."));

        if (definition.ProcessingTime is null)
        {
            // A package's time is its members': each runs on its own processing time.
            if (!definition.IsPackage)
                errors.Add(new("processingTime", "Thiếu thời hạn giải quyết (processingTime)."));
        }
        else if (ValidateDuration(definition.ProcessingTime, "processingTime", "Thời hạn giải quyết", errors, allowSameDay: true))
            ValidateDurationSum(definition, shape, errors);

        if (definition.Fee is { Amount: < 0 })
            errors.Add(new("fee.amount", $"Lệ phí không được âm (đang là {definition.Fee.Amount.ToString(Vietnamese)})."));
    }

    /// <summary>
    /// Exactly one of working days, working hours or (a processing time only) <c>sameDay: true</c>, and positive;
    /// returns whether the duration is usable.
    /// </summary>
    private static bool ValidateDuration(Duration duration, string path, string label, List<DefinitionError> errors, bool allowSameDay = false)
    {
        if (duration.SameDay is not null)
        {
            if (!allowSameDay)
                errors.Add(new($"{path}.sameDay", $"{label}: sameDay chỉ dùng cho thời hạn giải quyết của cả thủ tục (processingTime)."));
            else if (duration.SameDay != true)
                errors.Add(new($"{path}.sameDay", $"{label}: sameDay chỉ nhận true; bỏ hẳn sameDay nếu thủ tục không giải quyết trong ngày."));
            else if (duration.WorkingDays is not null || duration.WorkingHours is not null)
                errors.Add(new(path, $"{label} chỉ được ghi một trong ba: workingDays, workingHours hoặc sameDay."));
            else
                return true;
            return false;
        }
        if (duration.WorkingDays is null && duration.WorkingHours is null)
        {
            errors.Add(new(path, allowSameDay ? $"{label} phải ghi workingDays hoặc workingHours (hoặc sameDay: true)." : $"{label} phải ghi workingDays hoặc workingHours."));
            return false;
        }
        if (duration.WorkingDays is not null && duration.WorkingHours is not null)
        {
            errors.Add(new(path, $"{label} chỉ được ghi một trong hai: workingDays hoặc workingHours."));
            return false;
        }
        if (duration.WorkingDays is <= 0)
        {
            errors.Add(new($"{path}.workingDays", $"{label} phải lớn hơn 0 ngày làm việc."));
            return false;
        }
        if (duration.WorkingHours is <= 0)
        {
            errors.Add(new($"{path}.workingHours", $"{label} phải lớn hơn 0 giờ làm việc."));
            return false;
        }
        return true;
    }

    private static bool IsUsable(Duration duration) =>
        duration.WorkingDays is > 0 && duration.WorkingHours is null || duration.WorkingHours is > 0 && duration.WorkingDays is null;

    /// <summary>
    /// Step durations share out the total (DESIGN §4), so together they may not exceed it. Reception is left
    /// out: it may not carry a duration, and the dossier's clock only starts once it is received.
    /// </summary>
    private static void ValidateDurationSum(WorkflowDefinition definition, Shape shape, List<DefinitionError> errors)
    {
        var steps = definition.Steps ?? [];
        var allotted = steps
            .Where((step, i) => step?.Duration is not null && i != shape.Reception && IsUsable(step.Duration))
            .Sum(step => step.Duration!.ToWorkingMinutes(MinutesPerWorkingDay));
        var total = definition.ProcessingTime!.ToWorkingMinutes(MinutesPerWorkingDay);
        if (allotted > total)
            errors.Add(new("processingTime",
                $"Tổng thời hạn các bước là {Hours(allotted)} giờ làm việc, vượt quá thời hạn giải quyết {Hours(total)} giờ làm việc."));
    }

    private static string Hours(int minutes) => (minutes / 60m).ToString("0.##", Vietnamese);

    private static void ValidateDocuments(IReadOnlyList<DocumentRequirement> documents, Rules rules)
    {
        var errors = rules.Errors;
        var firstByCode = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < documents.Count; i++)
        {
            var path = $"documents[{i}]";
            var document = documents[i];
            if (document is null)
            {
                errors.Add(new(path, "Giấy tờ không được để trống."));
                continue;
            }
            if (string.IsNullOrWhiteSpace(document.Code))
                errors.Add(new($"{path}.code", "Thiếu mã giấy tờ."));
            else if (firstByCode.TryGetValue(document.Code, out var first))
                errors.Add(new($"{path}.code", $"Mã giấy tờ '{document.Code}' bị trùng với documents[{first}]."));
            else
                firstByCode[document.Code] = i;

            ValidatePaperCode(document.Code, $"{path}.code", errors);
            if (string.IsNullOrWhiteSpace(document.Name))
                errors.Add(new($"{path}.name", "Thiếu tên giấy tờ."));
            if (document.Required.When is { } when)
                rules.Guard(when, $"{path}.required");
            ValidateFields(document.Fields ?? [], path, errors);
        }
    }

    private static void ValidateFields(IReadOnlyList<DocumentField> fields, string documentPath, List<DefinitionError> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var j = 0; j < fields.Count; j++)
        {
            var path = $"{documentPath}.fields[{j}]";
            if (fields[j] is not { } field || !FieldName().IsMatch(field.Name ?? ""))
                errors.Add(new($"{path}.name", "Tên trường phải là camelCase không dấu, ví dụ \"soGiayChungSinh\"."));
            else if (!seen.Add(field.Name!))
                errors.Add(new($"{path}.name", $"Trường '{field.Name}' bị trùng."));
            if (fields[j] is { } labelled && string.IsNullOrWhiteSpace(labelled.Label))
                errors.Add(new($"{path}.label", "Thiếu nhãn hiển thị của trường."));
        }
    }

    [GeneratedRegex("^[a-z][A-Za-z0-9]*$")]
    private static partial Regex FieldName();

    private static void ValidateResults(WorkflowDefinition definition, List<DefinitionError> errors)
    {
        if (definition.Results is { } results)
        {
            if (definition.Result is not null)
                errors.Add(new("result", "Chỉ ghi một trong hai: result (một kết quả, dạng cũ) hoặc results (danh sách kết quả)."));
            if (results.Count == 0)
                errors.Add(new("results", "Danh sách kết quả (results) phải có ít nhất một kết quả."));
            var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < results.Count; i++)
            {
                ValidateResult(results[i], $"results[{i}]", errors);
                if (results[i]?.Code is { Length: > 0 } code && !seen.TryAdd(code, i))
                    errors.Add(new($"results[{i}].code", $"Mã kết quả '{code}' bị trùng với results[{seen[code]}]."));
            }
            return;
        }
        if (definition.Result is null)
        {
            errors.Add(new("result", "Thiếu kết quả giải quyết (result hoặc results)."));
            return;
        }
        ValidateResult(definition.Result, "result", errors);
    }

    private static void ValidateResult(ResultSpec? result, string path, List<DefinitionError> errors)
    {
        if (result is null)
        {
            errors.Add(new(path, "Kết quả không được để trống."));
            return;
        }
        if (string.IsNullOrWhiteSpace(result.Code))
            errors.Add(new($"{path}.code", "Thiếu mã kết quả giải quyết."));
        ValidatePaperCode(result.Code, $"{path}.code", errors);
        if (string.IsNullOrWhiteSpace(result.Name))
            errors.Add(new($"{path}.name", "Thiếu tên kết quả giải quyết."));
    }

    private static void ValidateSteps(IReadOnlyList<StepDefinition> steps, Shape shape, Rules rules)
    {
        var errors = rules.Errors;
        if (steps.Count < 2)
            errors.Add(new("steps", "Quy trình phải có ít nhất hai bước: tiếp nhận và trả kết quả."));
        if (shape.ReceptionIndexes.Count == 0)
            errors.Add(new("steps", "Quy trình phải có đúng một bước tiếp nhận (kind \"reception\")."));
        if (shape.ResultIndexes.Count == 0)
            errors.Add(new("steps", "Quy trình phải có đúng một bước trả kết quả (kind \"result\")."));

        var graph = shape.Graph;
        var resultUnreachable = graph is not null && !graph.FromReception[shape.Result];
        if (resultUnreachable)
            errors.Add(new("steps",
                $"Không có đường đi từ bước tiếp nhận '{steps[shape.Reception].Id}' tới bước trả kết quả '{steps[shape.Result].Id}'."));

        for (var i = 0; i < steps.Count; i++)
        {
            var path = $"steps[{i}]";
            var step = steps[i];
            if (step is null)
            {
                errors.Add(new(path, "Bước không được để trống."));
                continue;
            }
            if (graph is not null)
                ValidatePlace(step, i, path, shape, graph, steps, errors);
            ValidateStep(step, i, path, shape, rules);
            ValidateStepExtras(step, i, path, shape, rules);
            ValidateTransitions(step, i, path, shape, rules);
            ValidateGuardOrder(step, path, rules);
        }
    }

    /// <summary>
    /// Graph errors for one step. Faults already reported elsewhere (duplicate or missing id, no transitions,
    /// the result being unreachable altogether) are not repeated here.
    /// </summary>
    private static void ValidatePlace(StepDefinition step, int index, string path, Shape shape, Reachability graph,
        IReadOnlyList<StepDefinition> steps, List<DefinitionError> errors)
    {
        if (!shape.IsCanonical(index, step) || index == shape.Reception || index == shape.Result)
            return;
        if (!graph.FromReception[index])
            errors.Add(new(path, $"Bước '{step.Id}' không thể tới được từ bước tiếp nhận: không chuyển tiếp nào dẫn tới nó."));
        else if (!graph.ToResult[index] && graph.ToResult[shape.Reception] && (step.Transitions ?? []).Count > 0 && step.Kind != StepKinds.Result)
            errors.Add(new(path,
                $"Từ bước '{step.Id}' không có đường tới bước trả kết quả '{steps[shape.Result].Id}' (ngõ cụt hoặc vòng lặp không lối ra)."));
    }

    private static void ValidateStep(StepDefinition step, int index, string path, Shape shape, Rules rules)
    {
        var errors = rules.Errors;
        if (string.IsNullOrWhiteSpace(step.Id))
            errors.Add(new($"{path}.id", "Thiếu mã bước."));
        else if (step.Id.Length > 60)
            errors.Add(new($"{path}.id", "Mã bước dài tối đa 60 ký tự."));
        else if (!StepId().IsMatch(step.Id))
            errors.Add(new($"{path}.id", $"Mã bước '{step.Id}' không đúng dạng: chữ thường, số và gạch nối, ví dụ \"tham-dinh\"."));
        else if (shape.IndexById[step.Id] != index)
            errors.Add(new($"{path}.id", $"Mã bước '{step.Id}' bị trùng với steps[{shape.IndexById[step.Id]}]."));

        if (string.IsNullOrWhiteSpace(step.Name))
            errors.Add(new($"{path}.name", "Thiếu tên bước."));

        var isReception = index == shape.Reception;
        var isResult = index == shape.Result;
        if (!StepKinds.All.Contains(step.Kind ?? ""))
            errors.Add(new($"{path}.kind", $"Loại bước '{step.Kind}' không hợp lệ; chỉ dùng: {string.Join(", ", StepKinds.All)}."));
        else if (step.Kind == StepKinds.Reception && !isReception)
            errors.Add(new($"{path}.kind", $"Chỉ được có một bước tiếp nhận; steps[{shape.Reception}] đã là bước tiếp nhận."));
        else if (step.Kind == StepKinds.Result && !isResult)
            errors.Add(new($"{path}.kind", $"Chỉ được có một bước trả kết quả; steps[{shape.Result}] đã là bước trả kết quả."));
        else if (isReception && index != 0)
            errors.Add(new($"{path}.kind", "Bước tiếp nhận phải đứng đầu danh sách bước."));

        if (step.Kind == StepKinds.Wait && step.Role is null)
        {
            // A wait ends by itself: nobody acts at it.
        }
        else if (!rules.Roles.Contains(step.Role ?? ""))
            errors.Add(new($"{path}.role", $"Vai trò '{step.Role}' không hợp lệ; chỉ dùng: {string.Join(", ", rules.Roles)}."));
        else if (isReception && step.Role != RoleNames.Reception)
            errors.Add(new($"{path}.role", "Bước tiếp nhận phải do bộ phận một cửa thực hiện (role \"reception\")."));
        else if (isResult && step.Role != RoleNames.Reception)
            errors.Add(new($"{path}.role", "Bước trả kết quả do bộ phận một cửa thực hiện (role \"reception\")."));

        ValidateUnit(step, path, isReception, isResult, rules.UnitCodeExists, errors);

        if (step.Duration is not null)
        {
            // The deadline starts when the dossier is received, so reception has no share of it.
            if (isReception)
                errors.Add(new($"{path}.duration", "Bước tiếp nhận không có thời hạn riêng: thời hạn giải quyết tính từ khi tiếp nhận."));
            else
                ValidateDuration(step.Duration, $"{path}.duration", "Thời hạn của bước", errors);
        }
        else if (step.Kind == StepKinds.Wait)
        {
            errors.Add(new($"{path}.duration", "Bước chờ (wait) phải có thời hạn (duration), ví dụ { \"workingDays\": 2 } cho niêm yết công khai 02 ngày làm việc."));
        }
    }

    private static void ValidateUnit(StepDefinition step, string path, bool isReception, bool isResult, Func<string, bool> unitCodeExists, List<DefinitionError> errors)
    {
        var unit = step.Unit;
        if (string.IsNullOrWhiteSpace(unit))
        {
            errors.Add(new($"{path}.unit", "Thiếu đơn vị thực hiện bước."));
            return;
        }
        // The applicant hands papers in and collects the result at the same counter.
        if ((isReception || isResult) && unit != StepUnits.Receiving)
        {
            var which = isReception ? "Bước tiếp nhận" : "Bước trả kết quả";
            errors.Add(new($"{path}.unit", $"{which} phải do chính đơn vị tiếp nhận thực hiện (unit \"receiving\"), không phải '{unit}'."));
            return;
        }
        if (!IsUnitSpec(unit, unitCodeExists))
            errors.Add(new($"{path}.unit",
                $"Đơn vị '{unit}' không tồn tại; dùng receiving, competent, parent, một cấp ({string.Join(", ", Levels.All)}) hoặc mã một đơn vị có thật."));
        if (step.AfterReform is { } after)
        {
            if (!Levels.All.Contains(unit))
                errors.Add(new($"{path}.afterReform", "afterReform chỉ dùng cho bước thực hiện ở một cấp (unit là province, district hoặc commune)."));
            else if (after == unit || !IsUnitSpec(after, unitCodeExists) || after == StepUnits.Parent)
                errors.Add(new($"{path}.afterReform",
                    $"afterReform '{after}' không hợp lệ; dùng một cấp khác '{unit}', receiving, competent hoặc mã một đơn vị có thật."));
        }
    }

    private static bool IsUnitSpec(string unit, Func<string, bool> unitCodeExists) =>
        unit is StepUnits.Receiving or StepUnits.Parent or StepUnits.Competent || Levels.All.Contains(unit) || unitCodeExists(unit);

    /// <summary>A result's subject is named by a form field of type idNumber (DESIGN §8).</summary>
    private static void ValidateResultSubjects(WorkflowDefinition definition, List<DefinitionError> errors)
    {
        var results = definition.Results is { } list ? list.Select((r, i) => (Result: r, Path: $"results[{i}]"))
            : definition.Result is { } single ? [(single, "result")] : [];
        foreach (var (result, path) in results)
        {
            if (result?.SubjectField is not { } key)
                continue;
            var field = definition.Form?.FirstOrDefault(f => f?.Key == key);
            if (field is null)
                errors.Add(new($"{path}.subjectField", $"Trường '{key}' không có trong form; subjectField phải là khóa một trường của form."));
            else if (field.Type != FormFieldTypes.IdNumber)
                errors.Add(new($"{path}.subjectField", $"Trường '{key}' phải có kiểu idNumber (số định danh cá nhân của người được cấp kết quả)."));
        }
    }

    private static void ValidateTransitions(StepDefinition step, int index, string path, Shape shape, Rules rules)
    {
        var errors = rules.Errors;
        var transitions = step.Transitions ?? [];
        var isReception = index == shape.Reception;
        if (step.Kind == StepKinds.Result)
        {
            if (transitions.Count > 0)
                errors.Add(new($"{path}.transitions", "Bước trả kết quả là bước cuối, không được có chuyển tiếp."));
        }
        else if (transitions.Count == 0)
        {
            errors.Add(new($"{path}.transitions", $"Bước '{step.Id}' là ngõ cụt: phải có ít nhất một chuyển tiếp."));
        }

        var kindKnown = StepKinds.All.Contains(step.Kind ?? "");
        for (var j = 0; j < transitions.Count; j++)
        {
            var at = $"{path}.transitions[{j}]";
            var transition = transitions[j];
            if (transition is null)
            {
                errors.Add(new(at, "Chuyển tiếp không được để trống."));
                continue;
            }

            var action = transition.Action ?? "";
            if (!Actions.Contains(action))
                errors.Add(new($"{at}.action", $"Hành động '{transition.Action}' không hợp lệ; chỉ dùng: {string.Join(", ", Actions)}."));
            else if (isReception && action != "receive")
                errors.Add(new($"{at}.action", $"Bước tiếp nhận chỉ dùng hành động receive, không dùng '{action}'."));
            else if (!isReception && action == "receive")
                errors.Add(new($"{at}.action", "Hành động receive chỉ dùng ở bước tiếp nhận."));
            // With an unknown kind, the kind error already says what is wrong.
            else if (kindKnown && action == "approve" && step.Kind != StepKinds.Approval)
                errors.Add(new($"{at}.action", "Hành động approve chỉ dùng ở bước phê duyệt (kind \"approval\")."));
            else if (kindKnown && action == "confirm-payment" && step.Kind != StepKinds.Payment)
                errors.Add(new($"{at}.action", "Hành động confirm-payment chỉ dùng ở bước thu phí (kind \"payment\")."));
            else if (kindKnown && action == "elapse" && step.Kind != StepKinds.Wait)
                errors.Add(new($"{at}.action", "Hành động elapse chỉ dùng ở bước chờ (kind \"wait\"): hệ thống tự thực hiện khi hết thời hạn."));
            else if (step.Kind == StepKinds.Wait && action != "elapse")
                errors.Add(new($"{at}.action", $"Bước chờ (wait) chỉ rời đi bằng elapse, không dùng '{action}'."));
            else if (step.Kind == StepKinds.Consultation && action is not ("forward" or "return"))
                errors.Add(new($"{at}.action", $"Bước lấy ý kiến chỉ dùng forward hoặc return, không dùng '{action}'."));

            if (string.IsNullOrWhiteSpace(transition.To))
                errors.Add(new($"{at}.to", "Thiếu bước đích (to)."));
            else if (!shape.IndexById.TryGetValue(transition.To, out var target))
                errors.Add(new($"{at}.to", $"Bước đích '{transition.To}' không tồn tại."));
            else if (target == shape.Reception)
                errors.Add(new($"{at}.to", "Không được chuyển về bước tiếp nhận: hồ sơ chỉ được tiếp nhận một lần."));
            else if (target == index || transition.To == step.Id)
                errors.Add(new($"{at}.to", $"Bước '{step.Id}' không được chuyển tới chính nó."));

            if (transition.When is not null)
                rules.Guard(transition.When, $"{at}.when");
        }
    }
}
