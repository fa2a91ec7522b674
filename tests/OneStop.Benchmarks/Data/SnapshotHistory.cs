using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneStop.Infrastructure;
using OneStop.Infrastructure.Reports;

namespace OneStop.Benchmarks.Data;

/// <summary>
/// Runs the real daily snapshot job (<see cref="IndicatorSnapshotJob"/>) for every closed day of a year, as a system
/// that ran all year would have done each morning: a generated database then has the history reports read for
/// closed days. Days already snapshotted are left alone.
/// </summary>
internal static class SnapshotHistory
{
    public static async Task<int> RunAsync(string folder, int year)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = DatabaseProviders.Sqlite,
            [$"{OneStopOptions.Section}:DataDirectory"] = Path.GetFullPath(folder),
        }).Build();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton(TimeProvider.System)
            .AddOneStopInfrastructure(configuration)
            .BuildServiceProvider();
        await using var _ = services;

        var clock = Stopwatch.StartNew();
        var taken = 0;
        var yesterday = VietnamDays.Today(TimeProvider.System).AddDays(-1);
        for (var day = new DateOnly(year, 1, 1); day <= new DateOnly(year, 12, 31) && day <= yesterday; day = day.AddDays(1))
        {
            using var scope = services.CreateScope();
            if (await scope.ServiceProvider.GetRequiredService<IndicatorSnapshotJob>().SnapshotDayAsync(day, CancellationToken.None))
                taken++;
        }
        Console.WriteLine($"daily snapshots: {taken} days in {clock.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }
}
