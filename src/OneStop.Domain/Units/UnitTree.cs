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
    string Kind = UnitKinds.Committee)
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

    /// <summary>
    /// Resolves a step's <c>unit</c> (<c>receiving</c>, <c>parent</c>, a level or a unit code) for a dossier
    /// received at <paramref name="receivingUnitCode"/>. When no unit of the requested level exists in the
    /// branch any more (districts abolished 01/07/2025), the nearest higher level takes the step.
    /// </summary>
    public UnitInfo? ResolveStepUnit(string stepUnit, string receivingUnitCode, DateOnly on)
    {
        if (stepUnit == StepUnits.Receiving)
            return Current(receivingUnitCode, on);
        if (stepUnit == StepUnits.Parent)
            return SelfAndAncestors(receivingUnitCode, on).Skip(1).FirstOrDefault();
        if (Levels.All.Contains(stepUnit))
        {
            var wanted = LevelRank(stepUnit);
            return SelfAndAncestors(receivingUnitCode, on).FirstOrDefault(u => LevelRank(u.Level) >= wanted);
        }
        return Current(stepUnit, on);
    }

    /// <summary>True when <paramref name="descendant"/> lies below <paramref name="ancestor"/> (or is it).</summary>
    public bool IsSelfOrDescendant(string descendant, string ancestor, DateOnly on) =>
        SelfAndAncestors(descendant, on).Any(u => string.Equals(u.Code, ancestor, StringComparison.OrdinalIgnoreCase));
}
