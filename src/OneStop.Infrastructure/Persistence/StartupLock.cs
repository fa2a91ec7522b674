using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace OneStop.Infrastructure.Persistence;

/// <summary>
/// Nodes starting together take turns to migrate and seed: a lock held by the database for the session
/// (PostgreSQL advisory lock, SQL Server application lock), so the second node finds the first one's rows instead of
/// inserting them again. SQLite is one node's file and needs none.
/// </summary>
public sealed class StartupLock : IAsyncDisposable
{
    private const long PostgreSqlKey = 14_000_000_014;
    private const string SqlServerResource = "OneStop.DatabaseInitializer";
    private readonly OneStopDbContext _db;

    private StartupLock(OneStopDbContext db) => _db = db;

    public static async Task<StartupLock> AcquireAsync(OneStopDbContext db, CancellationToken ct)
    {
        await CreateDatabaseIfMissingAsync(db, ct);
        // The lock belongs to the connection: keep this one open until released.
        await db.Database.OpenConnectionAsync(ct);
        if (db.Database.IsNpgsql())
            await ExecuteAsync(db, $"SELECT pg_advisory_lock({PostgreSqlKey})", ct);
        else if (db.Database.IsSqlServer())
            await ExecuteAsync(db, $"EXEC sp_getapplock @Resource = '{SqlServerResource}', @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = -1", ct);
        return new StartupLock(db);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_db.Database.IsNpgsql())
                await ExecuteAsync(_db, $"SELECT pg_advisory_unlock({PostgreSqlKey})", CancellationToken.None);
            else if (_db.Database.IsSqlServer())
                await ExecuteAsync(_db, $"EXEC sp_releaseapplock @Resource = '{SqlServerResource}', @LockOwner = 'Session'", CancellationToken.None);
        }
        finally
        {
            await _db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>What migrating would do on a fresh server, done first, since the lock needs a connection to the database.</summary>
    private static async Task CreateDatabaseIfMissingAsync(OneStopDbContext db, CancellationToken ct)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(ct))
            return;
        try
        {
            await creator.CreateAsync(ct);
        }
        catch (DbException)
        {
            // Another node created it a moment ago; anything else shows again when the connection opens.
            if (!await creator.ExistsAsync(ct))
                throw;
        }
    }

    private static async Task ExecuteAsync(OneStopDbContext db, string sql, CancellationToken ct)
    {
        DbCommand command = db.Database.GetDbConnection().CreateCommand();
        await using (command)
        {
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
