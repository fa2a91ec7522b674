using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using OneStop.Benchmarks.Load;

namespace OneStop.Benchmarks.Data;

/// <summary>One query of the measurement: who asks what, and how long it took (p50/p99 over the repeats).</summary>
internal sealed record QueueQueryResult(string Officer, string Query, string Path, int Samples, int Total, double P50Milliseconds, double P99Milliseconds, double MaxMilliseconds);

/// <summary>Everything a run measured, as written to the JSON file.</summary>
internal sealed record QueueReport(DateTimeOffset StartedAt, string Machine, string LoadAverageBefore, string LoadAverageAfter,
    string DataFolder, long Dossiers, IReadOnlyList<QueueQueryResult> Results, double CopySeconds, double HostStartSeconds);

/// <summary>
/// An officer's work queue at scale: the Release host (as <c>load</c> starts it) on a COPY of a generated data folder,
/// then <c>GET /api/dossiers</c> exactly as DESIGN §10 defines it — the first page, a deep page, every filter (status,
/// step, overdue, dueBefore, assignee, q by name, personal ID and code), the count a badge shows, and the indicators
/// report — for a commune officer and a province officer, one request at a time, p50/p99 per query. The generated folder
/// is never opened by the host: it is copied first (to a scratch folder removed at the end) and its database's size and
/// write time are compared before and after, so a run that changed it would say so.
/// </summary>
internal static class QueueMeasurement
{
    /// <summary>No query is repeated for longer than this: a slow one still gets its samples, a fast one all its repeats.</summary>
    private static readonly TimeSpan BudgetPerQuery = TimeSpan.FromSeconds(15);

    private const int MinimumSamples = 5;

    public static async Task<int> RunAsync(string source, int repeats, string? jsonFile, string? hostDll)
    {
        source = Path.GetFullPath(source);
        var database = Path.Combine(source, "onestop.db");
        if (!File.Exists(database))
        {
            Console.Error.WriteLine($"No onestop.db in {source}: generate one first (generate --dossiers 1000000 --data {source}).");
            return 2;
        }
        var startedAt = DateTimeOffset.UtcNow;
        var before = Fingerprint(source);
        ScratchFolder.RemoveStale(Path.Combine(Path.GetTempPath(), "onestop-benchmarks"));
        var folder = ScratchFolder.ClaimTemporary("queue");
        HostProcess? host = null;
        try
        {
            var loadBefore = LoadBenchmark.LoadAverage();
            var clock = Stopwatch.StartNew();
            var data = Path.Combine(folder.Partial, "data");
            CopyFolder(source, data);
            var copySeconds = clock.Elapsed.TotalSeconds;
            Console.WriteLine($"copied {source} to {data} in {copySeconds:0.0} s");

            host = new HostProcess(hostDll ?? HostProcess.FindApiBuild(), data, LoadBenchmark.HostSettings());
            clock.Restart();
            await host.StartAsync(folder.RecordHost);
            var startSeconds = clock.Elapsed.TotalSeconds;
            Console.WriteLine($"host ready on {host.BaseAddress} in {startSeconds:0.0} s (migrations included); load average {LoadBenchmark.LoadAverage()}");

            using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
            var client = new OneStopClient(http);
            await client.SignInAsync([.. Officers.Select(o => o.Account), .. Leaders.Select(l => l.Account), "admin"]);
            var results = new List<QueueQueryResult>();
            foreach (var officer in Officers)
            {
                var first = await client.GetJsonAsync("/api/dossiers?pageSize=1", officer.Account);
                var sample = first.GetProperty("items")[0];
                var code = sample.GetProperty("code").GetString()!;
                var name = sample.GetProperty("applicantName").GetString()!;
                var detail = await client.GetJsonAsync($"/api/dossiers/{Uri.EscapeDataString(code)}", officer.Account);
                var idNumber = detail.GetProperty("applicant").GetProperty("idNumber").GetString()!;
                foreach (var (query, path) in Queries(officer, code, name, idNumber))
                    results.Add(await MeasureAsync(client, officer.Account, query, path, repeats));
            }
            foreach (var leader in Leaders)
                results.Add(await MeasureAsync(client, leader.Account, "indicators, the year", IndicatorsPath, repeats));
            // Every dossier: an admin's queue without a unit is the whole table.
            var dossiers = (await client.GetJsonAsync("/api/dossiers?pageSize=1", "admin")).GetProperty("total").GetInt32();
            await host.StopAsync();

            var after = Fingerprint(source);
            if (after != before)
            {
                Console.Error.WriteLine($"the generated folder changed during the run ({before} → {after}): this must not happen");
                return 1;
            }
            var report = new QueueReport(startedAt, LoadBenchmark.Machine(), loadBefore, LoadBenchmark.LoadAverage(), source, dossiers, results,
                Math.Round(copySeconds, 1), Math.Round(startSeconds, 1));
            Console.WriteLine();
            Console.Write(Table(report));
            Console.WriteLine($"the generated folder is unchanged ({after})");
            var json = jsonFile ?? Path.Combine(Environment.CurrentDirectory, "artifacts", "load", $"queue-{startedAt:yyyyMMdd-HHmmss}.json");
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(json))!);
            await File.WriteAllTextAsync(json, JsonSerializer.Serialize(report, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
            Console.WriteLine($"results: {Path.GetFullPath(json)}");
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or HttpRequestException)
        {
            Console.Error.WriteLine(e.Message);
            if (host is not null)
                Console.Error.WriteLine(host.Log);
            return 1;
        }
        finally
        {
            if (host is not null)
                await host.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Discard();
        }
    }

    private sealed record Officer(string Account, string Unit, string Step);

    /// <summary>A commune's reception desk (DESIGN §12) and the province's; a step each unit's procedures have.</summary>
    private static readonly Officer[] Officers = [new("tiepnhan.xa", "22918", "tham-tra"), new("tiepnhan.tinh", "60", "phe-duyet")];

    private static readonly Officer[] Leaders = [new("lanhdao.xa", "22918", ""), new("lanhdao.tinh", "60", "")];

    private const string IndicatorsPath = "/api/reports/indicators?from=2026-01-01&to=2026-12-31";

    /// <summary>What a work queue runs (DESIGN §10 <c>GET /api/dossiers?unit=&amp;status=&amp;step=&amp;overdue=&amp;dueBefore=&amp;q=&amp;page=&amp;pageSize=</c>).</summary>
    internal static IEnumerable<(string Query, string Path)> Queries(string unit, string step, string code, string name, string idNumber, DateTimeOffset now)
    {
        var soon = Uri.EscapeDataString(now.AddDays(3).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture));
        yield return ("first page (20)", "/api/dossiers");
        yield return ("first page, 50", "/api/dossiers?pageSize=50");
        yield return ("page 100 of 50", "/api/dossiers?pageSize=50&page=100");
        yield return ("unit= (explicit)", $"/api/dossiers?unit={unit}&pageSize=50");
        yield return ("status=Received", "/api/dossiers?status=Received&pageSize=50");
        yield return ("status=Returned, page 20", "/api/dossiers?status=Returned&pageSize=50&page=20");
        yield return ($"step={step}", $"/api/dossiers?step={step}&pageSize=50");
        yield return ("overdue=true", "/api/dossiers?overdue=true&pageSize=50");
        yield return ("overdue=false", "/api/dossiers?overdue=false&pageSize=50");
        yield return ("dueBefore=now+3d", $"/api/dossiers?dueBefore={soon}&pageSize=50");
        yield return ("assignee=none", "/api/dossiers?assignee=none&pageSize=50");
        yield return ("assignee=me", "/api/dossiers?assignee=me&pageSize=50");
        yield return ("q=name", $"/api/dossiers?q={Uri.EscapeDataString(name)}");
        yield return ("q=personal ID", $"/api/dossiers?q={Uri.EscapeDataString(idNumber)}");
        yield return ("q=code", $"/api/dossiers?q={Uri.EscapeDataString(code)}");
        yield return ("count: open, in progress", "/api/dossiers?status=InProgress&pageSize=1");
        yield return ("count: overdue", "/api/dossiers?overdue=true&pageSize=1");
    }

    private static IEnumerable<(string Query, string Path)> Queries(Officer officer, string code, string name, string idNumber) =>
        Queries(officer.Unit, officer.Step, code, name, idNumber, DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)));

    private static async Task<QueueQueryResult> MeasureAsync(OneStopClient client, string account, string query, string path, int repeats)
    {
        // One unmeasured call: the plan is prepared, the pages are in the cache, as on a queue an officer keeps open.
        var total = (await client.GetJsonAsync(path, account)).TryGetProperty("total", out var t) ? t.GetInt32() : -1;
        var samples = new List<double>(repeats);
        var budget = Stopwatch.StartNew();
        while (samples.Count < repeats && (samples.Count < MinimumSamples || budget.Elapsed < BudgetPerQuery))
        {
            var clock = Stopwatch.StartNew();
            using var response = await client.Http.SendAsync(client.Request(HttpMethod.Get, path, account));
            await response.Content.ReadAsByteArrayAsync();
            clock.Stop();
            response.EnsureSuccessStatusCode();
            samples.Add(clock.Elapsed.TotalMilliseconds);
        }
        var result = Summarise(account, query, path, total, samples);
        Console.WriteLine($"  {account,-14} {query,-28} total {total,9:N0}  p50 {result.P50Milliseconds,8:0.0} ms  p99 {result.P99Milliseconds,8:0.0} ms  ({samples.Count} samples)");
        return result;
    }

    /// <summary>p50 and p99 by the nearest-rank method (with few samples p99 is the slowest).</summary>
    internal static QueueQueryResult Summarise(string account, string query, string path, int total, IReadOnlyCollection<double> samples)
    {
        var sorted = samples.Order().ToArray();
        double Rank(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new QueueQueryResult(account, query, path, sorted.Length, total, Math.Round(Rank(0.50), 1), Math.Round(Rank(0.99), 1), Math.Round(sorted[^1], 1));
    }

    public static string Table(QueueReport report)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"OneStop work queue at {report.Dossiers:N0} dossiers, {report.StartedAt:yyyy-MM-dd HH:mm} UTC, {report.Machine}, load average before {report.LoadAverageBefore} / after {report.LoadAverageAfter}");
        text.AppendLine("| officer | query | total | samples | p50 ms | p99 ms |");
        text.AppendLine("|---|---|---:|---:|---:|---:|");
        foreach (var r in report.Results)
            text.AppendLine(CultureInfo.InvariantCulture, $"| {r.Officer} | {r.Query} | {r.Total:N0} | {r.Samples} | {r.P50Milliseconds:0.0} | {r.P99Milliseconds:0.0} |");
        return text.ToString();
    }

    /// <summary>What would show that the generated folder was written to: its database's size and last write, and any WAL beside it.</summary>
    private static string Fingerprint(string folder)
    {
        var database = new FileInfo(Path.Combine(folder, "onestop.db"));
        var wal = new FileInfo(Path.Combine(folder, "onestop.db-wal"));
        return FormattableString.Invariant($"onestop.db {database.Length:N0} bytes, written {database.LastWriteTimeUtc:O}{(wal.Exists ? $", WAL {wal.Length:N0} bytes" : ", no WAL")}");
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var directory in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }
}
