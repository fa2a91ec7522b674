using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneStop.Api.Common;
using OneStop.Domain.Definitions;
using OneStop.Domain.Dossiers;
using OneStop.Infrastructure.Dossiers;
using OneStop.Infrastructure.Persistence;
using OneStop.Infrastructure.Reports;

namespace OneStop.Api.Features.Reports;

public sealed record ScorecardResponse(
    UnitRef? Unit, int Year, string Tree, double Points, double MaxPoints, double MeasuredMaxPoints, string Source,
    IReadOnlyList<ScoreGroup> Groups, IndicatorFigures Figures, ProcedureCounts Procedures);

/// <summary><c>GET /api/reports/scorecard?year=&amp;unit=</c>: the year's Decision 766 scorecard of a unit and its descendants.</summary>
public static class GetScorecard
{
    public static async Task<Results<Ok<ScorecardResponse>, ProblemHttpResult>> Handle(
        ClaimsPrincipal user, int? year, string? unit, string? tree,
        OneStopDbContext db, IndicatorReader reader, IndicatorQueries queries, DossierContextFactory contexts, TimeProvider clock, CancellationToken ct)
    {
        var (period, badYear) = ReportPeriod.Year(year);
        if (badYear is not null)
            return badYear;
        var (scope, badScope) = await ReportScope.ResolveAsync(user, unit, tree, contexts, clock, ct);
        if (scope is null)
            return badScope!;
        if (await period.CheckHasDataAsync(queries, VietnamDays.Today(clock), "year", ct) is { } noData)
            return noData;

        var reading = await reader.ReadAsync(period.From, period.To, ct);
        var figures = IndicatorFigures.From(scope.Total(reading.ByUnit));
        var procedures = await ProceduresAsync(db, scope, period, ct);
        var groups = Scorecard766.Score(figures, procedures);
        return TypedResults.Ok(new ScorecardResponse(
            scope.Unit is null ? null : GetIndicators.Ref(scope.Unit), year!.Value, scope.TreeName,
            Math.Round(groups.Sum(g => g.Points), 2), groups.Sum(g => g.MaxPoints), groups.Sum(g => g.MeasuredMaxPoints),
            Scorecard766.Source, groups, figures, procedures));
    }

    /// <summary>
    /// Published procedures, those offered online (partly or fully), and of those the ones that received at least one
    /// online dossier in the year within the scope: one grouped query by unit and procedure.
    /// </summary>
    private static async Task<ProcedureCounts> ProceduresAsync(OneStopDbContext db, ReportScope scope, ReportPeriod period, CancellationToken ct)
    {
        var published = await db.DefinitionVersions.AsNoTracking().Where(d => d.State == DefinitionState.Published)
            .Select(d => new { d.DefinitionId, d.OnlineLevel }).ToListAsync(ct);
        var online = published.Where(p => p.OnlineLevel is "partial" or "full").Select(p => p.DefinitionId).ToHashSet(StringComparer.Ordinal);
        var (start, end) = (VietnamDays.Start(period.From), VietnamDays.Start(period.To.AddDays(1)));
        var used = await db.ReportFacts.AsNoTracking()
            .Where(f => f.Channel == Channel.Online && f.ReceivedAt >= start && f.ReceivedAt < end)
            .GroupBy(f => new { f.ReceivedUnitCode, f.ProcedureId })
            .Select(g => new { g.Key.ReceivedUnitCode, g.Key.ProcedureId })
            .ToListAsync(ct);
        var usedInScope = used.Where(u => scope.Covers(scope.MapUnit(u.ReceivedUnitCode ?? ""))).Select(u => u.ProcedureId)
            .Where(online.Contains).Distinct(StringComparer.Ordinal).Count();
        return new ProcedureCounts(published.Select(p => p.DefinitionId).Distinct().Count(), online.Count, usedInScope);
    }
}
