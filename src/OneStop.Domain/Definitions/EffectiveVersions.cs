namespace OneStop.Domain.Definitions;

/// <summary>
/// Which published version of a procedure takes new dossiers on a Vietnam date (DESIGN §4.1 <c>effectiveFrom</c>):
/// the highest published version whose date has come (no date: from its publication). A version published ahead
/// of its date waits as the next one while the previous keeps taking dossiers; dossiers already running always
/// stay on their own version.
/// </summary>
public static class EffectiveVersions
{
    /// <summary>The version new dossiers take on <paramref name="today"/>, or null when none is in force.</summary>
    public static DefinitionVersion? InForce(IEnumerable<DefinitionVersion> versions, DateOnly today) =>
        versions.Where(v => v.State == DefinitionState.Published && HasCome(v.EffectiveFrom, today))
            .MaxBy(v => v.Version);

    /// <summary>Whether a published version with this <c>effectiveFrom</c> may take new dossiers on <paramref name="today"/>.</summary>
    public static bool HasCome(DateOnly? effectiveFrom, DateOnly today) => effectiveFrom is null || effectiveFrom <= today;

    /// <summary>The published version that comes into force after <paramref name="today"/>, soonest first.</summary>
    public static DefinitionVersion? Next(IEnumerable<DefinitionVersion> versions, DateOnly today) =>
        versions.Where(v => v.State == DefinitionState.Published && v.EffectiveFrom > today)
            .OrderBy(v => v.EffectiveFrom).ThenBy(v => v.Version).FirstOrDefault();

    /// <summary>
    /// Why <paramref name="draft"/> may not be published on <paramref name="today"/> next to the published
    /// versions, or null. A version may not come into force before one published earlier that still waits for its
    /// date: the later version would be overtaken on that date by the older one.
    /// </summary>
    public static DefinitionError? CheckPublish(DefinitionVersion draft, IEnumerable<DefinitionVersion> versions, DateOnly today)
    {
        var starts = draft.EffectiveFrom is { } from && from > today ? from : today;
        var waiting = versions.Where(v => v.State == DefinitionState.Published && v.EffectiveFrom > starts && v.Version != draft.Version)
            .OrderByDescending(v => v.EffectiveFrom).FirstOrDefault();
        return waiting is null ? null : new DefinitionError("effectiveFrom",
            $"Phiên bản {waiting.Version} đã công bố và có hiệu lực từ {waiting.EffectiveFrom:dd/MM/yyyy}; phiên bản mới phải có hiệu lực từ ngày đó trở đi " +
            $"(effectiveFrom ≥ \"{waiting.EffectiveFrom:yyyy-MM-dd}\"), hoặc hãy ngừng áp dụng (retire) phiên bản {waiting.Version} trước.");
    }

    /// <summary>
    /// The published versions to retire once <paramref name="published"/> has been published on <paramref name="today"/>:
    /// those below the version now in force (it supersedes them). Versions waiting for their date stay published.
    /// </summary>
    public static IReadOnlyList<DefinitionVersion> Superseded(IReadOnlyCollection<DefinitionVersion> versions, DateOnly today)
    {
        var inForce = InForce(versions, today);
        return inForce is null ? [] : versions.Where(v => v.State == DefinitionState.Published && v.Version < inForce.Version).ToList();
    }
}
