using OneStop.Domain.Definitions;

namespace OneStop.Domain.Units;

/// <summary>One administrative unit as data (DESIGN §3): units change with the map, the code does not.</summary>
public sealed record UnitInfo(
    string Code,
    string Name,
    string Level,
    string? ParentCode,
    string AgencyCode,
    DateOnly ValidFrom,
    DateOnly? ValidTo = null,
    string? SuccessorCode = null,
    string Kind = UnitKinds.Committee,
    UnitDissolution? Dissolution = null)
{
    public bool IsValidOn(DateOnly date) => ValidFrom <= date && (ValidTo is null || date <= ValidTo);
}

/// <summary>
/// A read-only snapshot of the unit tree, used to resolve which unit runs a step. Small enough
/// (a province has a few hundred units) to load whole for each request that needs it.
/// </summary>
public sealed class UnitTree
{
    private readonly Dictionary<string, UnitInfo> _units;

    public UnitTree(IEnumerable<UnitInfo> units) =>
        _units = units.ToDictionary(u => u.Code, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<UnitInfo> All => _units.Values;

    public UnitInfo? Find(string? code) => code is not null && _units.TryGetValue(code, out var unit) ? unit : null;

    public static int LevelRank(string level) => level switch
    {
        Levels.Commune => 1,
        Levels.District => 2,
        Levels.Province => 3,
        _ => 0,
    };

    /// <summary>Follows successor links from a merged unit to the unit that carries its work on a date.</summary>
    public UnitInfo? Current(string code, DateOnly on)
    {
        var unit = Find(code);
        for (var hops = 0; unit is not null && !unit.IsValidOn(on) && unit.SuccessorCode is not null && hops < 32; hops++)
            unit = Find(unit.SuccessorCode);
        return unit;
    }

    /// <summary>The unit itself and then its ancestors, as valid on a date.</summary>
    public IEnumerable<UnitInfo> SelfAndAncestors(string code, DateOnly on)
    {
        var unit = Current(code, on);
        for (var hops = 0; unit is not null && hops < 32; hops++)
        {
            yield return unit;
            unit = unit.ParentCode is null ? null : Current(unit.ParentCode, on);
        }
    }

    /// <summary>The province a unit belongs to (itself, for a province), as valid on a date.</summary>
    public UnitInfo? ProvinceOf(string code, DateOnly on) => SelfAndAncestors(code, on).LastOrDefault(u => u.Level == Levels.Province);

    /// <summary>
    /// Resolves a step's <c>unit</c> (<c>receiving</c>, <c>parent</c>, a level or a unit code) for a dossier
    /// received at <paramref name="receivingUnitCode"/>. When no unit of the requested level exists in the branch any
    /// more (districts abolished 01/07/2025), the step runs at the level that took the powers (DESIGN §3): the
    /// step's own <paramref name="afterReform"/> when it names one, else the level the competence rules of the
    /// dissolution name for <paramref name="procedureId"/>, else — a merge — the nearest higher level.
    /// </summary>
    public UnitInfo? ResolveStepUnit(string stepUnit, string receivingUnitCode, DateOnly on, string? procedureId = null, string? afterReform = null)
    {
        if (stepUnit == StepUnits.Receiving)
            return Current(receivingUnitCode, on);
        if (stepUnit == StepUnits.Parent)
            return SelfAndAncestors(receivingUnitCode, on).Skip(1).FirstOrDefault();
        if (Levels.All.Contains(stepUnit))
        {
            var wanted = LevelRank(stepUnit);
            var branch = SelfAndAncestors(receivingUnitCode, on).ToList();
            var found = branch.FirstOrDefault(u => LevelRank(u.Level) >= wanted);
            if (found is not null && found.Level == stepUnit)
                return found;
            if (afterReform is not null && afterReform != stepUnit)
                return ResolveStepUnit(afterReform, receivingUnitCode, on, procedureId);
            if (DissolvedOver(branch, stepUnit)?.Dissolution?.LevelFor(procedureId) is { } competent && competent != stepUnit)
            {
                var rank = LevelRank(competent);
                return branch.FirstOrDefault(u => LevelRank(u.Level) >= rank) ?? found;
            }
            return found;
        }
        return Current(stepUnit, on);
    }

    /// <summary>A dissolved unit of <paramref name="level"/> whose area or successors include a unit of the branch.</summary>
    private UnitInfo? DissolvedOver(IReadOnlyList<UnitInfo> branch, string level) =>
        _units.Values.Where(u => u.Level == level && u.Dissolution is not null)
            .OrderByDescending(u => u.ValidTo)
            .FirstOrDefault(u => branch.Any(b => u.Dissolution!.Area.Contains(b.Code, StringComparer.OrdinalIgnoreCase)
                                                 || u.Dissolution.Successors.Any(s => string.Equals(s.UnitCode, b.Code, StringComparison.OrdinalIgnoreCase))
                                                    && b.Level != Levels.Province));

    /// <summary>True when <paramref name="descendant"/> lies below <paramref name="ancestor"/> (or is it).</summary>
    public bool IsSelfOrDescendant(string descendant, string ancestor, DateOnly on) =>
        SelfAndAncestors(descendant, on).Any(u => string.Equals(u.Code, ancestor, StringComparison.OrdinalIgnoreCase));
}
