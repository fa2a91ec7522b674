using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Benchmarks.Data;
using OneStop.NationalPortal.Mock;

namespace OneStop.Benchmarks.Load;

/// <summary>What the drain is asked to do.</summary>
internal sealed record DrainOptions(int Messages, string? DataFolder, string? HostDll, int? Parallelism, int? BatchSize);

/// <summary>Everything a drain measured, as written to the JSON file.</summary>
internal sealed record DrainReport(DateTimeOffset StartedAt, string Machine, string LoadAverageBefore, string LoadAverageAfter, int Messages, int Dossiers,
    double HostReadySeconds, double? FirstDeliveredSeconds, double DrainedSeconds, double MessagesPerSecond, int PortalCalls, int Repeats, int OutOfOrder,
    IReadOnlyDictionary<string, string> Settings, IReadOnlyList<string> Violations);

/// <summary>
/// The 100,000-message drain: a data folder with that many PENDING outbox messages (exactly as the API writes them,
/// over generated dossiers), the Release host started on it with portal sync on and the national portal settings as
/// shipped, the mock portal in this process (so what it received is counted here), and the time from starting the host
/// until every message is Delivered. Then the portal must hold every dossier's messages exactly once and in order, with
/// no repeat and no out-of-order call (nothing fails, so nothing had a reason to be sent twice). Exit code 1 otherwise.
/// </summary>
internal static class DrainMeasurement
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(15);

    public static async Task<int> RunAsync(DrainOptions options)
    {
        var startedAt = DateTimeOffset.UtcNow;
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
            folder = ScratchFolder.ClaimTemporary("drain");
        }

        var dataFolder = Path.Combine(folder.Partial, "data");
        var database = Path.Combine(dataFolder, "onestop.db");
        var passed = false;
        HostProcess? host = null;
        var portal = await FaultRun.StartPortalAsync();
        try
        {
            // About ten messages a resolved dossier; one in six over-provisions, and the writer stops at exactly N.
            var generated = DataGenerator.Run(new GeneratorOptions(Math.Max(10, options.Messages / 6), dataFolder, DateTime.UtcNow.Year, Seed: 13,
                ExtraCommunes: 100, OutboxForEveryEvent: false, Snapshots: false, PendingOutbox: options.Messages));
            if (generated != 0)
                return generated;
            SqliteConnection.ClearAllPools();
            var pending = Pending(database);
            int dossiers;
            using (var connection = Open(database))
                dossiers = FaultRun.Query(connection, """SELECT count(DISTINCT "DossierId") FROM "Outbox" """, r => r.GetInt32(0))[0];
            if (pending != options.Messages)
                throw new InvalidOperationException($"{pending} pending messages written, {options.Messages} asked");

            var portalUrl = portal.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/portal";
            var store = portal.Services.GetRequiredService<MockPortalStore>();
            var settings = LoadBenchmark.HostSettings();
            settings["MockPortal:Enabled"] = "false";
            settings["NationalPortal:BaseUrl"] = portalUrl;
            settings["NationalPortal:ApiKey"] = FaultRun.PortalKey;
            if (options.Parallelism is { } parallelism)
                settings["NationalPortal:SweepParallelism"] = parallelism.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (options.BatchSize is { } batch)
                settings["NationalPortal:SweepBatchSize"] = batch.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var loadBefore = LoadBenchmark.LoadAverage();
            Console.WriteLine($"drain: {pending:N0} pending messages over {dossiers:N0} dossiers; load average {loadBefore}");

            host = new HostProcess(options.HostDll ?? HostProcess.FindApiBuild(), dataFolder, settings);
            var clock = Stopwatch.StartNew();
            await host.StartAsync(folder.RecordHost);
            var ready = clock.Elapsed.TotalSeconds;
            Console.WriteLine($"host ready in {ready:0.0} s");
            double? first = null;
            var left = pending;
            var lastPrint = TimeSpan.Zero;
            while (left > 0 && clock.Elapsed < Limit)
            {
                await Task.Delay(500);
                left = Pending(database);
                if (left < pending)
                    first ??= clock.Elapsed.TotalSeconds;
                if (clock.Elapsed - lastPrint >= TimeSpan.FromSeconds(10))
                {
                    lastPrint = clock.Elapsed;
                    Console.WriteLine($"  {clock.Elapsed.TotalSeconds,5:0} s: {pending - left:N0} delivered, {left:N0} left");
                }
            }
            var drained = clock.Elapsed.TotalSeconds;
            await host.StopAsync();
            SqliteConnection.ClearAllPools();

            List<(string Code, int Sequence, string Service, string State)> outbox;
            using (var connection = Open(database))
                outbox = FaultRun.Query(connection, """SELECT "DossierCode", "Sequence", "Type", "State" FROM "Outbox" """,
                    r => (Code: r.GetString(0), Sequence: r.GetInt32(1), Service: r.GetString(2), State: r.GetString(3)));
            SqliteConnection.ClearAllPools();
            var (outOfOrder, repeats) = store.Totals();
            var received = store.Snapshot();
            var violations = Check(outbox.GroupBy(m => m.Code).ToDictionary(g => g.Key,
                    g => (IReadOnlyList<(int, string)>)g.OrderBy(m => m.Sequence).Select(m => (m.Sequence, m.Service)).ToList(), StringComparer.Ordinal),
                outbox.Count(m => m.State != "Delivered"), received, outOfOrder, repeats);
            var calls = received.Values.SelectMany(m => m).Select(m => m.Call).Distinct().Count();
            var report = new DrainReport(startedAt, LoadBenchmark.Machine(), loadBefore, LoadBenchmark.LoadAverage(), pending, dossiers, Math.Round(ready, 1),
                first is { } f ? Math.Round(f, 1) : null, Math.Round(drained, 1), Math.Round((pending - left) / drained, 0), calls, repeats, outOfOrder,
                settings.Where(s => s.Key.StartsWith("NationalPortal:Sweep", StringComparison.Ordinal)).ToDictionary(), violations);

            Console.WriteLine();
            Console.WriteLine($"drained {pending - left:N0} of {pending:N0} messages ({dossiers:N0} dossiers) in {drained:0.0} s from the host's start "
                + $"(ready {ready:0.0} s, first delivered at {first:0.0} s): {report.MessagesPerSecond:N0} messages/s, {calls:N0} portal calls, "
                + $"{repeats} repeats, {outOfOrder} out of order; load average after {report.LoadAverageAfter}");
            foreach (var violation in violations.Take(20))
                Console.WriteLine($"  VIOLATION {violation}");
            Console.WriteLine(violations.Count == 0 ? "drain: every message delivered exactly once and in order" : $"drain: {violations.Count} violations");
            var json = Path.Combine(Environment.CurrentDirectory, "artifacts", "load", $"drain-{startedAt:yyyyMMdd-HHmmss}.json");
            Directory.CreateDirectory(Path.GetDirectoryName(json)!);
            await File.WriteAllTextAsync(json, JsonSerializer.Serialize(report with { Violations = violations.Take(100).ToList() },
                new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
            Console.WriteLine($"results: {json}");
            passed = violations.Count == 0;
            return passed ? 0 : 1;
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
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
            await portal.StopAsync();
            await portal.DisposeAsync();
            SqliteConnection.ClearAllPools();
            if (passed && options.DataFolder is not null)
            {
                folder.Complete();
                Console.WriteLine($"data folder kept: {folder.Target}");
            }
            else if (options.DataFolder is null)
                folder.Discard();
            else
                Console.WriteLine($"data kept for inspection: {folder.Partial}");
        }
    }

    /// <summary>
    /// Every check of the drain, as the list of what does not hold: nothing left undelivered; for every dossier the portal
    /// holds exactly its outbox messages once each and in order; the portal knows no other dossier; nothing was sent
    /// twice (a repeat the portal acknowledged without storing) or out of order.
    /// </summary>
    internal static List<string> Check(IReadOnlyDictionary<string, IReadOnlyList<(int Sequence, string Service)>> outbox, int undelivered,
        IReadOnlyDictionary<string, IReadOnlyList<ReceivedMessage>> portal, int outOfOrder, int repeats)
    {
        var violations = new List<string>();
        if (undelivered > 0)
            violations.Add($"{undelivered} outbox messages were not delivered");
        if (repeats > 0)
            violations.Add($"{repeats} messages reached the portal twice");
        if (outOfOrder > 0)
            violations.Add($"{outOfOrder} calls reached the portal out of order");
        foreach (var (code, sent) in outbox)
            if (PortalChecks.ExactlyOnceInOrder(code, sent, portal.GetValueOrDefault(code) ?? []) is { } wrong)
                violations.Add(wrong);
        foreach (var code in portal.Keys.Where(c => !outbox.ContainsKey(c)))
            violations.Add($"{code}: the portal has messages of a dossier with none in the outbox");
        return violations;
    }

    private static SqliteConnection Open(string database)
    {
        var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return connection;
    }

    /// <summary>Messages not yet delivered.</summary>
    private static int Pending(string database)
    {
        using var connection = Open(database);
        return FaultRun.Query(connection, """SELECT count(*) FROM "Outbox" WHERE "State" <> 'Delivered'""", r => r.GetInt32(0))[0];
    }
}
