using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneStop.NationalPortal.Mock;

namespace OneStop.Benchmarks.Load;

/// <summary>What the load-and-fault run is asked to do.</summary>
internal sealed record FaultRunOptions(int Dossiers, int Connections, double PortalErrorRate, string? DataFolder, string? HostDll);

/// <summary>
/// The mixed lifecycle load while the mock portal fails a share of its calls (5xx) and the host is SIGKILLed once
/// halfway and started again over the same data; then, from the database and from what the portal accepted: every
/// dossier's history is one unbroken chain ending where the dossier is, every action a client saw succeed is in it
/// exactly once, no submission that answered 201 is missing, and the portal got every outbox message of every dossier
/// exactly once and in order, with the status changes in the order the dossier went through them.
/// Exit code 0 when every check holds, 1 when one fails (speed is only printed).
/// </summary>
internal static class FaultRun
{
    internal const string PortalKey = "load-and-fault-portal-key";

    public static async Task<int> RunAsync(FaultRunOptions options)
    {
        var wall = Stopwatch.StartNew();
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
            folder = ScratchFolder.ClaimTemporary("fault");
        }

        var portal = await StartPortalAsync();
        var portalUrl = portal.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/portal";
        var store = portal.Services.GetRequiredService<MockPortalStore>();
        store.SetFaults(new PortalFaults(ErrorRate: options.PortalErrorRate));
        var settings = LoadBenchmark.HostSettings();
        settings["MockPortal:Enabled"] = "false";
        settings["NationalPortal:BaseUrl"] = portalUrl;
        settings["NationalPortal:ApiKey"] = PortalKey;
        settings["NationalPortal:ClientRetries"] = "0";
        settings["NationalPortal:AttemptTimeout"] = "00:00:02";
        settings["NationalPortal:LeaseDuration"] = "00:00:10";
        settings["NationalPortal:BaseBackoff"] = "00:00:00.500";
        settings["NationalPortal:MaxBackoff"] = "00:00:05";
        var dataFolder = Path.Combine(folder.Partial, "data");
        var host = new HostProcess(options.HostDll ?? HostProcess.FindApiBuild(), dataFolder, settings);
        var passed = false;
        try
        {
            Console.WriteLine($"load-and-fault: {options.Dossiers} dossiers, {options.Connections} connections, portal failing {options.PortalErrorRate:P0} of calls, host killed once; load average {LoadBenchmark.LoadAverage()}");
            await host.StartAsync(folder.RecordHost);
            var (created, acknowledged, failures) = await LoadAsync(host, folder, options);
            Console.WriteLine($"load done in {wall.Elapsed.TotalSeconds:0} s: {created.Count} dossiers answered 201, {acknowledged.Values.Sum(a => a.Count)} actions answered 200, {failures} requests failed (the kill)");

            var undelivered = await WaitForDeliveryAsync(Path.Combine(dataFolder, "onestop.db"), TimeSpan.FromMinutes(4));
            await host.StopAsync();
            SqliteConnection.ClearAllPools();
            var violations = Check(Path.Combine(dataFolder, "onestop.db"), created, acknowledged, store, undelivered);
            var (outOfOrder, duplicates) = store.Totals();
            Console.WriteLine($"portal: {store.Snapshot().Values.Sum(m => m.Count)} messages accepted, {duplicates} repeats acknowledged without storing, {outOfOrder} out-of-order calls refused");
            foreach (var violation in violations.Take(20))
                Console.WriteLine($"  VIOLATION {violation}");
            Console.WriteLine(violations.Count == 0
                ? $"load-and-fault: every check holds ({wall.Elapsed.TotalSeconds:0} s)"
                : $"load-and-fault: {violations.Count} violations ({wall.Elapsed.TotalSeconds:0} s)");
            passed = violations.Count == 0;
            return passed ? 0 : 1;
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(host.Log);
            return 1;
        }
        finally
        {
            await host.DisposeAsync();
            await portal.StopAsync();
            await portal.DisposeAsync();
            SqliteConnection.ClearAllPools();
            if (passed && options.DataFolder is not null)
                folder.Complete();
            else if (options.DataFolder is null)
                folder.Discard();
            else
            {
                // A failed run keeps its evidence, under the partial name no API would open.
                Console.WriteLine($"data kept for inspection: {folder.Partial}");
            }
        }
    }

    internal static async Task<WebApplication> StartPortalAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration["MockPortal:ApiKey"] = PortalKey;
        builder.Configuration["MockPortal:RateLimitPerMinute"] = "100000000";
        builder.Services.AddMockNationalPortal(builder.Configuration);
        var app = builder.Build();
        app.UseRateLimiter();
        app.MapMockNationalPortal("/portal");
        await app.StartAsync();
        return app;
    }

    private static async Task<(ConcurrentDictionary<string, byte> Created, ConcurrentDictionary<string, List<string>> Acknowledged, long Failures)> LoadAsync(
        HostProcess host, ScratchFolder folder, FaultRunOptions options)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Connections, PooledConnectionLifetime = TimeSpan.FromSeconds(5) })
        {
            BaseAddress = host.BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var client = new OneStopClient(http);
        await client.SignInAsync("tiepnhan.xa", "chuyenvien.xa", "lanhdao.xa");
        var created = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        var acknowledged = new ConcurrentDictionary<string, List<string>>(StringComparer.Ordinal);
        var started = 0;
        long failures = 0;
        var restarted = new TaskCompletionSource();
        var killing = 0;

        async Task Worker()
        {
            while (Interlocked.Increment(ref started) <= options.Dossiers)
            {
                // Halfway through, one worker kills the host (SIGKILL: mid-request, mid-transaction) and starts it again.
                if (Volatile.Read(ref started) >= options.Dossiers / 2 && Interlocked.Exchange(ref killing, 1) == 0)
                {
                    await Task.Delay(Random.Shared.Next(50, 300));
                    host.Kill();
                    Console.WriteLine($"host killed after {created.Count} dossiers; starting it again");
                    await host.StartAsync(folder.RecordHost);
                    restarted.SetResult();
                }
                try
                {
                    using var response = await http.SendAsync(client.Submission(started));
                    var dossier = await OneStopClient.CreatedAsync(response);
                    if (dossier is null)
                    {
                        Interlocked.Increment(ref failures);
                        continue;
                    }
                    created[dossier.Code] = 0;
                    var done = acknowledged[dossier.Code] = [];
                    foreach (var (action, account) in OneStopClient.Lifecycle)
                    {
                        using var acted = await http.SendAsync(client.Action(dossier, action, account));
                        if (!acted.IsSuccessStatusCode)
                        {
                            Interlocked.Increment(ref failures);
                            break;
                        }
                        done.Add(action);
                        dossier = dossier with { ETag = acted.Headers.ETag?.ToString() ?? "" };
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    // The host is down: this dossier stays where it got to; wait for the host before the next one.
                    Interlocked.Increment(ref failures);
                    await Task.WhenAny(restarted.Task, Task.Delay(TimeSpan.FromSeconds(60)));
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, options.Connections).Select(_ => Task.Run(Worker)));
        return (created, acknowledged, failures);
    }

    /// <summary>Waits until every outbox message is delivered (the portal still failing its share); returns how many were not.</summary>
    private static async Task<long> WaitForDeliveryAsync(string database, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        long undelivered;
        do
        {
            await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """SELECT count(*) FROM "Outbox" WHERE "State" <> 'Delivered'""";
            undelivered = (long)(await command.ExecuteScalarAsync())!;
            if (undelivered == 0)
                break;
            await Task.Delay(500);
        }
        while (clock.Elapsed < limit);
        Console.WriteLine($"portal delivery: {(undelivered == 0 ? "everything delivered" : $"{undelivered} messages undelivered")} {clock.Elapsed.TotalSeconds:0} s after the load");
        return undelivered;
    }

    private sealed record EventRow(string Code, int Sequence, string Action, string? FromStatus, string ToStatus, string? FromStep, string? ToStep);

    /// <summary>Every check of the run, as the list of what does not hold.</summary>
    internal static List<string> Check(string database, IReadOnlyDictionary<string, byte> created, IReadOnlyDictionary<string, List<string>> acknowledged,
        MockPortalStore portal, long undelivered)
    {
        var violations = new List<string>();
        if (undelivered > 0)
            violations.Add($"{undelivered} outbox messages were never delivered");
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var dossiers = Query(connection, """SELECT "Code", "Status", "CurrentStepId" FROM "Dossiers" """, r => (Code: r.GetString(0), Status: r.GetString(1), Step: r.GetString(2)))
            .ToDictionary(d => d.Code, StringComparer.Ordinal);
        var events = Query(connection, """
            SELECT d."Code", e."Sequence", e."Action", e."FromStatus", e."ToStatus", e."FromStep", e."ToStep"
            FROM "DossierEvents" e JOIN "Dossiers" d ON d."Id" = e."DossierId"
            """, r => new EventRow(r.GetString(0), r.GetInt32(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetString(4),
                r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6)))
            .GroupBy(e => e.Code).ToDictionary(g => g.Key, g => g.OrderBy(e => e.Sequence).ToList(), StringComparer.Ordinal);
        var outbox = Query(connection, """SELECT "DossierCode", "Sequence", "Type" FROM "Outbox" """, r => (Code: r.GetString(0), Sequence: r.GetInt32(1), Service: r.GetString(2)))
            .GroupBy(m => m.Code).ToDictionary(g => g.Key, g => g.OrderBy(m => m.Sequence).Select(m => (m.Sequence, m.Service)).ToList(), StringComparer.Ordinal);
        var received = portal.Snapshot();

        foreach (var code in created.Keys.Where(c => !dossiers.ContainsKey(c)))
            violations.Add($"{code}: answered 201 but is not in the database");
        foreach (var (code, dossier) in dossiers)
        {
            if (!events.TryGetValue(code, out var history) || history.Count == 0)
            {
                violations.Add($"{code}: no history");
                continue;
            }
            // One unbroken chain: numbered 1..n, each event leaving from where the last one arrived, ending where the dossier is.
            for (var i = 0; i < history.Count; i++)
            {
                var e = history[i];
                if (e.Sequence != i + 1)
                    violations.Add($"{code}: event {i + 1} is numbered {e.Sequence}");
                if (i > 0 && (e.FromStatus != history[i - 1].ToStatus || (e.FromStep is not null && e.FromStep != history[i - 1].ToStep)))
                    violations.Add($"{code}: event {e.Sequence} ({e.Action}) leaves {e.FromStatus}/{e.FromStep} but the one before arrived at {history[i - 1].ToStatus}/{history[i - 1].ToStep}");
            }
            var last = history[^1];
            if (last.ToStatus != dossier.Status || (last.ToStep is not null && last.ToStep != dossier.Step))
                violations.Add($"{code}: the dossier is {dossier.Status}/{dossier.Step} but its history ends at {last.ToStatus}/{last.ToStep} (half-applied)");
            foreach (var action in history.GroupBy(e => e.Action).Where(g => g.Count() > 1 && OneStopClient.Lifecycle.Any(l => l.Action == g.Key)))
                violations.Add($"{code}: {action.Key} applied {action.Count()} times");
            if (acknowledged.TryGetValue(code, out var acked))
            {
                var actions = history.Select(e => e.Action).ToList();
                var position = 0;
                foreach (var action in acked)
                {
                    position = actions.IndexOf(action, position);
                    if (position < 0)
                    {
                        violations.Add($"{code}: {action} answered 200 but is not in the history ({string.Join(", ", actions)})");
                        break;
                    }
                }
            }

            // The portal: exactly the dossier's outbox messages, each once, in order; its status changes in the dossier's order.
            var messages = received.GetValueOrDefault(code) ?? [];
            var sent = outbox.GetValueOrDefault(code) ?? [];
            if (PortalChecks.ExactlyOnceInOrder(code, sent, messages) is { } notExactlyOnce)
                violations.Add(notExactlyOnce);
            var statuses = Collapse(history.Select(e => (int)Enum.Parse<OneStop.Domain.Dossiers.DossierStatus>(e.ToStatus)));
            var portalStatuses = Collapse(messages.Where(m => m.Service == PortalServices.DongBoHoSoMC).Select(m => m.Status));
            if (!statuses.SequenceEqual(portalStatuses))
                violations.Add($"{code}: the dossier went through statuses [{string.Join(", ", statuses)}] but the portal was told [{string.Join(", ", portalStatuses)}]");
        }
        foreach (var code in received.Keys.Where(c => !dossiers.ContainsKey(c)))
            violations.Add($"{code}: the portal knows a dossier the database does not have");
        return violations;
    }

    private static List<int> Collapse(IEnumerable<int> statuses)
    {
        var list = new List<int>();
        foreach (var status in statuses)
            if (list.Count == 0 || list[^1] != status)
                list.Add(status);
        return list;
    }

    internal static List<T> Query<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> read)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
            rows.Add(read(reader));
        return rows;
    }
}
