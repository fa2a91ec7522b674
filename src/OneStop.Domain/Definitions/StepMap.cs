namespace OneStop.Domain.Definitions;

/// <summary>
/// The step map of a migration (DESIGN §4.3): each step of the version dossiers leave, named once, to a step of the
/// version they go to. A step may only map to one of the same nature: reception, payment, consultation, wait and
/// result steps to their own kind (entering them has effects a migration does not replay), task and approval steps
/// to either.
/// </summary>
public static class StepMap
{
    private static readonly IReadOnlySet<string> Interchangeable = new HashSet<string> { StepKinds.Task, StepKinds.Approval };

    public static IReadOnlyList<DefinitionError> Check(ProcedureModel from, ProcedureModel to, IReadOnlyDictionary<string, string>? map)
    {
        var errors = new List<DefinitionError>();
        if (map is null || map.Count == 0)
        {
            errors.Add(new("stepMap", $"Phải nêu ít nhất một bước: {{\"bước của phiên bản {from.Version}\": \"bước của phiên bản {to.Version}\"}}."));
            return errors;
        }
        foreach (var (oldStep, newStep) in map)
        {
            var path = $"stepMap.{oldStep}";
            if (from.Step(oldStep) is not { } source)
                errors.Add(new(path, $"Bước '{oldStep}' không có trong phiên bản {from.Version}; các bước: {string.Join(", ", from.Steps.Select(s => s.Id))}."));
            else if (to.Step(newStep) is not { } target)
                errors.Add(new(path, $"Bước đích '{newStep}' không có trong phiên bản {to.Version}; các bước: {string.Join(", ", to.Steps.Select(s => s.Id))}."));
            else if (source.Kind != target.Kind && !(Interchangeable.Contains(source.Kind) && Interchangeable.Contains(target.Kind)))
                errors.Add(new(path, $"Bước '{oldStep}' ({source.Kind}) không chuyển sang bước '{newStep}' ({target.Kind}) được: " +
                    "bước tiếp nhận, thu phí, lấy ý kiến, chờ và trả kết quả chỉ chuyển sang bước cùng loại; bước xử lý (task) và phê duyệt (approval) chuyển lẫn cho nhau."));
        }
        return errors;
    }
}
