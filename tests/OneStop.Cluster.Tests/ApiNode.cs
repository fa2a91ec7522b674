using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OneStop.Cluster.Tests;

/// <summary>
/// One OneStop node: the API's own build output run as a separate process (<c>dotnet OneStop.Api.dll</c>) on a loopback
/// port, configured as a production node is — server database, files in the database, a shared JWT key, Hangfire
/// on PostgreSQL — so killing it is a real crash: no graceful shutdown, no finally blocks.
/// </summary>
public sealed class ApiNode : IAsyncDisposable
{
    /// <summary>Every node of a test run signs tokens with this key, as a cluster's nodes share theirs.</summary>
    public static readonly string SharedJwtKey = Convert.ToBase64String(Guid.NewGuid().ToByteArray().Concat(Guid.NewGuid().ToByteArray()).Concat(Guid.NewGuid().ToByteArray()).ToArray());

    private readonly string _dataDirectory;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly StringBuilder _log = new();
    private Process? _process;

    private ApiNode(string name, int port, string dataDirectory, IReadOnlyDictionary<string, string> environment)
    {
        Name = name;
        Port = port;
        _dataDirectory = dataDirectory;
        _environment = environment;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
    }

    public string Name { get; }

    public int Port { get; }

    public HttpClient Client { get; }

    public bool Running => _process is { HasExited: false };

    /// <summary>The node's console output so far (warnings and errors), for a failure message.</summary>
    public string Log
    {
        get
        {
            lock (_log)
                return _log.Length <= 4000 ? _log.ToString() : _log.ToString(_log.Length - 4000, 4000);
        }
    }

    public static async Task<ApiNode> StartAsync(string name, ClusterDatabase database, PortalServer portal, params (string Key, string Value)[] settings)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "onestop-cluster", $"{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dataDirectory);
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Database__Provider"] = "PostgreSql",
            ["ConnectionStrings__OneStop"] = database.ConnectionString,
            ["OneStop__DataDirectory"] = dataDirectory,
            ["OneStop__NodeName"] = name,
            ["OneStop__SeedDemoData"] = "true",
            ["OneStop__Storage__Provider"] = "Database",
            ["OneStop__RateLimits__PublicPerMinute"] = "100000",
            ["Jwt__SigningKey"] = SharedJwtKey,
            ["MockPortal__Enabled"] = "false",
            ["NationalPortal__BaseUrl"] = portal.BaseUrl,
            ["NationalPortal__ApiKey"] = PortalServer.ApiKey,
            ["NationalPortal__ClientRetries"] = "0",
            ["NationalPortal__AttemptTimeout"] = "00:00:02",
            ["NationalPortal__LeaseDuration"] = "00:00:10",
            ["Hangfire__PostgreSql__InvisibilityTimeout"] = "00:00:30",
            ["Hangfire__PostgreSql__QueuePollInterval"] = "00:00:01",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "Error",
        };
        foreach (var (key, value) in settings)
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var node = new ApiNode(name, FreePort(), dataDirectory, environment);
        await node.StartProcessAsync();
        return node;
    }

    /// <summary>Starts (or restarts, after <see cref="Kill"/>) the process and waits until <c>/health/ready</c> answers.</summary>
    public async Task StartProcessAsync()
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "OneStop.Api.dll"), "--urls", $"http://127.0.0.1:{Port}"])
        {
            WorkingDirectory = AppContext.BaseDirectory,
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

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"{Name} exited with {process.ExitCode} while starting:\n{Log}");
            try
            {
                if ((await Client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"{Name} was not ready within two minutes:\n{Log}");
    }

    /// <summary>SIGKILL: the node dies mid-request, mid-transaction, mid-delivery.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
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

    public ValueTask DisposeAsync()
    {
        Kill();
        _process?.Dispose();
        Client.Dispose();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        return ValueTask.CompletedTask;
    }
}
