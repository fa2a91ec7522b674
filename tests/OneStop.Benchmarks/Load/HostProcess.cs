using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OneStop.Benchmarks.Load;

/// <summary>
/// The API's own Release build (<c>dotnet OneStop.Api.dll</c>) as a separate process on a loopback port, over a data
/// folder of its own, as an operator would start it. Its memory is sampled while it runs; <see cref="Kill"/> is a real
/// crash (SIGKILL), and <see cref="StartAsync"/> again brings the same node back over the same data.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly string _dll;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly StringBuilder _log = new();
    private Process? _process;
    private long _peakBytes;

    public HostProcess(string dll, string dataFolder, IReadOnlyDictionary<string, string> settings)
    {
        // Started from the dll's own folder: a relative --host must be resolved against where the user ran us.
        _dll = Path.GetFullPath(dll);
        Port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{Port}");
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["OneStop__DataDirectory"] = dataFolder,
            // The host's console would cost it time under load: warnings only.
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "Error",
        };
        foreach (var (key, value) in settings)
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        _environment = environment;
    }

    public int Port { get; }

    public Uri BaseAddress { get; }

    public int? ProcessId => _process is { HasExited: false } p ? p.Id : null;

    /// <summary>CPU time the host has used so far (user and system), or zero once it has exited.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            if (_process is not { HasExited: false } process)
                return TimeSpan.Zero;
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    /// <summary>The highest resident memory seen (sampled, and the kernel's high-water mark of each process), in bytes.</summary>
    public long PeakBytes => Interlocked.Read(ref _peakBytes);

    public string Log
    {
        get
        {
            lock (_log)
                return _log.Length <= 4000 ? _log.ToString() : _log.ToString(_log.Length - 4000, 4000);
        }
    }

    /// <summary>The API build beside this benchmark's: src/OneStop.Api/bin/&lt;same configuration&gt;/&lt;tfm&gt;/OneStop.Api.dll.</summary>
    public static string FindApiBuild()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var framework = here.Name;
        var configuration = here.Parent?.Name ?? "Release";
        for (var folder = here; folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "OneStop.sln")))
            {
                var dll = Path.Combine(folder.FullName, "src", "OneStop.Api", "bin", configuration, framework, "OneStop.Api.dll");
                if (File.Exists(dll))
                    return dll;
                throw new FileNotFoundException($"No API build at {dll}: run the benchmark with 'dotnet run -c Release --project tests/OneStop.Benchmarks', which builds it.");
            }
        }
        throw new FileNotFoundException("The repository (OneStop.sln) was not found above the benchmark's folder: pass --host <path to OneStop.Api.dll>.");
    }

    /// <summary>Starts the process and waits until <c>/health/ready</c> answers 200.</summary>
    public async Task StartAsync(Action<int>? started = null)
    {
        var start = new ProcessStartInfo("dotnet", [_dll, "--urls", BaseAddress.ToString().TrimEnd('/')])
        {
            WorkingDirectory = Path.GetDirectoryName(_dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in _environment)
            start.Environment[key] = value;
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        started?.Invoke(process.Id);
        _ = SampleMemoryAsync(process);

        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The host exited with {process.ExitCode} while starting:\n{Log}");
            try
            {
                if ((await probe.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The host was not ready within three minutes:\n{Log}");
    }

    /// <summary>SIGKILL, mid-request and mid-transaction: no graceful shutdown.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } process)
        {
            RecordPeak(process);
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    /// <summary>A graceful stop (SIGTERM), as an operator's service manager does; SIGKILL if it takes over 30 s.</summary>
    public async Task StopAsync()
    {
        if (_process is not { HasExited: false } process)
            return;
        RecordPeak(process);
        using (var terminate = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await terminate.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException) { Kill(); }
    }

    private async Task SampleMemoryAsync(Process process)
    {
        while (!process.HasExited)
        {
            RecordPeak(process);
            await Task.Delay(250);
        }
    }

    private void RecordPeak(Process process)
    {
        try
        {
            process.Refresh();
            // PeakWorkingSet64 is the kernel's VmHWM on Linux: it catches spikes between samples.
            var seen = Math.Max(process.WorkingSet64, process.PeakWorkingSet64);
            long current;
            while (seen > (current = Interlocked.Read(ref _peakBytes)) && Interlocked.CompareExchange(ref _peakBytes, seen, current) != current) { }
        }
        catch (InvalidOperationException) { }
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_log)
            _log.AppendLine(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process?.Dispose();
    }
}
