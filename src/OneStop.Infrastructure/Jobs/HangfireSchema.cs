using Hangfire.SqlServer;

namespace OneStop.Infrastructure.Jobs;

/// <summary>
/// Hangfire's own schema on a server database (SQL Server: <c>HangFire</c>; PostgreSQL: <see cref="HangfireRegistration.PostgreSqlSchema"/>),
/// installed or upgraded where EF Core's migrations run — it is DDL, so the least-privileged login of
/// <c>Database:Migrations = verify</c> never runs it — and under the start-up lock, so nodes starting together take
/// turns. Idempotent. The embedded default keeps Hangfire in memory and has nothing to install.
/// </summary>
internal static class HangfireSchema
{
    public static void Install(string provider, string? connectionString)
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
            Hangfire.PostgreSql.PostgreSqlObjectsInstaller.Install(connection, HangfireRegistration.PostgreSqlSchema);
        }
    }
}
