using System.Diagnostics;

namespace OneStop.Benchmarks.Load;

/// <summary>
/// A data folder a benchmark may write: never one that exists (a user's database is never touched), and written under
/// a sibling name <c>&lt;target&gt;.partial-&lt;pid&gt;-&lt;id&gt;</c> that becomes the target only when the run ends well.
/// A run killed midway (even by SIGKILL) leaves only a <c>.partial-</c> folder, which no API would open as its data
/// folder and which the next run removes (with the host it had started) once its owner process is gone.
/// </summary>
internal sealed class ScratchFolder
{
    private const string PartialMarker = ".partial-";
    private const string HostPidFile = "host.pid";

    private ScratchFolder(string target, string partial)
    {
        Target = target;
        Partial = partial;
    }

    /// <summary>Where the folder ends up when <see cref="Complete"/> is called.</summary>
    public string Target { get; }

    /// <summary>Where everything is written meanwhile.</summary>
    public string Partial { get; }

    /// <summary>
    /// Claims <paramref name="target"/>: null (with the reason in <paramref name="refusal"/>) when it exists as a folder or
    /// a file; otherwise removes stale partial folders of dead runs beside it and creates this run's.
    /// </summary>
    public static ScratchFolder? Claim(string target, out string? refusal)
    {
        target = Path.GetFullPath(target).TrimEnd(Path.DirectorySeparatorChar);
        if (Directory.Exists(target) || File.Exists(target))
        {
            refusal = $"{target} already exists: a benchmark only writes a new folder. Pick another one or remove it.";
            return null;
        }
        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        RemoveStale(parent, Path.GetFileName(target));
        var partial = $"{target}{PartialMarker}{Environment.ProcessId}-{Guid.NewGuid():N}";
        Directory.CreateDirectory(partial);
        refusal = null;
        return new ScratchFolder(target, partial);
    }

    /// <summary>A fresh folder under the system's temporary folder, for runs that keep nothing.</summary>
    public static ScratchFolder ClaimTemporary(string prefix) =>
        Claim(Path.Combine(Path.GetTempPath(), "onestop-benchmarks", $"{prefix}-{DateTime.UtcNow:yyyyMMddHHmmss}-{Guid.NewGuid():N}"), out _)!;

    /// <summary>Records the host this run started, so a later run can stop it if this one is killed.</summary>
    public void RecordHost(int processId) => File.WriteAllText(Path.Combine(Partial, HostPidFile), processId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The run ended well: the partial folder becomes the target.</summary>
    public void Complete()
    {
        File.Delete(Path.Combine(Partial, HostPidFile));
        Directory.Move(Partial, Target);
    }

    /// <summary>The run failed or keeps nothing: the partial folder goes.</summary>
    public void Discard()
    {
        for (var attempt = 0; attempt < 5 && Directory.Exists(Partial); attempt++)
        {
            try { Directory.Delete(Partial, recursive: true); }
            catch (IOException) { Thread.Sleep(200); }
            catch (UnauthorizedAccessException) { Thread.Sleep(200); }
        }
    }

    /// <summary>
    /// Removes <c>&lt;name&gt;.partial-&lt;pid&gt;-…</c> folders (any name when <paramref name="name"/> is null) whose run
    /// is no longer alive, first stopping the host such a run had started. A folder whose run still lives is left alone.
    /// </summary>
    public static int RemoveStale(string parent, string? name = null)
    {
        if (!Directory.Exists(parent))
            return 0;
        var removed = 0;
        foreach (var folder in Directory.EnumerateDirectories(parent, $"{name ?? "*"}{PartialMarker}*"))
        {
            var rest = Path.GetFileName(folder)[(Path.GetFileName(folder).LastIndexOf(PartialMarker, StringComparison.Ordinal) + PartialMarker.Length)..];
            if (!int.TryParse(rest.Split('-')[0], out var owner) || IsAlive(owner))
                continue;
            StopOrphanedHost(folder);
            try
            {
                Directory.Delete(folder, recursive: true);
                removed++;
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return removed;
    }

    private static void StopOrphanedHost(string folder)
    {
        var file = Path.Combine(folder, HostPidFile);
        if (!File.Exists(file) || !int.TryParse(File.ReadAllText(file), out var host) || !IsAlive(host))
            return;
        try
        {
            using var process = Process.GetProcessById(host);
            // Only a OneStop host whose data lives in this very folder: a recycled process id is someone else's.
            var commandLine = File.Exists($"/proc/{host}/environ") ? File.ReadAllText($"/proc/{host}/environ") : "";
            if (commandLine.Contains(folder, StringComparison.Ordinal))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (ArgumentException) { }
        catch (InvalidOperationException) { }
        catch (UnauthorizedAccessException) { }
        catch (IOException) { }
    }

    private static bool IsAlive(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
