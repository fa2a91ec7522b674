using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneStop.Infrastructure;
using OneStop.Infrastructure.Reports;

namespace OneStop.Benchmarks.Data;

/// <summary>
/// Times the province-wide, year-long indicators query (DESIGN §11) against a generated data folder: what
/// <c>GET /api/reports/indicators?from=…-01-01&amp;to=…-12-31</c> runs for an admin, less HTTP — every flow query over the
/// year plus the open work at its end (or now), from the live tables (a generated database has no snapshots).
/// </summary>
internal static class IndicatorMeasurement
{
    public static async Task<int> RunAsync(string folder, int year, int repeats, bool showSql)
    {
        if (!File.Exists(Path.Combine(folder, "onestop.db")))
        {
            Console.Error.WriteLine($"No onestop.db in {folder}: generate one first (generate --dossiers N --data {folder}).");
            return 2;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = DatabaseProviders.Sqlite,
            [$"{OneStopOptions.Section}:DataDirectory"] = Path.GetFullPath(folder),
        }).Build();
        var services = new ServiceCollection()
            .AddLogging(logging =>
            {
                logging.SetMinimumLevel(LogLevel.Warning);
                // --sql prints every statement with its duration, to read the plans behind the figures.
                if (showSql)
                    logging.AddSimpleConsole().AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Information);
            })
            .AddSingleton(TimeProvider.System)
            .AddOneStopInfrastructure(configuration)
            .BuildServiceProvider();
        await using var _ = services;

        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        for (var run = 0; run <= repeats; run++)
        {
            using var scope = services.CreateScope();
            var reader = scope.ServiceProvider.GetRequiredService<IndicatorReader>();
            var clock = Stopwatch.StartNew();
            var reading = await reader.ReadAsync(from, to, CancellationToken.None);
            var total = new IndicatorCounts();
            foreach (var counts in reading.ByUnit.Values)
                total.Add(counts);
            clock.Stop();
            Console.WriteLine($"{(run == 0 ? "cold" : $"warm {run}")}: {clock.Elapsed.TotalMilliseconds:0} ms — received {total.Received:N0} "
                + $"(online {total.ReceivedOnline:N0}), resolved {total.Resolved:N0} (late {total.ResolvedLate:N0}), returned {total.Returned:N0}, "
                + $"in progress {total.InProgress:N0} (overdue {total.InProgressOverdue:N0}), ratings {total.Ratings:N0}, units {reading.ByUnit.Count}, "
                + $"days from snapshots {reading.SnapshotDays}, live {reading.LiveDays}");
        }

        using (var scope = services.CreateScope())
        {
            var queries = scope.ServiceProvider.GetRequiredService<IndicatorQueries>();
            var clock = Stopwatch.StartNew();
            await queries.FlowsAsync(VietnamDays.Start(from), VietnamDays.Start(to.AddDays(1)), CancellationToken.None);
            var flows = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            var open = await queries.OpenWorkNowAsync(CancellationToken.None);
            var openNow = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            await queries.OpenWorkAsync(VietnamDays.Start(to.AddDays(-30)), CancellationToken.None);
            Console.WriteLine($"without snapshots: the year's flows live {flows:0} ms; open work now {openNow:0} ms ({open.Sum(o => o.InProgress):N0} open "
                + $"dossiers in {open.Count} unit/step groups); open work at a past day's end, from the history, {clock.Elapsed.TotalMilliseconds:0} ms");
        }
        return 0;
    }
}
