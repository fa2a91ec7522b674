using Microsoft.Extensions.Configuration;

namespace OneStop.Infrastructure;

/// <summary>
/// <c>OneStop:NodeName</c>: how this node names itself in Hangfire's server list, leases and telemetry. Defaults to
/// host name and process id, which tells nodes apart even when several run on one machine.
/// </summary>
public static class NodeName
{
    public const string Key = "OneStop:NodeName";

    public static string Of(IConfiguration configuration) =>
        configuration[Key] is { Length: > 0 } name ? name : $"{Environment.MachineName}-{Environment.ProcessId}";
}
