using Hangfire.SqlServer;
using Microsoft.Extensions.Hosting;

namespace OneStop.Infrastructure.Jobs;

/// <summary>
/// Runs when the host starts — after Program.cs has migrated the database, before the Hangfire server and
/// before the first request: installs (or upgrades) Hangfire's own SQL Server schema, then registers the
/// recurring jobs. Both are idempotent, so every node does it on every start.
/// </summary>
internal sealed class HangfireStartup(IServiceProvider services, string provider, string? connectionString) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (provider == DatabaseProviders.SqlServer)
        {
            using var connection = new Microsoft.Data.SqlClient.SqlConnection(connectionString);
            connection.Open();
            SqlServerObjectsInstaller.Install(connection, "HangFire");
        }
        RecurringJobs.Register(services);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
