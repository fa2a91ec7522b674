using Hangfire.SqlServer;
using Microsoft.Extensions.Hosting;

namespace OneStop.Infrastructure.Jobs;

/// <summary>
/// Runs when the host starts — after Program.cs has migrated the database, before the Hangfire server and
/// before the first request: installs (or upgrades) Hangfire's own schema on SQL Server or PostgreSQL, then registers the
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
        else if (provider == DatabaseProviders.PostgreSql)
        {
            using var connection = new Npgsql.NpgsqlConnection(connectionString);
            connection.Open();
            // Nodes starting together take turns, under a session-level advisory lock.
            using (var wait = new Npgsql.NpgsqlCommand("SELECT pg_advisory_lock(14014014)", connection))
                wait.ExecuteNonQuery();
            try
            {
                Hangfire.PostgreSql.PostgreSqlObjectsInstaller.Install(connection, HangfireRegistration.PostgreSqlSchema);
            }
            finally
            {
                using var release = new Npgsql.NpgsqlCommand("SELECT pg_advisory_unlock(14014014)", connection);
                release.ExecuteNonQuery();
            }
        }
        RecurringJobs.Register(services);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
