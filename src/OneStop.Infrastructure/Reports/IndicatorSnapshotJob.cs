using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Infrastructure.Reports;

/// <summary>
/// The daily indicator snapshot (DESIGN §11): at 06:00 Vietnam time it writes, for yesterday, one immutable
/// <see cref="IndicatorSnapshot"/> row per unit with anything to count, and a <see cref="IndicatorSnapshotDay"/>
/// marker. Hangfire runs a recurring job once per cluster; the marker's key makes any second run — a retry, a
/// manual trigger, a second node — find the day done and change nothing. Days missed while the system was down
/// (up to a week) are caught up on the next run.
/// </summary>
public sealed class IndicatorSnapshotJob(OneStopDbContext db, IndicatorQueries queries, TimeProvider clock, ILogger<IndicatorSnapshotJob> logger)
{
    public const string RecurringJobId = "indicator-daily-snapshot";
    /// <summary>06:00 in Vietnam is 23:00 UTC the day before; schedules stay in UTC (hosts differ in time-zone ids).</summary>
    public const string Schedule = "0 23 * * *";
    public const int CatchUpDays = 7;

    public async Task RunAsync(CancellationToken ct)
    {
        var yesterday = VietnamDays.Today(clock).AddDays(-1);
        if (await queries.FirstActivityAsync(ct) is not { } first)
            return;
        var firstDay = VietnamDays.DayOf(first);
        for (var day = yesterday.AddDays(1 - CatchUpDays); day <= yesterday; day = day.AddDays(1))
            if (day >= firstDay)
                await SnapshotDayAsync(day, ct);
    }

    /// <summary>Snapshots a closed day; false when it was already snapshotted (nothing changes) or is not closed yet.</summary>
    public async Task<bool> SnapshotDayAsync(DateOnly day, CancellationToken ct)
    {
        if (day >= VietnamDays.Today(clock) || await db.IndicatorSnapshotDays.AnyAsync(d => d.Day == day, ct))
            return false;

        var now = clock.GetUtcNow().UtcDateTime;
        var start = VietnamDays.Start(day);
        var end = VietnamDays.Start(day.AddDays(1));
        var counts = await queries.FlowsAsync(start, end, ct);
        foreach (var (unit, stock) in IndicatorQueries.StockByUnit((end <= now ? await queries.OpenWorkAsync(end, ct) : await queries.OpenWorkNowAsync(ct))))
        {
            if (!counts.TryGetValue(unit, out var c))
                counts[unit] = c = new IndicatorCounts();
            c.AddStock(stock);
        }

        var rows = counts.Where(c => !c.Value.IsEmpty).Select(c => IndicatorSnapshot.Of(day, c.Key, c.Value)).ToList();
        db.IndicatorSnapshots.AddRange(rows);
        db.IndicatorSnapshotDays.Add(new IndicatorSnapshotDay { Day = day, TakenAt = now, Units = rows.Count });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            // Another node took the same day a moment earlier: its rows stand, ours were never written.
            if (await AlreadyTakenAsync(day, ct))
                return false;
            throw;
        }
        logger.LogInformation("Indicator snapshot of {Day}: {Units} units", day, rows.Count);
        return true;
    }

    private async Task<bool> AlreadyTakenAsync(DateOnly day, CancellationToken ct) =>
        await db.IndicatorSnapshotDays.AsNoTracking().AnyAsync(d => d.Day == day, ct);
}
