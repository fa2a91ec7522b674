using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OneStop.Infrastructure.Persistence;

/// <summary>
/// Lets SQLite itself wait for the write lock (<c>PRAGMA busy_timeout</c>) on every connection the embedded default
/// opens. Without it Microsoft.Data.Sqlite retries a busy statement by sleeping 150 ms at a time, so two writers that
/// meet cost the second one at least 150 ms — most of a submission's time under load (profiled, issue 12). SQLite's
/// own handler retries within a millisecond or so; the wait still ends with an error after the same 30 s.
/// </summary>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public static readonly SqliteBusyTimeout Instance = new();

    /// <summary>As long as the connection string's <c>Default Timeout</c>.</summary>
    public const int Milliseconds = 30_000;

    private const string Pragma = "PRAGMA busy_timeout = 30000;";

    private SqliteBusyTimeout()
    {
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
