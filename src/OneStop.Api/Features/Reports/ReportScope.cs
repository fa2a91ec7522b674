using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OneStop.Api.Common;
using OneStop.Domain;
using OneStop.Domain.Dossiers;
using OneStop.Domain.Units;
using OneStop.Infrastructure.Dossiers;
using OneStop.Infrastructure.Reports;

namespace OneStop.Api.Features.Reports;

/// <summary>
/// Which units a report covers and under which tree (DESIGN §11). <c>tree=history</c> (the default) counts each
/// figure under the unit that acted at the time, as its event names it — a merged or dissolved unit keeps its
/// own figures, and they count within its parent; <c>tree=current</c> counts them under the unit that carries
/// that unit's work today (following merges). A unit covers itself and every unit below it.
/// </summary>
public sealed class ReportScope(UnitTree tree, UnitInfo? unit, bool currentTree, DateOnly today)
{
    public const string HistoryTree = "history";
    public const string CurrentTreeName = "current";

    public UnitTree Tree { get; } = tree;
    /// <summary>The unit asked for; null for an admin's whole-system report.</summary>
    public UnitInfo? Unit { get; } = unit;
    public bool CurrentTree { get; } = currentTree;
    public string TreeName => CurrentTree ? CurrentTreeName : HistoryTree;

    /// <summary>The unit a count attributed to <paramref name="actingUnit"/> is shown under in this view.</summary>
    public string MapUnit(string actingUnit) =>
        CurrentTree ? Tree.Current(actingUnit, today)?.Code ?? actingUnit : actingUnit;

    /// <summary>Whether a (mapped) unit lies within the scope.</summary>
    public bool Covers(string unitCode) => Unit is null || IsWithin(Tree, unitCode, Unit.Code);

    /// <summary>The units a breakdown lists: every unit in the scope (in the current view, only units in force today).</summary>
    public IReadOnlyList<UnitInfo> Units() => Tree.All
        .Where(u => Covers(u.Code) && (!CurrentTree || u.IsValidOn(today)))
        .OrderByDescending(u => UnitTree.LevelRank(u.Level)).ThenBy(u => u.Code, StringComparer.Ordinal)
        .ToList();

    /// <summary>Sums per-unit counts into the scope's total, after mapping each to its unit in this view.</summary>
    public IndicatorCounts Total(IReadOnlyDictionary<string, IndicatorCounts> byActingUnit)
    {
        var total = new IndicatorCounts();
        foreach (var (acting, counts) in byActingUnit)
            if (Covers(MapUnit(acting)))
                total.Add(counts);
        return total;
    }

    /// <summary>Each unit's own counts in this view (without its descendants').</summary>
    public Dictionary<string, IndicatorCounts> ByUnit(IReadOnlyDictionary<string, IndicatorCounts> byActingUnit)
    {
        var result = new Dictionary<string, IndicatorCounts>(StringComparer.OrdinalIgnoreCase);
        foreach (var (acting, counts) in byActingUnit)
        {
            var unitCode = MapUnit(acting);
            if (!Covers(unitCode))
                continue;
            if (!result.TryGetValue(unitCode, out var sum))
                result[unitCode] = sum = new IndicatorCounts();
            sum.Add(counts);
        }
        return result;
    }

    /// <summary>
    /// True when <paramref name="code"/> is <paramref name="ancestor"/> or lies below it by the stored parent links.
    /// Unlike <see cref="UnitTree.SelfAndAncestors"/> this does not jump from an ended unit to its successor:
    /// the history view keeps a merged unit where it stood.
    /// </summary>
    public static bool IsWithin(UnitTree tree, string code, string ancestor)
    {
        var unit = tree.Find(code);
        for (var hops = 0; unit is not null && hops < 32; hops++)
        {
            if (string.Equals(unit.Code, ancestor, StringComparison.OrdinalIgnoreCase))
                return true;
            unit = tree.Find(unit.ParentCode);
        }
        return false;
    }

    /// <summary>
    /// The scope of a report request: admins may ask for any unit (or none: the whole system), leaders for their
    /// own unit and those below it (the default). Unknown unit → 404; another unit's → 403; a bad <c>tree</c> → 400.
    /// </summary>
    public static async Task<(ReportScope? Scope, ProblemHttpResult? Problem)> ResolveAsync(
        ClaimsPrincipal user, string? unit, string? tree, DossierContextFactory contexts, TimeProvider clock, CancellationToken ct)
    {
        var view = string.IsNullOrWhiteSpace(tree) ? HistoryTree : tree.Trim().ToLowerInvariant();
        if (view is not (HistoryTree or CurrentTreeName))
            return (null, Problems.Of(StatusCodes.Status400BadRequest, "Yêu cầu không hợp lệ",
                $"Tham số tree '{tree}' không hợp lệ: dùng 'history' (theo đơn vị tại thời điểm phát sinh) hoặc 'current' (theo cây đơn vị hiện nay).", "tree"));

        var actor = user.ToActor();
        var units = await contexts.LoadUnitsAsync(ct);
        var today = VietnamDays.Today(clock);
        var requested = string.IsNullOrWhiteSpace(unit) ? actor.Has(RoleNames.Admin) ? null : actor.UnitCode : unit.Trim();
        UnitInfo? info = null;
        if (requested is not null)
        {
            info = units.Find(requested);
            if (info is null)
                return (null, Problems.Of(StatusCodes.Status404NotFound, "Không tìm thấy", $"Không tìm thấy đơn vị '{requested}'.", "unit"));
        }
        if (!actor.Has(RoleNames.Admin) && (actor.UnitCode is null || info is null || !IsWithin(units, info.Code, actor.UnitCode)))
            return (null, Problems.Of(StatusCodes.Status403Forbidden, "Không có quyền",
                $"Lãnh đạo chỉ xem số liệu của đơn vị mình ({actor.UnitCode}) và các đơn vị trực thuộc.", "unit"));
        if (view == CurrentTreeName && info is not null && !info.IsValidOn(today))
        {
            var successor = units.Current(info.Code, today);
            return (null, Problems.Unprocessable(
                $"Đơn vị '{info.Code}' ({info.Name}) không còn hoạt động" + (successor is null || successor.Code == info.Code ? "" : $"; công việc của đơn vị đã chuyển cho '{successor.Code}' ({successor.Name})")
                + ". Theo cây đơn vị hiện nay hãy xem đơn vị kế thừa, hoặc dùng tree=history để xem số liệu của chính đơn vị này.", "unit"));
        }
        return (new ReportScope(units, info, view == CurrentTreeName, today), null);
    }
}
