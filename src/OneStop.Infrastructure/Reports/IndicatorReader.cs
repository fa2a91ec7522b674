using Microsoft.EntityFrameworkCore;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Infrastructure.Reports;

/// <summary>What a period's indicators were built from.</summary>
public sealed record IndicatorReading(
    IReadOnlyDictionary<string, IndicatorCounts> ByUnit, IReadOnlyList<OpenWork> OpenWork, DateTime StockAt,
    int SnapshotDays, int LiveDays);

/// <summary>
/// Reads the counts of a period of whole Vietnam days, per acting unit: days that have a daily snapshot come
/// from it (what the operations centre saw that morning, whatever was edited since), the other days from the
/// live queries, one query set per run of consecutive days. The in-progress stock is the snapshot's when the
/// period's last day has one, else the live state at the end of that day (or now, for today).
/// </summary>
public sealed class IndicatorReader(OneStopDbContext db, IndicatorQueries live, TimeProvider clock)
{
    public async Task<IndicatorReading> ReadAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var snapshotted = (await db.IndicatorSnapshotDays.AsNoTracking()
            .Where(d => d.Day >= from && d.Day <= to).Select(d => d.Day).ToListAsync(ct)).ToHashSet();

        var byUnit = new Dictionary<string, IndicatorCounts>(StringComparer.OrdinalIgnoreCase);
        IndicatorCounts For(string unit) => byUnit.TryGetValue(unit, out var c) ? c : byUnit[unit] = new IndicatorCounts();

        if (snapshotted.Count > 0)
            foreach (var (unit, counts) in await SnapshotFlowsAsync(from, to, ct))
                For(unit).AddFlows(counts);

        var liveDays = 0;
        foreach (var (runFrom, runTo) in LiveRuns(from, to, snapshotted))
        {
            liveDays += runTo.DayNumber - runFrom.DayNumber + 1;
            foreach (var (unit, counts) in await live.FlowsAsync(VietnamDays.Start(runFrom), VietnamDays.Start(runTo.AddDays(1)), ct))
                For(unit).AddFlows(counts);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var endOfPeriod = VietnamDays.Start(to.AddDays(1));
        // The open work at the period's end, or now for a period that reaches today (read from the facts alone).
        // By step it is always live: the snapshot keeps per-unit totals, not steps.
        var reachesNow = endOfPeriod > now;
        var stockAt = reachesNow ? now : endOfPeriod;
        var open = reachesNow ? await live.OpenWorkNowAsync(ct) : await live.OpenWorkAsync(endOfPeriod, ct);
        var stock = snapshotted.Contains(to)
            ? await SnapshotStockAsync(to, ct)
            : IndicatorQueries.StockByUnit(open);
        foreach (var (unit, counts) in stock)
            For(unit).AddStock(counts);

        return new IndicatorReading(byUnit, open, stockAt, snapshotted.Count, liveDays);
    }

    /// <summary>Runs of consecutive days in [from, to] that have no snapshot.</summary>
    internal static IEnumerable<(DateOnly From, DateOnly To)> LiveRuns(DateOnly from, DateOnly to, IReadOnlySet<DateOnly> snapshotted)
    {
        DateOnly? start = null;
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            if (snapshotted.Contains(day))
            {
                if (start is { } s)
                    yield return (s, day.AddDays(-1));
                start = null;
            }
            else
            {
                start ??= day;
            }
        }
        if (start is { } last)
            yield return (last, to);
    }

    private async Task<Dictionary<string, IndicatorCounts>> SnapshotFlowsAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var rows = await db.IndicatorSnapshots.AsNoTracking()
            .Where(s => s.Day >= from && s.Day <= to)
            .GroupBy(s => s.UnitCode)
            .Select(g => new
            {
                Unit = g.Key,
                Received = g.Sum(s => s.Received),
                ReceivedCounter = g.Sum(s => s.ReceivedCounter),
                ReceivedOnline = g.Sum(s => s.ReceivedOnline),
                ReceivedPost = g.Sum(s => s.ReceivedPost),
                ReceivedFullOnlineProcedure = g.Sum(s => s.ReceivedFullOnlineProcedure),
                ReceivedFullOnlineProcedureOnline = g.Sum(s => s.ReceivedFullOnlineProcedureOnline),
                ReceivedDigitized = g.Sum(s => s.ReceivedDigitized),
                ReceivedReusing = g.Sum(s => s.ReceivedReusing),
                ReceivedUnsynced = g.Sum(s => s.ReceivedUnsynced),
                ReceivedVneidVerified = g.Sum(s => s.ReceivedVneidVerified),
                ReceivedFromNationalDatabases = g.Sum(s => s.ReceivedFromNationalDatabases),
                PaidOnline = g.Sum(s => s.PaidOnline),
                Resolved = g.Sum(s => s.Resolved),
                ResolvedLate = g.Sum(s => s.ResolvedLate),
                ResolvedElectronicResult = g.Sum(s => s.ResolvedElectronicResult),
                ResolvedTimed = g.Sum(s => s.ResolvedTimed),
                ProcessingWorkingMinutes = g.Sum(s => s.ProcessingWorkingMinutes),
                PausedWorkingMinutes = g.Sum(s => s.PausedWorkingMinutes),
                Returned = g.Sum(s => s.Returned),
                NotAccepted = g.Sum(s => s.NotAccepted),
                Declined = g.Sum(s => s.Declined),
                Withdrawn = g.Sum(s => s.Withdrawn),
                Rated1 = g.Sum(s => s.Rated1),
                Rated2 = g.Sum(s => s.Rated2),
                Rated3 = g.Sum(s => s.Rated3),
                Rated4 = g.Sum(s => s.Rated4),
                Rated5 = g.Sum(s => s.Rated5),
            })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Unit, r => new IndicatorCounts
        {
            Received = r.Received, ReceivedCounter = r.ReceivedCounter, ReceivedOnline = r.ReceivedOnline, ReceivedPost = r.ReceivedPost,
            ReceivedFullOnlineProcedure = r.ReceivedFullOnlineProcedure, ReceivedFullOnlineProcedureOnline = r.ReceivedFullOnlineProcedureOnline,
            ReceivedDigitized = r.ReceivedDigitized, ReceivedReusing = r.ReceivedReusing, ReceivedUnsynced = r.ReceivedUnsynced,
            ReceivedVneidVerified = r.ReceivedVneidVerified, ReceivedFromNationalDatabases = r.ReceivedFromNationalDatabases, PaidOnline = r.PaidOnline,
            Resolved = r.Resolved, ResolvedLate = r.ResolvedLate, ResolvedElectronicResult = r.ResolvedElectronicResult,
            ResolvedTimed = r.ResolvedTimed, ProcessingWorkingMinutes = r.ProcessingWorkingMinutes, PausedWorkingMinutes = r.PausedWorkingMinutes,
            Returned = r.Returned, NotAccepted = r.NotAccepted, Declined = r.Declined, Withdrawn = r.Withdrawn,
            Rated1 = r.Rated1, Rated2 = r.Rated2, Rated3 = r.Rated3, Rated4 = r.Rated4, Rated5 = r.Rated5,
        }, StringComparer.OrdinalIgnoreCase);
    }

    private async Task<Dictionary<string, IndicatorCounts>> SnapshotStockAsync(DateOnly day, CancellationToken ct) =>
        await db.IndicatorSnapshots.AsNoTracking()
            .Where(s => s.Day == day)
            .Select(s => new { s.UnitCode, s.InProgress, s.InProgressOverdue })
            .ToDictionaryAsync(s => s.UnitCode, s => new IndicatorCounts { InProgress = s.InProgress, InProgressOverdue = s.InProgressOverdue },
                StringComparer.OrdinalIgnoreCase, ct);
}
