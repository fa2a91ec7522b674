using Microsoft.EntityFrameworkCore;
using Npgsql;
using OneStop.Infrastructure;
using OneStop.Infrastructure.Persistence;
using OneStop.Infrastructure.Storage;

namespace OneStop.Api.Tests.Infrastructure;

/// <summary>
/// Where one test host (or several sharing it, like two nodes) keeps its data: a fresh data folder and, on the
/// SQLite run, the database in it; with <c>ONESTOP_TEST_POSTGRES</c> set (the second run of <c>.ci/run</c>), a
/// fresh PostgreSQL database cloned from a migrated template, with files in the database as a cluster keeps them.
/// Disposing deletes both.
/// </summary>
public sealed class TestStore : IAsyncDisposable, IDisposable
{
    /// <summary>A connection string to a PostgreSQL server the tests may create databases on; unset: SQLite.</summary>
    public const string PostgresVariable = "ONESTOP_TEST_POSTGRES";

    private static readonly SemaphoreSlim Creating = new(1, 1);
    private static string? _template;
    private bool _disposed;

    public static string? PostgresServer { get; } = Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    public static bool OnPostgreSql => PostgresServer is not null;

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "onestop-tests", Guid.NewGuid().ToString("N"));

    /// <summary>The PostgreSQL database of this store; null on SQLite.</summary>
    public string? ConnectionString { get; private init; }

    public string Provider => OnPostgreSql ? DatabaseProviders.PostgreSql : DatabaseProviders.Sqlite;

    private TestStore()
    {
    }

    public static TestStore Create()
    {
        if (!OnPostgreSql)
            return new TestStore();
        var name = "onestop_test_" + Guid.NewGuid().ToString("N");
        Creating.Wait();
        try
        {
            _template ??= CreateTemplate();
            Execute($"CREATE DATABASE \"{name}\" TEMPLATE \"{_template}\"");
        }
        finally
        {
            Creating.Release();
        }
        return new TestStore { ConnectionString = On(name) };
    }

    /// <summary>The settings a host needs to use this store.</summary>
    public IEnumerable<(string Key, string Value)> Settings()
    {
        yield return ("OneStop:DataDirectory", DataDirectory);
        yield return ("Database:Provider", Provider);
        if (ConnectionString is null)
            yield break;
        yield return ("ConnectionStrings:OneStop", ConnectionString);
        // What the embedded default does by itself, the tests ask for on a server database; the mock portal follows
        // the demo data (MockPortalHosting), as on SQLite, so a test that turns the demo data off turns it off too.
        yield return ("OneStop:SeedDemoData", "true");
        yield return (StorageProviders.Key, StorageProviders.Database);
    }

    /// <summary>Stored files, whichever store holds them (the bytes, not the rows that name them).</summary>
    public async Task<int> StoredBlobCountAsync(OneStopDbContext db) => ConnectionString is null
        ? Directory.Exists(Path.Combine(DataDirectory, "files"))
            ? Directory.EnumerateFiles(Path.Combine(DataDirectory, "files"), "*", SearchOption.AllDirectories).Count(f => !f.Contains("/tmp/"))
            : 0
        : await db.FileBlobs.CountAsync(b => b.CompletedAt != null);

    /// <summary>
    /// One migrated database per test process, Hangfire's schema included; every store is a copy of it, which takes
    /// a fraction of what migrating each one would.
    /// </summary>
    private static string CreateTemplate()
    {
        var name = $"onestop_template_{Environment.ProcessId}_{Guid.NewGuid():N}"[..50];
        Execute($"CREATE DATABASE \"{name}\"");
        var options = new DbContextOptionsBuilder<OneStopDbContext>();
        DependencyInjection.Configure(options, DatabaseProviders.PostgreSql, Path.GetTempPath(), On(name));
        using (var db = new OneStopDbContext(options.Options))
            db.Database.Migrate();
        using (var connection = new NpgsqlConnection(On(name)))
        {
            connection.Open();
            Hangfire.PostgreSql.PostgreSqlObjectsInstaller.Install(connection, "hangfire");
        }
        // A template must have no connections left when it is copied.
        NpgsqlConnection.ClearAllPools();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryExecute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        return name;
    }

    private static string On(string database) =>
        new NpgsqlConnectionStringBuilder(PostgresServer) { Database = database }.ConnectionString;

    private static void Execute(string sql)
    {
        // Pooling off: the maintenance connection must not linger on the server.
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres", Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static void TryExecute(string sql)
    {
        try
        {
            Execute(sql);
        }
        catch (NpgsqlException)
        {
        }
    }

    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        if (ConnectionString is null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
        else
        {
            NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString));
            TryExecute($"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(ConnectionString).Database}\" WITH (FORCE)");
        }
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
