using System.Text.RegularExpressions;
using OneStop.Domain.Definitions;

namespace OneStop.Domain.Units;

/// <summary>A unit as an administrator writes it: to create, to change (null keeps the current value) or in an import list.</summary>
public sealed record UnitDraft(
    string? Code, string? Name, string? Level, string? Kind = null, string? ParentCode = null, string? AgencyCode = null, DateOnly? ValidFrom = null);

/// <summary>One thing wrong with a draft: the field (a JSON path such as <c>units[3].parentCode</c>) and why.</summary>
public sealed record UnitProblem(string Field, string Message, bool IsConflict = false);

/// <summary>
/// The rules a unit tree keeps (DESIGN §3), checked for a whole list at once so an import is all or nothing: codes
/// well formed and unique, a name, a known level and kind, a parent that exists and is still open, a parent of a
/// higher level (or of the same level for an agency or centre under its committee), no parent cycle, and a DVCQG
/// agency code without dashes (it prefixes dossier codes, whose parts dashes separate).
/// </summary>
public static partial class UnitRules
{
    public const int MaxCodeLength = 35;
    public const int MaxNameLength = 200;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._]{0,34}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^[A-Za-z0-9.]{1,35}$")]
    private static partial Regex AgencyCodePattern();

    /// <summary>What a draft becomes once defaults are taken from the unit it changes (or from the rules for a new one).</summary>
    public sealed record Resolved(string Code, string Name, string Level, string Kind, string? ParentCode, string AgencyCode, DateOnly ValidFrom, bool IsNew);

    /// <summary>
    /// Checks <paramref name="drafts"/> against each other and the <paramref name="existing"/> units. A draft whose code
    /// exists changes that unit unless <paramref name="onlyNew"/> (then it is a conflict). <paramref name="pathOf"/>
    /// names a draft's field, e.g. <c>i =&gt; $"units[{i}]."</c>. Returns the problems and, when there are none, the
    /// drafts resolved.
    /// </summary>
    public static (IReadOnlyList<UnitProblem> Problems, IReadOnlyList<Resolved> Units) Check(
        IReadOnlyList<UnitDraft> drafts, IReadOnlyCollection<UnitInfo> existing, DateOnly today, bool onlyNew, Func<int, string> pathOf)
    {
        var problems = new List<UnitProblem>();
        var known = existing.ToDictionary(u => u.Code, StringComparer.OrdinalIgnoreCase);
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var resolved = new Resolved?[drafts.Count];

        for (var i = 0; i < drafts.Count; i++)
        {
            var at = pathOf(i);
            var draft = drafts[i];
            var code = draft.Code?.Trim();
            if (string.IsNullOrEmpty(code) || !CodePattern().IsMatch(code))
            {
                problems.Add(new(at + "code", $"Mã đơn vị '{code}' không hợp lệ: chữ, số, dấu chấm, gạch dưới, tối đa {MaxCodeLength} ký tự, ví dụ \"01273\" hoặc \"04.STC\"."));
                continue;
            }
            if (seen.TryGetValue(code, out var first))
            {
                problems.Add(new(at + "code", $"Mã đơn vị '{code}' bị trùng với {pathOf(first)}code trong danh sách."));
                continue;
            }
            seen[code] = i;
            known.TryGetValue(code, out var current);
            if (current is not null && onlyNew)
            {
                problems.Add(new(at + "code", $"Đơn vị '{code}' ({current.Name}) đã có; sửa bằng PUT /api/units/{code}.", IsConflict: true));
                continue;
            }
            if (current is not null && (current.ValidTo is not null || current.SuccessorCode is not null))
            {
                problems.Add(new(at + "code", $"Đơn vị '{code}' ({current.Name}) đã ngừng hoạt động (sáp nhập hoặc giải thể); không sửa được."));
                continue;
            }

            var name = draft.Name?.Trim() ?? current?.Name;
            if (string.IsNullOrEmpty(name))
                problems.Add(new(at + "name", "Thiếu tên đơn vị (name)."));
            else if (name.Length > MaxNameLength)
                problems.Add(new(at + "name", $"Tên đơn vị dài tối đa {MaxNameLength} ký tự."));

            var level = draft.Level?.Trim() ?? current?.Level;
            if (level is null || !Levels.All.Contains(level))
                problems.Add(new(at + "level", $"Cấp '{level}' không hợp lệ; dùng province (tỉnh), district (huyện) hoặc commune (xã)."));
            else if (current is not null && level != current.Level)
                problems.Add(new(at + "level", $"Không đổi cấp của đơn vị đã có ('{current.Level}'); đơn vị cấp khác là một đơn vị mới."));

            var kind = draft.Kind?.Trim() ?? current?.Kind ?? UnitKinds.Committee;
            if (!UnitKinds.All.Contains(kind))
                problems.Add(new(at + "kind", $"Loại đơn vị '{kind}' không hợp lệ; dùng committee (UBND), agency (cơ quan chuyên môn, công an...) hoặc centre (trung tâm phục vụ hành chính công)."));

            var agency = draft.AgencyCode?.Trim() ?? current?.AgencyCode ?? code;
            if (!AgencyCodePattern().IsMatch(agency))
                problems.Add(new(at + "agencyCode", $"Mã cơ quan trên Cổng DVCQG '{agency}' không hợp lệ: chữ, số và dấu chấm, tối đa 35 ký tự, không có dấu gạch ngang."));

            var parent = draft.ParentCode is null ? current?.ParentCode : string.IsNullOrWhiteSpace(draft.ParentCode) ? null : draft.ParentCode.Trim();
            if (parent is null && level is not null && level != Levels.Province)
                problems.Add(new(at + "parentCode", $"Đơn vị cấp {level} phải có đơn vị cha (parentCode)."));
            resolved[i] = new Resolved(code, name ?? "", level ?? "", kind, parent, agency, current?.ValidFrom ?? draft.ValidFrom ?? today, current is null);
        }

        // Parents are checked once every draft is known: a list may name its parents after their children.
        var drafted = resolved.Where(r => r is not null).ToDictionary(r => r!.Code, r => r!, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < drafts.Count; i++)
        {
            if (resolved[i] is not { ParentCode: { } parentCode } unit)
                continue;
            var at = pathOf(i);
            if (string.Equals(parentCode, unit.Code, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(new(at + "parentCode", $"Đơn vị '{unit.Code}' không thể trực thuộc chính nó."));
                continue;
            }
            string parentLevel, parentKind;
            if (drafted.TryGetValue(parentCode, out var draftedParent))
                (parentLevel, parentKind) = (draftedParent.Level, draftedParent.Kind);
            else if (known.TryGetValue(parentCode, out var knownParent))
            {
                if (!knownParent.IsValidOn(today))
                {
                    problems.Add(new(at + "parentCode", $"Đơn vị cha '{parentCode}' ({knownParent.Name}) đã ngừng hoạt động."));
                    continue;
                }
                (parentLevel, parentKind) = (knownParent.Level, knownParent.Kind);
            }
            else
            {
                problems.Add(new(at + "parentCode", $"Đơn vị cha '{parentCode}' không có trong danh sách và chưa có trong hệ thống."));
                continue;
            }
            if (!Levels.All.Contains(unit.Level) || !Levels.All.Contains(parentLevel))
                continue;
            var (child, above) = (UnitTree.LevelRank(unit.Level), UnitTree.LevelRank(parentLevel));
            if (above < child || above == child && (unit.Kind == UnitKinds.Committee || parentKind != UnitKinds.Committee))
                problems.Add(new(at + "level",
                    $"Đơn vị cấp {unit.Level} ({KindName(unit.Kind)}) không thể trực thuộc '{parentCode}' cấp {parentLevel} ({KindName(parentKind)}): " +
                    "đơn vị cha phải ở cấp cao hơn, hoặc cùng cấp khi đơn vị con là cơ quan chuyên môn hay trung tâm của Ủy ban nhân dân đó."));
        }

        // A parent cycle, through drafts and the units they change: A → B → A.
        var parentOf = known.Values.ToDictionary(u => u.Code, u => u.ParentCode, StringComparer.OrdinalIgnoreCase);
        foreach (var unit in drafted.Values)
            parentOf[unit.Code] = unit.ParentCode;
        for (var i = 0; i < drafts.Count; i++)
        {
            if (resolved[i] is not { } unit)
                continue;
            var path = new List<string> { unit.Code };
            var next = unit.ParentCode;
            while (next is not null && path.Count <= parentOf.Count)
            {
                if (string.Equals(next, unit.Code, StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add(new(pathOf(i) + "parentCode", $"Quan hệ trực thuộc tạo vòng lặp: {string.Join(" → ", path)} → {unit.Code}."));
                    break;
                }
                path.Add(next);
                next = parentOf.GetValueOrDefault(next);
            }
        }
        return (problems, problems.Count == 0 ? resolved.Select(r => r!).ToList() : []);
    }

    internal static string KindName(string kind) => kind switch
    {
        UnitKinds.Agency => "cơ quan",
        UnitKinds.Centre => "trung tâm",
        _ => "Ủy ban nhân dân",
    };
}
