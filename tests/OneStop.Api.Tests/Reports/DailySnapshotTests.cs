using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Api.Tests.Infrastructure;
using OneStop.Infrastructure.Jobs;
using OneStop.Infrastructure.Reports;

using static OneStop.Api.Tests.Reports.HandMadeFacts;

namespace OneStop.Api.Tests.Reports;

/// <summary>
/// The daily snapshot (DESIGN §11): at 06:00 yesterday's counts are frozen per unit; reports for closed days read
/// them, whatever changes later; a second run for a day changes nothing.
/// </summary>
public sealed class DailySnapshotTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    private static readonly DateOnly Monday = new(2026, 3, 2);

    private async Task<T> WithJobAsync<T>(Func<IndicatorSnapshotJob, Task<T>> run)
    {
        using var scope = factory.Services.CreateScope();
        return await run(scope.ServiceProvider.GetRequiredService<IndicatorSnapshotJob>());
    }

    private Task<(int Days, string Rows)> StoredAsync() => factory.QueryAsync(async db => (
        await db.IndicatorSnapshotDays.CountAsync(),
        string.Join(";", (await db.IndicatorSnapshots.AsNoTracking().ToListAsync())
            .OrderBy(s => s.Day).ThenBy(s => s.UnitCode, StringComparer.Ordinal)
            .Select(s => $"{s.Day:yyyy-MM-dd}/{s.UnitCode}:{s.Received}/{s.Resolved}/{s.InProgress}"))));

    [Fact]
    public async Task A_closed_day_is_frozen_once_read_from_the_snapshot_and_a_rerun_changes_nothing()
    {
        // Mon 02/03: three received at 22918, one of them resolved; one received at 593.
        await factory.AddFactsAsync([
            Received("22918", Vn(2026, 3, 2, 9)).ResolvedAt(Vn(2026, 3, 2, 15)),
            .. 2.Times(() => Received("22918", Vn(2026, 3, 2, 9), due: Vn(2026, 3, 6))),
            Received("593", Vn(2026, 3, 2, 14), due: Vn(2026, 3, 6)),
        ]);
        factory.SetVietnamTime(2026, 3, 3, 6, 0);

        Assert.True(await WithJobAsync(job => job.SnapshotDayAsync(Monday, CancellationToken.None)));
        var first = await StoredAsync();
        Assert.False(await WithJobAsync(job => job.SnapshotDayAsync(Monday, CancellationToken.None)));
        Assert.False(await WithJobAsync(job => job.SnapshotDayAsync(new DateOnly(2026, 3, 3), CancellationToken.None)));

        // One day, two units: 22918 received 3, resolved 1, 2 still open at midnight; 593 received 1, 1 open.
        Assert.Equal((1, "2026-03-02/22918:3/1/2;2026-03-02/593:1/0/1"), first);
        Assert.Equal(first, await StoredAsync());

        // A late edit to Monday (a fact written afterwards) and a dossier received today, Tuesday.
        await factory.AddFactsAsync([Received("22918", Vn(2026, 3, 2, 11)), Received("22918", Vn(2026, 3, 3, 8))]);
        factory.SetVietnamTime(2026, 3, 3, 9, 0);
        var leader = await factory.SignInAsync("lanhdao.xa");

        var monday = await leader.IndicatorsAsync("from=2026-03-02&to=2026-03-02");
        var both = await leader.IndicatorsAsync("from=2026-03-02&to=2026-03-03");

        Assert.Equal((3, 2, 1, 0), (monday["figures"].Int("received.total"), monday["figures"].Int("inProgress.total"), monday.Int("snapshotDays"), monday.Int("liveDays")));
        // Monday from the snapshot (3) plus Tuesday live (1); open now: Monday's two plus the two written since.
        Assert.Equal((4, 4, 1, 1), (both["figures"].Int("received.total"), both["figures"].Int("inProgress.total"), both.Int("snapshotDays"), both.Int("liveDays")));
    }

    [Fact]
    public async Task The_morning_run_snapshots_yesterday_and_catches_up_missed_days_once()
    {
        await factory.AddFactsAsync([Received("60", Vn(2026, 3, 2, 9))]);
        factory.SetVietnamTime(2026, 3, 5, 6, 0);

        await WithJobAsync(async job => { await job.RunAsync(CancellationToken.None); return 0; });
        var afterFirst = await factory.QueryAsync(db => db.IndicatorSnapshotDays.OrderBy(d => d.Day).Select(d => d.Day).ToListAsync());
        await WithJobAsync(async job => { await job.RunAsync(CancellationToken.None); return 0; });

        // Data begins Mon 02/03; on Thu 05/03 at 06:00 the days Mon, Tue and Wed are closed and each snapshotted once.
        Assert.Equal([Monday, Monday.AddDays(1), Monday.AddDays(2)], afterFirst);
        Assert.Equal(3, await factory.QueryAsync(db => db.IndicatorSnapshotDays.CountAsync()));
    }

    [Fact]
    public void The_snapshot_is_a_recurring_job_at_06_00_vietnam_time_with_a_stable_id()
    {
        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();

        var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == IndicatorSnapshotJob.RecurringJobId);

        // 23:00 UTC is 06:00 the next morning at UTC+07:00.
        Assert.Equal(("0 23 * * *", "UTC"), (job.Cron, job.TimeZoneId));
        Assert.Equal(typeof(IndicatorSnapshotJob), job.Job.Type);
        Assert.Contains(RecurringJobs.NationalPortalOutboxSweeper, connection.GetRecurringJobs().Select(j => j.Id));
    }
}
