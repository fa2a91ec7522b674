using Xunit.Abstractions;

namespace OneStop.Cluster.Tests;

/// <summary>
/// The figures a cluster test measured: to the test's output and, when <c>ONESTOP_TEST_FIGURES</c> names a file, to
/// that file too, which <c>.ci/run</c> prints (the test runner shows a passing test's output only when asked in detail).
/// </summary>
public static class Figures
{
    private static readonly Lock Gate = new();

    public static void Report(this ITestOutputHelper output, string line)
    {
        output.WriteLine(line);
        if (Environment.GetEnvironmentVariable("ONESTOP_TEST_FIGURES") is { Length: > 0 } file)
            lock (Gate)
                File.AppendAllText(file, line + Environment.NewLine);
    }
}
