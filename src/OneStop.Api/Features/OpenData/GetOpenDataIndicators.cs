using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using OneStop.Api.Common;
using OneStop.Api.Features.Reports;
using OneStop.Infrastructure.Dossiers;
using OneStop.Infrastructure.Persistence;
using OneStop.Infrastructure.Reports;

namespace OneStop.Api.Features.OpenData;

/// <summary>One unit's own figures for one month; withheld figures are null and named in <see cref="Suppressed"/>.</summary>
public sealed record OpenDataRow(string Month, string UnitCode, string UnitName, IReadOnlyDictionary<string, double?> Figures, IReadOnlyList<string> Suppressed);

public sealed record OpenDataResponse(int Year, int SuppressionThreshold, string Note, IReadOnlyList<string> Columns, IReadOnlyList<OpenDataRow> Rows);

/// <summary>
/// <c>GET /api/open-data/indicators?year=&amp;format=json|csv</c>: anonymous, rate limited like <c>/api/public</c>. Each
/// unit's own figures per month of the year (months up to the current one), counted under the unit that acted at the
/// time. No personal data: only unit codes, names and counts, with small counts withheld (<see cref="SmallCounts"/>).
/// </summary>
public static class GetOpenDataIndicators
{
    public const string Note =
        "Số liệu của từng đơn vị (không gồm đơn vị trực thuộc) theo tháng. Số liệu tính từ 1–4 hồ sơ được ẩn (null/ô trống) và ghi tên trong 'suppressed'.";

    public static async Task<Results<Ok<OpenDataResponse>, FileContentHttpResult, ProblemHttpResult>> Handle(
        int? year, string? format, OneStopDbContext db, IndicatorReader reader, IndicatorQueries queries, DossierContextFactory contexts, TimeProvider clock, CancellationToken ct)
    {
        var wanted = string.IsNullOrWhiteSpace(format) ? "json" : format.Trim().ToLowerInvariant();
        if (wanted is not ("json" or "csv"))
            return Problems.Of(StatusCodes.Status400BadRequest, "Yêu cầu không hợp lệ", $"Định dạng '{format}' không hỗ trợ: dùng format=json hoặc format=csv.", "format");
        var (period, badYear) = ReportPeriod.Year(year);
        if (badYear is not null)
            return badYear;
        var today = VietnamDays.Today(clock);
        if (await period.CheckHasDataAsync(queries, today, "year", ct) is { } noData)
            return noData;

        var units = await contexts.LoadUnitsAsync(ct);
        var rows = new List<OpenDataRow>();
        for (var month = 1; month <= 12; month++)
        {
            var first = new DateOnly(period.From.Year, month, 1);
            if (first > today)
                break;
            var reading = await reader.ReadAsync(first, first.AddMonths(1).AddDays(-1), ct);
            foreach (var (unitCode, counts) in reading.ByUnit.Where(u => !u.Value.IsEmpty && u.Key.Length > 0).OrderBy(u => u.Key, StringComparer.Ordinal))
            {
                var figures = IndicatorFigures.From(counts);
                var suppressed = SmallCounts.Suppressed(figures);
                var values = IndicatorColumns.All.ToDictionary(c => c.Name,
                    c => suppressed.Contains(c.Name) ? null : ParseValue(c.Value(figures)), StringComparer.Ordinal);
                rows.Add(new OpenDataRow(first.ToString("yyyy-MM", CultureInfo.InvariantCulture), unitCode, units.Find(unitCode)?.Name ?? unitCode,
                    values, IndicatorColumns.All.Select(c => c.Name).Where(suppressed.Contains).ToList()));
            }
        }

        var columns = IndicatorColumns.All.Select(c => c.Name).ToList();
        if (wanted == "json")
            return TypedResults.Ok(new OpenDataResponse(period.From.Year, SmallCounts.Threshold, Note, columns, rows));
        var header = new List<string> { "month", "unitCode", "unitName" };
        header.AddRange(columns);
        header.Add("suppressed");
        var lines = rows.Select(r => (IReadOnlyList<string>)[r.Month, r.UnitCode, r.UnitName,
            .. columns.Select(c => Csv.Number(r.Figures[c])), string.Join(';', r.Suppressed)]);
        return TypedResults.File(Csv.Write(header, lines), Csv.ContentType, $"onestop-chi-so-{period.From.Year}.csv");
    }

    private static double? ParseValue(string text) =>
        text.Length == 0 ? null : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
