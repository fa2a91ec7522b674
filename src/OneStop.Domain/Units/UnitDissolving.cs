using System.Globalization;
using OneStop.Domain.Definitions;

namespace OneStop.Domain.Units;

/// <summary>
/// The rules of a dissolution (DESIGN §3): a unit that is still open ends into successors that are open on the
/// effective date and are not the unit itself; every child is re-parented under exactly one successor of a higher
/// level (or of its own level when the child is an agency), with no cycle; competence rules name levels the
/// successors have and procedures that exist; officers listed are the unit's own. Checked in full before anything
/// changes, so a refused dissolution changes nothing.
/// </summary>
public static class UnitDissolving
{
    /// <summary>Every problem with <paramref name="plan"/> for <paramref name="unit"/>; empty when it may go ahead.</summary>
    public static IReadOnlyList<UnitProblem> Check(
        UnitInfo unit, UnitDissolution plan, UnitTree tree, Func<string, bool> procedureExists, IReadOnlySet<string> officers)
    {
        var problems = new List<UnitProblem>();
        if (unit.ValidTo is not null || unit.SuccessorCode is not null)
        {
            problems.Add(new("code", $"Đơn vị '{unit.Code}' ({unit.Name}) đã ngừng hoạt động từ ngày {Day(unit.ValidTo?.AddDays(1))}; không giải thể lại được.", IsConflict: true));
            return problems;
        }
        var effective = plan.EffectiveFrom;
        if (effective <= unit.ValidFrom)
            problems.Add(new("effectiveFrom", $"Ngày hiệu lực giải thể phải sau ngày đơn vị '{unit.Code}' bắt đầu hoạt động ({Day(unit.ValidFrom)})."));
        if (plan.Successors is not { Count: > 0 })
        {
            problems.Add(new("successors", "Phải nêu ít nhất một đơn vị kế thừa (successors)."));
            return problems;
        }

        var successors = new Dictionary<string, (int Index, UnitInfo Unit)>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < plan.Successors.Count; i++)
        {
            var code = plan.Successors[i].UnitCode?.Trim();
            var at = $"successors[{i}].unitCode";
            if (string.IsNullOrEmpty(code))
                problems.Add(new(at, "Thiếu mã đơn vị kế thừa (unitCode)."));
            else if (string.Equals(code, unit.Code, StringComparison.OrdinalIgnoreCase))
                problems.Add(new(at, $"Không thể giải thể đơn vị '{unit.Code}' vào chính nó."));
            else if (tree.Find(code) is not { } successor)
                problems.Add(new(at, $"Đơn vị kế thừa '{code}' không tồn tại."));
            else if (!successor.IsValidOn(effective))
                problems.Add(new(at, successor.Dissolution is not null
                    ? $"Đơn vị kế thừa '{code}' ({successor.Name}) đã bị giải thể; chọn một đơn vị còn hoạt động vào ngày {Day(effective)}."
                    : successor.SuccessorCode is not null
                        ? $"Đơn vị kế thừa '{code}' ({successor.Name}) đã sáp nhập vào '{successor.SuccessorCode}'; chọn một đơn vị còn hoạt động vào ngày {Day(effective)}."
                        : $"Đơn vị kế thừa '{code}' ({successor.Name}) không hoạt động vào ngày {Day(effective)}."));
            else if (!successors.TryAdd(code, (i, successor)))
                problems.Add(new(at, $"Đơn vị kế thừa '{code}' đã được nêu ở successors[{successors[code].Index}]."));
        }

        var children = tree.All.Where(u => string.Equals(u.ParentCode, unit.Code, StringComparison.OrdinalIgnoreCase) && (u.ValidTo is null || u.ValidTo >= effective))
            .ToDictionary(u => u.Code, StringComparer.OrdinalIgnoreCase);
        var assigned = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var listedOfficers = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < plan.Successors.Count; i++)
        {
            var entry = plan.Successors[i];
            var parent = successors.Values.FirstOrDefault(s => s.Index == i).Unit;
            var childCodes = entry.ChildCodes ?? [];
            for (var j = 0; j < childCodes.Count; j++)
            {
                var at = $"successors[{i}].childCodes[{j}]";
                var code = childCodes[j]?.Trim() ?? "";
                if (!children.TryGetValue(code, out var child))
                    problems.Add(new(at, $"'{code}' không phải đơn vị trực thuộc '{unit.Code}' đang hoạt động."));
                else if (assigned.TryGetValue(code, out var where))
                    problems.Add(new(at, $"Đơn vị trực thuộc '{code}' đã được giao ở {where}."));
                else
                {
                    assigned[code] = at;
                    if (parent is null)
                        continue;
                    if (string.Equals(parent.Code, code, StringComparison.OrdinalIgnoreCase))
                        problems.Add(new(at, $"Đơn vị '{code}' không thể trực thuộc chính nó; giao nó cho một đơn vị kế thừa khác."));
                    else if (tree.IsSelfOrDescendant(parent.Code, code, effective))
                        problems.Add(new(at, $"Không thể đặt '{code}' dưới '{parent.Code}', đơn vị trực thuộc của chính nó: quan hệ trực thuộc sẽ thành vòng lặp."));
                    else if (!CanHold(parent, child))
                        problems.Add(new(at,
                            $"'{code}' cấp {child.Level} không thể trực thuộc '{parent.Code}' cấp {parent.Level}: đơn vị cha phải ở cấp cao hơn."));
                }
            }
            var names = entry.Officers ?? [];
            for (var j = 0; j < names.Count; j++)
            {
                var at = $"successors[{i}].officers[{j}]";
                var name = names[j]?.Trim() ?? "";
                if (!officers.Contains(name))
                    problems.Add(new(at, $"'{name}' không phải cán bộ của đơn vị '{unit.Code}'."));
                else if (!listedOfficers.TryAdd(name, at))
                    problems.Add(new(at, $"Cán bộ '{name}' đã được giao ở {listedOfficers[name]}."));
            }
        }
        var left = children.Keys.Where(c => !assigned.ContainsKey(c)).Order(StringComparer.Ordinal).ToList();
        if (left.Count > 0)
            problems.Add(new("successors",
                $"Các đơn vị trực thuộc {string.Join(", ", left)} chưa được giao cho đơn vị kế thừa nào; liệt kê mỗi đơn vị trong childCodes của một đơn vị kế thừa."));

        var levels = successors.Values.Select(s => s.Unit.Level).ToHashSet();
        var rules = plan.Competence ?? [];
        var ruled = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var k = 0; k < rules.Count; k++)
        {
            var rule = rules[k];
            var at = $"competence[{k}]";
            if (!UnitDissolution.IsLevel(rule.Level))
                problems.Add(new(at + ".level", $"Cấp '{rule.Level}' không hợp lệ; dùng province, district hoặc commune."));
            else if (!levels.Contains(rule.Level))
                problems.Add(new(at + ".level", $"Không có đơn vị kế thừa nào ở cấp {rule.Level}; các cấp của đơn vị kế thừa: {string.Join(", ", levels.Order())}."));
            if (rule.ProcedureId is { } procedure && !procedureExists(procedure))
                problems.Add(new(at + ".procedureId", $"Thủ tục '{procedure}' không tồn tại."));
            var key = rule.ProcedureId ?? "";
            if (!ruled.TryAdd(key, k))
                problems.Add(new(at, rule.ProcedureId is null
                    ? $"Quy tắc thẩm quyền mặc định (không có procedureId) đã có ở competence[{ruled[key]}]."
                    : $"Thủ tục '{rule.ProcedureId}' đã có quy tắc thẩm quyền ở competence[{ruled[key]}]."));
        }
        return problems;
    }

    /// <summary>Where each child goes: the successor that lists it.</summary>
    public static IReadOnlyDictionary<string, string> NewParents(UnitDissolution plan) =>
        plan.Successors.SelectMany(s => (s.ChildCodes ?? []).Select(c => (Child: c.Trim(), Parent: s.UnitCode.Trim())))
            .ToDictionary(p => p.Child, p => p.Parent, StringComparer.OrdinalIgnoreCase);

    /// <summary>A parent of a higher level, or of the same level over an agency or centre of its own.</summary>
    private static bool CanHold(UnitInfo parent, UnitInfo child)
    {
        var (above, below) = (UnitTree.LevelRank(parent.Level), UnitTree.LevelRank(child.Level));
        return above > below || above == below && child.Kind != UnitKinds.Committee && parent.Kind == UnitKinds.Committee;
    }

    private static string Day(DateOnly? date) => date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";
}
