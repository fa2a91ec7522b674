using System.Text.Json;
using OneStop.Domain.Definitions;

namespace OneStop.Domain.Units;

/// <summary>One successor of a dissolved unit: the children it takes, and the officers that move to it.</summary>
public sealed record DissolutionSuccessor(string UnitCode, IReadOnlyList<string>? ChildCodes = null, IReadOnlyList<string>? Officers = null);

/// <summary>
/// Which level is competent after the dissolution, for one procedure (<see cref="ProcedureId"/>) or by default
/// (no procedure): e.g. household business registration → commune (Decree 168/2025/NĐ-CP).
/// </summary>
public sealed record CompetenceRule(string? ProcedureId, string Level);

/// <summary>
/// How a unit was dissolved (DESIGN §3): from when, into which successors (each taking some of its children), and
/// which level is now competent for what. Kept with the ended unit, so steps that still name its level find the
/// level that took its powers; <see cref="Area"/> remembers the units that were under it.
/// </summary>
public sealed record UnitDissolution(
    DateOnly EffectiveFrom, IReadOnlyList<DissolutionSuccessor> Successors, IReadOnlyList<CompetenceRule> Competence)
{
    /// <summary>The children the unit had when it was dissolved: its area.</summary>
    public IReadOnlyList<string> Area { get; init; } = [];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The level competent for <paramref name="procedureId"/>: its own rule, else the default rule, else null.</summary>
    public string? LevelFor(string? procedureId) =>
        Competence.FirstOrDefault(r => r.ProcedureId is not null && r.ProcedureId == procedureId)?.Level
        ?? Competence.FirstOrDefault(r => r.ProcedureId is null)?.Level;

    /// <summary>
    /// The successor competent for a dossier of <paramref name="procedureId"/> (DESIGN §3): the competence rule names a
    /// level; among the successors of that level, the one whose area holds <paramref name="communeCode"/> (the
    /// applicant's or the dossier's commune), else the first of that level; with no rule or no successor of the
    /// level, the first successor. <paramref name="after"/> is the tree once the children are re-parented.
    /// </summary>
    public string SuccessorFor(string procedureId, string? communeCode, UnitTree after, DateOnly on)
    {
        var level = LevelFor(procedureId);
        var ofLevel = Successors.Select(s => after.Find(s.UnitCode)).Where(u => u is not null && u.Level == level).Select(u => u!.Code).ToList();
        if (ofLevel.Count == 0)
            return Successors[0].UnitCode;
        if (communeCode is not null && ofLevel.FirstOrDefault(code => after.IsSelfOrDescendant(communeCode, code, on)) is { } holding)
            return holding;
        return ofLevel[0];
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static UnitDissolution? FromJson(string? json) => json is null ? null : JsonSerializer.Deserialize<UnitDissolution>(json, Json);

    /// <summary>Whether <paramref name="level"/> is a level name at all.</summary>
    internal static bool IsLevel(string? level) => level is not null && Levels.All.Contains(level);
}
