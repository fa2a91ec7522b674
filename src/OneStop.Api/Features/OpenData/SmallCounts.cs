using OneStop.Api.Features.Reports;

namespace OneStop.Api.Features.OpenData;

/// <summary>
/// Small-count suppression for open data: a figure computed from fewer than <see cref="Threshold"/> dossiers
/// (a count of 1–4, a rate or average whose base is 1–4) is withheld and named in the row's <c>suppressed</c>
/// list, so nobody can be picked out of a month at a small commune. Zero is published: it says nothing about anyone.
/// Where one part of a breakdown is withheld but its total is not, the total minus the other parts would give it
/// away, so the smallest other non-zero part is withheld too.
/// </summary>
public static class SmallCounts
{
    public const int Threshold = 5;

    /// <summary>Breakdowns whose parts add up to the first column.</summary>
    private static readonly string[][] Breakdowns =
    [
        ["received", "receivedCounter", "receivedOnline", "receivedPost"],
        ["resolved", "resolvedOnTime", "resolvedLate"],
        ["inProgress", "inProgressOnTime", "inProgressOverdue"],
    ];

    /// <summary>The names of the columns to withhold for <paramref name="figures"/>.</summary>
    public static HashSet<string> Suppressed(IndicatorFigures figures)
    {
        var bases = IndicatorColumns.All.ToDictionary(c => c.Name, c => c.Base(figures), StringComparer.Ordinal);
        var suppressed = bases.Where(b => b.Value is > 0 and < Threshold).Select(b => b.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var group in Breakdowns)
        {
            var parts = group.Skip(1).ToList();
            if (suppressed.Contains(group[0]) || parts.Count(suppressed.Contains) != 1)
                continue;
            var next = parts.Where(p => !suppressed.Contains(p) && bases[p] > 0).OrderBy(p => bases[p]).FirstOrDefault();
            suppressed.Add(next ?? group[0]);
        }
        return suppressed;
    }
}
