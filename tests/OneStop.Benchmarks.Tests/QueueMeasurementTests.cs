using OneStop.Benchmarks.Data;

namespace OneStop.Benchmarks.Tests;

/// <summary>The queue measurement's own logic: its percentiles, and that it asks for every filter of DESIGN §10.</summary>
public sealed class QueueMeasurementTests
{
    [Fact]
    public void Percentiles_are_nearest_rank_over_the_samples()
    {
        // 1, 2, … 100 ms shuffled: the 50th smallest is 50, the 99th is 99.
        var samples = Enumerable.Range(1, 100).Select(i => (double)(i * 37 % 100 + 1)).ToList();

        var result = QueueMeasurement.Summarise("tiepnhan.xa", "first page", "/api/dossiers", 7000, samples);

        Assert.Equal((50.0, 99.0, 100.0, 100), (result.P50Milliseconds, result.P99Milliseconds, result.MaxMilliseconds, result.Samples));
    }

    [Fact]
    public void With_few_samples_the_p99_is_the_slowest()
    {
        var result = QueueMeasurement.Summarise("tiepnhan.tinh", "page 100", "/api/dossiers?page=100", 1, [4.0, 9.5, 3.0, 120.0, 5.0]);

        // Sorted 3, 4, 5, 9.5, 120: rank ceil(0.5 × 5) = 3 → 5; rank ceil(0.99 × 5) = 5 → 120.
        Assert.Equal((5.0, 120.0), (result.P50Milliseconds, result.P99Milliseconds));
    }

    [Fact]
    public void Every_queue_filter_of_the_http_contract_is_measured()
    {
        var paths = QueueMeasurement.Queries("22918", "tham-tra", "X-1", "Người nộp 1", "060095000123",
            DateTimeOffset.Parse("2026-12-01T10:00:00+07:00", System.Globalization.CultureInfo.InvariantCulture)).Select(q => q.Path).ToList();

        // DESIGN §10: GET /api/dossiers?unit=&status=&step=&overdue=&dueBefore=&q=&page=&pageSize= (and assignee, DESIGN §4.1).
        foreach (var parameter in new[] { "unit=22918", "status=", "step=tham-tra", "overdue=true", "overdue=false", "dueBefore=2026-12-04T10%3A00%3A00%2B07%3A00",
                     "q=060095000123", "q=X-1", "page=100", "pageSize=", "assignee=me", "assignee=none" })
            Assert.Contains(paths, p => p.Contains(parameter, StringComparison.Ordinal));
        Assert.Contains("/api/dossiers", paths);
    }
}
