using System.Text.Json;
using OneStop.Benchmarks.Load;

namespace OneStop.Benchmarks.Tests;

/// <summary>The load table and its JSON file survive a scenario in which the host answered nothing (CI once aborted there).</summary>
public sealed class LoadReportTests
{
    private static readonly LoadReport Report = new(DateTimeOffset.Parse("2026-12-01T20:54:00Z", System.Globalization.CultureInfo.InvariantCulture),
        "2 cores", "29.01 23.58 13.24", "10.94 19.27 12.54", Quick: true,
        [
            new LoadResult("liveness GET /health/live", 32, 8, 51_080, 0, 6385, 4.24, 16.43, 3, null, 0.112),
            new LoadResult("lifecycle", 32, 8, 0, 0, 0, null, null, 9_412, null),
        ], 363, 78);

    [Fact]
    public void A_scenario_with_no_answer_prints_n_a_instead_of_a_percentile()
    {
        var lines = LoadBenchmark.Table(Report).Split('\n');

        Assert.Contains("| liveness GET /health/live | 32 | 6385 | 100% | 4.2 | 16.4 | 0.11 | 0 |", lines);
        Assert.Contains("| lifecycle | 32 | 0 | 0% | n/a | n/a | n/a | 0 |", lines);
    }

    [Fact]
    public void A_scenario_with_no_answer_is_written_to_json_with_null_percentiles_and_how_long_the_host_kept_it_waiting()
    {
        var json = JsonSerializer.Serialize(Report, new JsonSerializerOptions(JsonSerializerDefaults.Web));

        var lifecycle = JsonDocument.Parse(json).RootElement.GetProperty("results")[1];
        Assert.Equal(JsonValueKind.Null, lifecycle.GetProperty("p50Milliseconds").ValueKind);
        Assert.Equal(JsonValueKind.Null, lifecycle.GetProperty("p99Milliseconds").ValueKind);
        Assert.Equal(9_412, lifecycle.GetProperty("longestUnansweredMilliseconds").GetDouble());
    }
}
