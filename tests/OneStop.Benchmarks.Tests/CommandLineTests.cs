using System.Diagnostics;

namespace OneStop.Benchmarks.Tests;

/// <summary>The benchmark's commands as a new user runs them: a separate process, its exit code and what it left on disk.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly string _parent = Path.Combine(Path.GetTempPath(), "onestop-cli-tests", Guid.NewGuid().ToString("N"));

    public CommandLineTests() => Directory.CreateDirectory(_parent);

    [Theory]
    [InlineData("load")]
    [InlineData("load-and-fault")]
    [InlineData("generate")]
    [InlineData("measure-drain")]
    public async Task Every_command_refuses_an_existing_data_folder_and_leaves_it_untouched(string command)
    {
        var target = Directory.CreateDirectory(Path.Combine(_parent, "existing")).FullName;
        File.WriteAllText(Path.Combine(target, "onestop.db"), "a user's database");

        using var run = Start(command, "--data", target);
        var error = await run.StandardError.ReadToEndAsync();
        await run.WaitForExitAsync();

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("already exists", error);
        Assert.Equal("a user's database", File.ReadAllText(Path.Combine(target, "onestop.db")));
        Assert.Equal([target], Directory.GetFileSystemEntries(_parent));
    }

    [Fact]
    public async Task A_generator_killed_midway_leaves_no_database_where_the_api_would_look_and_the_next_run_clears_its_remains()
    {
        var target = Path.Combine(_parent, "million");
        using var run = Start(redirect: false, "generate", "--dossiers", "5000000", "--data", target);
        // Killed once it has started writing its database (the partial folder holds one).
        var clock = Stopwatch.StartNew();
        string? partial = null;
        while (clock.Elapsed < TimeSpan.FromMinutes(3) && !run.HasExited
               && (partial = Directory.GetDirectories(_parent, "million.partial-*").FirstOrDefault(p => File.Exists(Path.Combine(p, "onestop.db")))) is null)
            await Task.Delay(100);
        Assert.False(run.HasExited, "the generator ended before it could be killed");
        Assert.NotNull(partial);
        run.Kill(entireProcessTree: true);
        await run.WaitForExitAsync();

        Assert.False(Directory.Exists(target));
        Assert.True(Directory.Exists(partial));

        // The next run, of any command, claims the same target first: what the dead one left goes.
        var again = OneStop.Benchmarks.Load.ScratchFolder.Claim(target, out _);
        Assert.NotNull(again);
        Assert.False(Directory.Exists(partial));
        Assert.False(Directory.Exists(target));
        again.Discard();
    }

    private static Process Start(params string[] arguments) => Start(redirect: true, arguments);

    private static Process Start(bool redirect, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "OneStop.Benchmarks.dll"), .. arguments])
        {
            RedirectStandardOutput = redirect,
            RedirectStandardError = redirect,
            UseShellExecute = false,
        };
        return Process.Start(start)!;
    }

    public void Dispose()
    {
        try { Directory.Delete(_parent, recursive: true); }
        catch (DirectoryNotFoundException) { }
    }
}
