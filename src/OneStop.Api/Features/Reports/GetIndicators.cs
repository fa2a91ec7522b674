using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OneStop.Api.Common;
using OneStop.Infrastructure.Definitions;
using OneStop.Infrastructure.Dossiers;
using OneStop.Infrastructure.Persistence;
using OneStop.Infrastructure.Reports;

namespace OneStop.Api.Features.Reports;

public sealed record UnitRef(string Code, string Name, string Level, string? ParentCode);

public sealed record UnitFigures(UnitRef Unit, IndicatorFigures Figures);

/// <summary>Work open at the end of the period at one step of one procedure, within the scope.</summary>
public sealed record StepWork(string ProcedureId, string ProcedureName, string StepId, string StepName, int InProgress, int Overdue);

public sealed record IndicatorsResponse(
    UnitRef? Unit,
    DateOnly From,
    DateOnly To,
    string Tree,
    DateTimeOffset OpenWorkAt,
    int SnapshotDays,
    int LiveDays,
    IndicatorFigures Figures,
    IReadOnlyList<UnitFigures> Units,
    IReadOnlyList<StepWork> OverdueBySteps);

/// <summary><c>GET /api/reports/indicators?from=&amp;to=&amp;unit=&amp;tree=</c>: DESIGN §11's indicators for a unit and its descendants.</summary>
public static class GetIndicators
{
    public static async Task<Results<Ok<IndicatorsResponse>, ProblemHttpResult>> Handle(
        ClaimsPrincipal user, string? from, string? to, string? unit, string? tree,
        OneStopDbContext db, IndicatorReader reader, IndicatorQueries queries, DossierContextFactory contexts, DefinitionCatalog catalog, TimeProvider clock, CancellationToken ct)
    {
        var (response, problem) = await BuildAsync(user, from, to, unit, tree, db, reader, queries, contexts, catalog, clock, ct);
        return response is null ? problem! : TypedResults.Ok(response);
    }

    /// <summary>The report the JSON and CSV endpoints share, or the problem that stops it.</summary>
    public static async Task<(IndicatorsResponse? Response, ProblemHttpResult? Problem)> BuildAsync(
        ClaimsPrincipal user, string? from, string? to, string? unit, string? tree,
        OneStopDbContext db, IndicatorReader reader, IndicatorQueries queries, DossierContextFactory contexts, DefinitionCatalog catalog, TimeProvider clock, CancellationToken ct)
    {
        var today = VietnamDays.Today(clock);
        var (period, badPeriod) = ReportPeriod.Parse(from, to, today);
        if (badPeriod is not null)
            return (null, badPeriod);
        var (scope, badScope) = await ReportScope.ResolveAsync(user, unit, tree, contexts, clock, ct);
        if (scope is null)
            return (null, badScope);
        if (await period.CheckHasDataAsync(queries, today, "from", ct) is { } noData)
            return (null, noData);

        var reading = await reader.ReadAsync(period.From, period.To, ct);
        var own = scope.ByUnit(reading.ByUnit);
        var units = scope.Units()
            .Select(u => new UnitFigures(Ref(u), IndicatorFigures.From(own.GetValueOrDefault(u.Code) ?? new IndicatorCounts())))
            .ToList();
        var steps = await OverdueByStepsAsync(scope, reading.OpenWork, db, catalog, ct);
        return (new IndicatorsResponse(
            scope.Unit is null ? null : Ref(scope.Unit), period.From, period.To, scope.TreeName, reading.StockAt.ToVietnam(),
            reading.SnapshotDays, reading.LiveDays, IndicatorFigures.From(scope.Total(reading.ByUnit)), units, steps), null);
    }

    internal static UnitRef Ref(OneStop.Domain.Units.UnitInfo unit) => new(unit.Code, unit.Name, unit.Level, unit.ParentCode);

    private static async Task<List<StepWork>> OverdueByStepsAsync(
        ReportScope scope, IReadOnlyList<OpenWork> open, OneStopDbContext db, DefinitionCatalog catalog, CancellationToken ct)
    {
        var steps = new List<StepWork>();
        foreach (var group in open.Where(w => scope.Covers(scope.MapUnit(w.UnitCode))).GroupBy(w => (w.ProcedureId, w.StepId)))
        {
            var engine = await catalog.GetCurrentAsync(db, group.Key.ProcedureId, ct);
            var stepName = engine?.Definition.FindStep(group.Key.StepId)?.Name ?? group.Key.StepId;
            steps.Add(new StepWork(group.Key.ProcedureId, engine?.Definition.Name ?? group.Key.ProcedureId, group.Key.StepId, stepName,
                group.Sum(w => w.InProgress), group.Sum(w => w.Overdue)));
        }
        return steps.OrderByDescending(s => s.Overdue).ThenByDescending(s => s.InProgress).ThenBy(s => s.ProcedureId, StringComparer.Ordinal)
            .ThenBy(s => s.StepId, StringComparer.Ordinal).ToList();
    }
}
