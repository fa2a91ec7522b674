using System.Diagnostics;
using Npgsql;

namespace OneStop.Cluster.Tests;

/// <summary>
/// A database of its own on the PostgreSQL server of <c>ONESTOP_TEST_POSTGRES</c>, created empty — the nodes migrate
/// and seed it themselves, as a new installation does — and dropped at the end. Also stops and starts the server
/// through <c>ONESTOP_TEST_POSTGRES_CTL</c> for the fault tests.
/// </summary>
public sealed class ClusterDatabase : IAsyncDisposable
{
    public const string ServerVariable = "ONESTOP_TEST_POSTGRES";

    public static string? Server { get; } = Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } value ? value : null;

    public string ConnectionString { get; }

    public string Name { get; }

    private ClusterDatabase(string name)
    {
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(Server) { Database = name }.ConnectionString;
    }

    public static async Task<ClusterDatabase> CreateAsync()
    {
        var database = new ClusterDatabase("onestop_cluster_" + Guid.NewGuid().ToString("N")[..12]);
        await ExecuteOnServerAsync($"CREATE DATABASE \"{database.Name}\"");
        return database;
    }

    /// <summary>A scalar from the cluster's database (the tests check what the nodes wrote, not what they say).</summary>
    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<List<T>> ListAsync<T>(string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
            rows.Add(read(reader));
        return rows;
    }

    /// <summary>Stops (<c>stop</c>) or starts (<c>start</c>) the whole PostgreSQL server.</summary>
    public static async Task ServerAsync(string verb)
    {
        var ctl = Environment.GetEnvironmentVariable("ONESTOP_TEST_POSTGRES_CTL")
            ?? throw new InvalidOperationException("ONESTOP_TEST_POSTGRES_CTL is not set: the server cannot be stopped from here.");
        using var process = Process.Start(new ProcessStartInfo("bash", [ctl, verb]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"PostgreSQL {verb} failed: {output}");
        NpgsqlConnection.ClearAllPools();
    }

    private static async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString));
        try
        {
            await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
        }
        catch (NpgsqlException)
        {
            // The server is gone already; the throwaway cluster goes with it.
        }
    }
}
