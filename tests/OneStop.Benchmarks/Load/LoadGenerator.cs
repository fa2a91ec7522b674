using System.Diagnostics;

namespace OneStop.Benchmarks.Load;

/// <summary>
/// One row of the table: what was measured, how often it succeeded, and how long it took. The percentiles are null
/// when nothing was answered in the window; <see cref="LongestUnansweredMilliseconds"/> then says how long the slowest
/// worker had been waiting for an answer when the window closed (a stalled host, not an idle one).
/// <see cref="HostCpuMillisecondsPerRequest"/>: the host's CPU time in the window over the requests answered in it —
/// the cost of one request, which a busy machine changes far less than the rate.
/// </summary>
internal sealed record LoadResult(string Scenario, int Connections, double Seconds, long Requests, long Failures, double RequestsPerSecond,
    double? P50Milliseconds, double? P99Milliseconds, double LongestUnansweredMilliseconds, string? FirstFailure,
    double? HostCpuMillisecondsPerRequest = null);

/// <summary>
/// Many concurrent clients in this process: N workers share one pooled HttpClient with N connections, each sending its
/// next request as soon as the last answered (closed loop), for a fixed time after a warm-up that is not counted.
/// </summary>
internal static class LoadGenerator
{
    /// <summary>
    /// One worker's step: sends one or more requests, reporting each through <c>record</c> (latency in stopwatch ticks
    /// and whether it succeeded, with a reason when not).
    /// </summary>
    public delegate Task Step(int worker, Action<long, bool, string?> record, CancellationToken stop);

    public static async Task<LoadResult> RunAsync(string scenario, int connections, TimeSpan warmUp, TimeSpan duration, Step step,
        Func<TimeSpan>? hostCpu = null)
    {
        var measuring = 0;
        var latencies = new List<long>[connections];
        var failures = new long[connections];
        // When each worker last heard back (or began a step): at the close, how long the slowest one had been waiting.
        var lastAnswer = new long[connections];
        string? firstFailure = null;
        using var stop = new CancellationTokenSource();
        var clock = new Stopwatch();

        async Task Worker(int worker)
        {
            var mine = latencies[worker] = new List<long>(4096);
            void Record(long ticks, bool ok, string? why)
            {
                Volatile.Write(ref lastAnswer[worker], Stopwatch.GetTimestamp());
                if (Volatile.Read(ref measuring) != 1)
                    return;
                if (ok)
                    mine.Add(ticks);
                else
                {
                    failures[worker]++;
                    Interlocked.CompareExchange(ref firstFailure, why ?? "failed", null);
                }
            }
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    Volatile.Write(ref lastAnswer[worker], Stopwatch.GetTimestamp());
                    await step(worker, Record, stop.Token);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    Record(0, false, e.GetType().Name + ": " + e.Message);
                }
            }
        }

        var workers = Enumerable.Range(0, connections).Select(w => Task.Run(() => Worker(w))).ToArray();
        await Task.Delay(warmUp);
        var cpuBefore = hostCpu?.Invoke();
        Volatile.Write(ref measuring, 1);
        clock.Start();
        await Task.Delay(duration);
        Volatile.Write(ref measuring, 0);
        clock.Stop();
        var cpuAfter = hostCpu?.Invoke();
        var closedAt = Stopwatch.GetTimestamp();
        var longestUnanswered = Enumerable.Range(0, connections).Max(w => closedAt - Volatile.Read(ref lastAnswer[w])) * 1000.0 / Stopwatch.Frequency;
        await stop.CancelAsync();
        await Task.WhenAll(workers);

        var all = latencies.Where(l => l is not null).SelectMany(l => l).Order().ToArray();
        double? Percentile(double p) => all.Length == 0 ? null
            : Math.Round(all[Math.Min(all.Length - 1, (int)Math.Ceiling(p * all.Length) - 1)] * 1000.0 / Stopwatch.Frequency, 2);
        var seconds = clock.Elapsed.TotalSeconds;
        return new LoadResult(scenario, connections, Math.Round(seconds, 1), all.Length, failures.Sum(), Math.Round(all.Length / seconds, 0),
            Percentile(0.50), Percentile(0.99), Math.Round(longestUnanswered, 0), firstFailure,
            cpuBefore is { } before && cpuAfter is { } after && after > before && all.Length > 0
                ? Math.Round((after - before).TotalMilliseconds / all.Length, 3) : null);
    }

    /// <summary>Times one request; a non-success status counts as a failure (with its status and the start of its body).</summary>
    public static async Task<HttpResponseMessage> TimedAsync(HttpClient http, HttpRequestMessage request, Action<long, bool, string?> record, CancellationToken stop)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, stop);
        var ticks = Stopwatch.GetTimestamp() - started;
        string? why = null;
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(stop);
            why = $"{(int)response.StatusCode} {request.Method} {request.RequestUri}: {body[..Math.Min(body.Length, 300)]}";
        }
        record(ticks, response.IsSuccessStatusCode, why);
        return response;
    }
}
