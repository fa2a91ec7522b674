using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace OneStop.Benchmarks.Load;

/// <summary>What the load mode is asked to do.</summary>
internal sealed record LoadOptions(bool Quick, int Connections, int? Seconds, string? DataFolder, string? JsonFile, string? HostDll);

/// <summary>Everything a run measured, as written to the JSON file.</summary>
internal sealed record LoadReport(DateTimeOffset StartedAt, string Machine, string LoadAverageBefore, string LoadAverageAfter,
    bool Quick, IReadOnlyList<LoadResult> Results, double HostPeakMemoryMegabytes, double TotalSeconds);

/// <summary>
/// The HTTP load mode: the Release host on a fresh embedded-default data folder (SQLite, Hangfire in memory, the mock
/// portal under /portal with portal sync on, exactly as <c>dotnet run</c> serves it), loaded scenario by scenario from
/// this process, then one table. The rate limits that exist to protect a public site from one address are raised
/// (every client here shares 127.0.0.1); nothing else is changed.
/// </summary>
internal static class LoadBenchmark
{
    public static async Task<int> RunAsync(LoadOptions options)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var wall = System.Diagnostics.Stopwatch.StartNew();
        ScratchFolder? folder;
        if (options.DataFolder is { } data)
        {
            folder = ScratchFolder.Claim(data, out var refusal);
            if (folder is null)
            {
                Console.Error.WriteLine(refusal);
                return 2;
            }
        }
        else
        {
            ScratchFolder.RemoveStale(Path.Combine(Path.GetTempPath(), "onestop-benchmarks"));
            folder = ScratchFolder.ClaimTemporary("load");
        }

        var completed = false;
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler interrupted = (_, e) => { e.Cancel = true; cancel.Cancel(); };
        Console.CancelKeyPress += interrupted;
        HostProcess? host = null;
        try
        {
            var before = LoadAverage();
            host = new HostProcess(options.HostDll ?? HostProcess.FindApiBuild(), Path.Combine(folder.Partial, "data"), HostSettings());
            Console.WriteLine($"host: {options.HostDll ?? HostProcess.FindApiBuild()} on {host.BaseAddress}, data {folder.Partial}");
            await host.StartAsync(folder.RecordHost);
            var results = await MeasureAsync(host, options, cancel.Token);
            var peak = Math.Round(host.PeakBytes / 1_048_576.0, 0);
            await host.StopAsync();
            peak = Math.Max(peak, Math.Round(host.PeakBytes / 1_048_576.0, 0));
            var report = new LoadReport(startedAt, Machine(), before, LoadAverage(), options.Quick, results, peak, Math.Round(wall.Elapsed.TotalSeconds, 0));
            Console.WriteLine();
            Console.Write(Table(report));
            var json = options.JsonFile ?? Path.Combine(Environment.CurrentDirectory, "artifacts", "load", $"load-{startedAt:yyyyMMdd-HHmmss}.json");
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(json))!);
            await File.WriteAllTextAsync(json, JsonSerializer.Serialize(report, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
            Console.WriteLine($"results: {Path.GetFullPath(json)}");
            completed = true;
            return 0;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            Console.Error.WriteLine("interrupted: the data folder was removed");
            return 130;
        }
        finally
        {
            Console.CancelKeyPress -= interrupted;
            if (host is not null)
                await host.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (completed && options.DataFolder is not null)
            {
                folder.Complete();
                Console.WriteLine($"data folder kept: {folder.Target}");
            }
            else
                folder.Discard();
        }
    }

    /// <summary>The embedded default as shipped, but for the per-address limits every local client would share.</summary>
    public static Dictionary<string, string> HostSettings() => new()
    {
        ["OneStop:RateLimits:PublicPerMinute"] = "100000000",
        ["OneStop:RateLimits:PublicQueue"] = "10000",
        ["MockPortal:RateLimitPerMinute"] = "100000000",
    };

    private static async Task<List<LoadResult>> MeasureAsync(HostProcess host, LoadOptions options, CancellationToken cancel)
    {
        var connections = options.Connections;
        var warmUp = TimeSpan.FromSeconds(options.Quick ? 2 : 5);
        var duration = TimeSpan.FromSeconds(options.Seconds ?? (options.Quick ? 8 : 30));
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = host.BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var client = new OneStopClient(http);
        await client.SignInAsync("tiepnhan.xa", "chuyenvien.xa", "lanhdao.xa");
        var results = new List<LoadResult>();
        async Task Measure(string name, LoadGenerator.Step step)
        {
            cancel.ThrowIfCancellationRequested();
            Console.WriteLine($"{name}: {connections} connections, {warmUp.TotalSeconds:0} s warm-up + {duration.TotalSeconds:0} s");
            var result = await LoadGenerator.RunAsync(name, connections, warmUp, duration, step, () => host.CpuTime);
            Console.WriteLine($"  {result.RequestsPerSecond:0} req/s, p50 {Milliseconds(result.P50Milliseconds)} ms, p99 {Milliseconds(result.P99Milliseconds)} ms, {result.Failures} failed, host CPU {Milliseconds(result.HostCpuMillisecondsPerRequest, "0.00")} ms a request, longest unanswered at the close {result.LongestUnansweredMilliseconds:0} ms{(result.FirstFailure is { } f ? $" (first failure: {f})" : "")}");
            results.Add(result);
        }

        await Measure("liveness GET /health/live", async (_, record, stop) =>
            (await LoadGenerator.TimedAsync(http, new HttpRequestMessage(HttpMethod.Get, "/health/live"), record, stop)).Dispose());

        var created = new ConcurrentQueue<TrackedDossier>();
        var submitted = 0;
        await Measure("submission POST /api/dossiers", async (_, record, stop) =>
        {
            using var response = await LoadGenerator.TimedAsync(http, client.Submission(Interlocked.Increment(ref submitted)), record, stop);
            if (await OneStopClient.CreatedAsync(response) is { } dossier && created.Count < 10_000)
                created.Enqueue(dossier);
        });
        var known = created.ToArray();
        if (known.Length == 0)
            throw new InvalidOperationException("No submission succeeded: nothing to read.");

        await Measure("public tracking GET /api/public/dossiers/{code}", async (worker, record, stop) =>
        {
            var dossier = known[Random.Shared.Next(known.Length)];
            var path = $"/api/public/dossiers/{Uri.EscapeDataString(dossier.Code)}?secret={Uri.EscapeDataString(dossier.Secret)}";
            (await LoadGenerator.TimedAsync(http, new HttpRequestMessage(HttpMethod.Get, path), record, stop)).Dispose();
        });
        await Measure("officer read GET /api/dossiers/{code}", async (worker, record, stop) =>
        {
            var dossier = known[Random.Shared.Next(known.Length)];
            (await LoadGenerator.TimedAsync(http, client.Request(HttpMethod.Get, $"/api/dossiers/{Uri.EscapeDataString(dossier.Code)}", "tiepnhan.xa"), record, stop)).Dispose();
        });
        await Measure("work queue GET /api/dossiers?pageSize=50", async (worker, record, stop) =>
        {
            var page = 1 + Random.Shared.Next(Math.Max(1, Math.Min(known.Length / 50, 20)));
            (await LoadGenerator.TimedAsync(http, client.Request(HttpMethod.Get, $"/api/dossiers?pageSize=50&page={page}", "tiepnhan.xa"), record, stop)).Dispose();
        });
        await Measure("lifecycle: submit, receive, forward, approve, resolve, return-result", async (worker, record, stop) =>
        {
            using var response = await LoadGenerator.TimedAsync(http, client.Submission(Interlocked.Increment(ref submitted)), record, stop);
            var dossier = await OneStopClient.CreatedAsync(response);
            foreach (var (action, account) in OneStopClient.Lifecycle)
            {
                if (dossier is null)
                    return;
                using var acted = await LoadGenerator.TimedAsync(http, client.Action(dossier, action, account), record, stop);
                dossier = acted.IsSuccessStatusCode ? dossier with { ETag = acted.Headers.ETag?.ToString() ?? "" } : null;
            }
        });
        return results;
    }

    public static string Table(LoadReport report)
    {
        var liveness = report.Results.FirstOrDefault()?.RequestsPerSecond ?? double.NaN;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"OneStop HTTP load, {report.StartedAt:yyyy-MM-dd HH:mm} UTC, {report.Machine}, load average before {report.LoadAverageBefore} / after {report.LoadAverageAfter}{(report.Quick ? ", --quick" : "")}");
        text.AppendLine("| scenario | connections | requests/s | % of liveness | p50 ms | p99 ms | host CPU ms/request | failed |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in report.Results)
            text.AppendLine(CultureInfo.InvariantCulture, $"| {r.Scenario} | {r.Connections} | {r.RequestsPerSecond:0} | {100 * r.RequestsPerSecond / liveness:0}% | {Milliseconds(r.P50Milliseconds)} | {Milliseconds(r.P99Milliseconds)} | {Milliseconds(r.HostCpuMillisecondsPerRequest, "0.00")} | {r.Failures} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"host peak memory: {report.HostPeakMemoryMegabytes:0} MB; whole run {report.TotalSeconds:0} s");
        return text.ToString();
    }

    /// <summary>A percentile as the table shows it: "n/a" when nothing was answered in the window.</summary>
    private static string Milliseconds(double? value, string format = "0.0") => value is { } ms ? ms.ToString(format, CultureInfo.InvariantCulture) : "n/a";

    public static string Machine() =>
        $"{Environment.ProcessorCount} cores, {Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1_073_741_824.0)} GB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}";

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
