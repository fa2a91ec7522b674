using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using OneStop.Api.Tests.Infrastructure;
using OneStop.Infrastructure;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Api.Tests.Platform;

/// <summary>
/// Who changes the schema (Database:Migrations): a privileged one-shot step migrates and exits; the API's own
/// least-privileged login only checks that nothing is missing (issue 15, docker-compose). Run as the real program.
/// </summary>
public sealed class MigrationModesTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "onestop-migration-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    /// <summary>Runs the API's own entry point as a process; the timeout only bounds a hang.</summary>
    private async Task<(int ExitCode, string Output)> RunApiAsync(string mode)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "OneStop.Api.dll"));
        start.Environment["OneStop__DataDirectory"] = _folder;
        start.Environment["Database__Migrations"] = mode;
        start.Environment["Hangfire__Server__Enabled"] = "false";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var hang = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(hang.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The API with Database:Migrations={mode} did not exit: {await output}");
        }
        return (process.ExitCode, await output + await error);
    }

    private OneStopDbContext Open()
    {
        var options = new DbContextOptionsBuilder<OneStopDbContext>();
        DependencyInjection.Configure(options, DatabaseProviders.Sqlite, _folder, null);
        return new OneStopDbContext(options.Options);
    }

    [Fact]
    public async Task The_migration_step_migrates_seeds_and_exits_and_the_verifying_api_then_starts_on_it()
    {
        var (exitCode, output) = await RunApiAsync("apply-and-exit");

        Assert.True(exitCode == 0, output);
        await using (var db = Open())
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.True(await db.Users.AnyAsync(u => u.UserName == "admin"));
        }
        Assert.DoesNotContain("Now listening on", output);

        using var factory = new OneStopFactory();
        using var verifying = factory.WithWebHostBuilder(b => b
            .UseSetting("OneStop:DataDirectory", _folder)
            .UseSetting("Database:Migrations", "verify"));
        Assert.Equal(HttpStatusCode.OK, (await verifying.CreateClient().GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task The_verifying_api_refuses_to_start_on_a_database_that_lacks_migrations()
    {
        var (exitCode, output) = await RunApiAsync("verify");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("còn thiếu", output);
        Assert.Contains("apply-and-exit", output);
    }

    [Fact]
    public async Task An_unknown_mode_is_refused_by_name()
    {
        var (exitCode, output) = await RunApiAsync("sometimes");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Database:Migrations", output);
    }
}
