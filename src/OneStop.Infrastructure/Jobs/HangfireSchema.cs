using Hangfire.SqlServer;

namespace OneStop.Infrastructure.Jobs;

/// <summary>
/// Hangfire's own SQL Server schema, installed or upgraded where EF Core's migrations run (it is DDL, so the
/// least-privileged login of <c>Database:Migrations = verify</c> never runs it). Idempotent.
/// </summary>
internal static class HangfireSchema
{
    public static void Install(string? connectionString)
    {
        using var connection = new Microsoft.Data.SqlClient.SqlConnection(connectionString);
        connection.Open();
        SqlServerObjectsInstaller.Install(connection, "HangFire");
    }
}
