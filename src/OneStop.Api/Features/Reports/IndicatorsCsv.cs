using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OneStop.Api.Common;
using OneStop.Infrastructure.Definitions;
using OneStop.Infrastructure.Dossiers;
using OneStop.Infrastructure.Persistence;
using OneStop.Infrastructure.Reports;

namespace OneStop.Api.Features.Reports;

/// <summary>
/// <c>GET /api/reports/indicators.csv</c>: the same figures as the JSON report, one row for the whole scope
/// (<c>scope = total</c>) and one per unit in it (<c>scope = unit</c>, that unit's own figures).
/// </summary>
public static class IndicatorsCsv
{
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Handle(
        ClaimsPrincipal user, string? from, string? to, string? unit, string? tree,
        OneStopDbContext db, IndicatorReader reader, IndicatorQueries queries, DossierContextFactory contexts, DefinitionCatalog catalog, TimeProvider clock, CancellationToken ct)
    {
        var (report, problem) = await GetIndicators.BuildAsync(user, from, to, unit, tree, db, reader, queries, contexts, catalog, clock, ct);
        if (report is null)
            return problem!;

        string[] leading = ["scope", "unitCode", "unitName", "from", "to"];
        var header = leading.Concat(IndicatorColumns.All.Select(c => c.Name)).ToList();
        var period = new[] { Iso(report.From), Iso(report.To) };
        var rows = new List<IReadOnlyList<string>>
        {
            Row(["total", report.Unit?.Code ?? "", report.Unit?.Name ?? "Toàn hệ thống", .. period], report.Figures),
        };
        rows.AddRange(report.Units.Select(u => Row(["unit", u.Unit.Code, u.Unit.Name, .. period], u.Figures)));

        var name = $"chi-so-{report.Unit?.Code ?? "toan-he-thong"}-{Iso(report.From)}-{Iso(report.To)}.csv";
        return TypedResults.File(Csv.Write(header, rows), Csv.ContentType, name);
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static List<string> Row(IEnumerable<string> leading, IndicatorFigures figures) =>
        [.. leading, .. IndicatorColumns.All.Select(c => c.Value(figures))];
}
