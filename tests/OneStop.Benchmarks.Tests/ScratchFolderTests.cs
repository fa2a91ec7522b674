using System.Diagnostics;
using OneStop.Benchmarks.Load;

namespace OneStop.Benchmarks.Tests;

public sealed class ScratchFolderTests : IDisposable
{
    private readonly string _parent = Path.Combine(Path.GetTempPath(), "onestop-scratch-tests", Guid.NewGuid().ToString("N"));

    public ScratchFolderTests() => Directory.CreateDirectory(_parent);

    [Fact]
    public void An_existing_folder_is_refused_and_left_as_it_was()
    {
        var target = Path.Combine(_parent, "mine");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "onestop.db"), "a user's database");

        var claimed = ScratchFolder.Claim(target, out var refusal);

        Assert.Null(claimed);
        Assert.Contains(target, refusal);
        Assert.Equal("a user's database", File.ReadAllText(Path.Combine(target, "onestop.db")));
        Assert.Equal([target], Directory.GetFileSystemEntries(_parent));
    }

    [Fact]
    public void An_existing_file_is_refused()
    {
        var target = Path.Combine(_parent, "a-file");
        File.WriteAllText(target, "not a folder");

        Assert.Null(ScratchFolder.Claim(target, out var refusal));
        Assert.NotNull(refusal);
        Assert.Equal("not a folder", File.ReadAllText(target));
    }

    [Fact]
    public void A_claimed_folder_is_written_under_a_partial_name_and_only_becomes_the_target_when_complete()
    {
        var target = Path.Combine(_parent, "new");

        var folder = ScratchFolder.Claim(target, out _)!;
        File.WriteAllText(Path.Combine(folder.Partial, "onestop.db"), "written");

        Assert.False(Directory.Exists(target));
        Assert.StartsWith($"{target}.partial-{Environment.ProcessId}-", folder.Partial, StringComparison.Ordinal);
        folder.Complete();
        Assert.Equal("written", File.ReadAllText(Path.Combine(target, "onestop.db")));
        Assert.False(Directory.Exists(folder.Partial));
    }

    [Fact]
    public void A_discarded_folder_leaves_nothing()
    {
        var folder = ScratchFolder.Claim(Path.Combine(_parent, "thrown-away"), out _)!;
        File.WriteAllText(Path.Combine(folder.Partial, "onestop.db"), "half");

        folder.Discard();

        Assert.Empty(Directory.GetFileSystemEntries(_parent));
    }

    [Fact]
    public void The_partial_folder_of_a_dead_run_is_removed_and_a_living_runs_is_kept()
    {
        var dead = DeadProcessId();
        var stale = Directory.CreateDirectory(Path.Combine(_parent, $"run.partial-{dead}-abc")).FullName;
        File.WriteAllText(Path.Combine(stale, "onestop.db"), "half-written");
        var living = Directory.CreateDirectory(Path.Combine(_parent, $"run.partial-{Environment.ProcessId}-def")).FullName;
        var other = Directory.CreateDirectory(Path.Combine(_parent, $"other.partial-{dead}-ghi")).FullName;

        var removed = ScratchFolder.RemoveStale(_parent, "run");

        Assert.Equal(1, removed);
        Assert.False(Directory.Exists(stale));
        Assert.True(Directory.Exists(living));
        Assert.True(Directory.Exists(other));
    }

    /// <summary>The id of a process that has just exited (and is not reused within the test).</summary>
    private static int DeadProcessId()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        process.WaitForExit();
        return process.Id;
    }

    public void Dispose()
    {
        try { Directory.Delete(_parent, recursive: true); }
        catch (DirectoryNotFoundException) { }
    }
}
