using Microsoft.Extensions.Options;
using OneStop.Infrastructure.NationalPortal;
using OneStop.Infrastructure.Outbox;

namespace OneStop.Api.Tests.Sync;

/// <summary>The half-open circuit that watches the backoffs: when the portal counts as down, probing, the end of an outage.</summary>
public sealed class PortalOutageRulesTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    private static PortalOutage NewOutage() => new(new TestOptions(new NationalPortalOptions { OutageThreshold = 3, ProbeInterval = TimeSpan.FromSeconds(10) }));

    [Fact]
    public void The_portal_counts_as_down_after_the_threshold_of_failures_in_a_row_and_a_success_in_between_resets_it()
    {
        var outage = NewOutage();

        Assert.False(outage.RecordFailure(Start));
        Assert.False(outage.RecordFailure(Start));
        Assert.False(outage.RecordSuccess());
        Assert.False(outage.RecordFailure(Start));
        Assert.False(outage.RecordFailure(Start));
        Assert.False(outage.IsDown);
        Assert.True(outage.RecordFailure(Start));
        Assert.True(outage.IsDown);
        // Only the failure that crossed the threshold reports it.
        Assert.False(outage.RecordFailure(Start));
    }

    [Fact]
    public void While_down_one_probe_per_interval_is_taken_and_one_is_scheduled_at_a_time()
    {
        var outage = NewOutage();
        Assert.False(outage.TryTakeProbe(Start));
        for (var i = 0; i < 3; i++)
            outage.RecordFailure(Start);

        Assert.True(outage.TryTakeProbe(Start));
        Assert.False(outage.TryTakeProbe(Start.AddSeconds(9)));
        Assert.True(outage.TryTakeProbe(Start.AddSeconds(10)));
        Assert.True(outage.TryScheduleProbe(Start));
        Assert.False(outage.TryScheduleProbe(Start.AddSeconds(9)));
        Assert.True(outage.TryScheduleProbe(Start.AddSeconds(10)));
    }

    [Fact]
    public void The_first_success_after_an_outage_ends_it_once()
    {
        var outage = NewOutage();
        for (var i = 0; i < 3; i++)
            outage.RecordFailure(Start);

        Assert.True(outage.RecordSuccess());
        Assert.False(outage.IsDown);
        Assert.False(outage.RecordSuccess());
        Assert.False(outage.TryTakeProbe(Start.AddMinutes(1)));
    }

    private sealed class TestOptions(NationalPortalOptions value) : IOptionsMonitor<NationalPortalOptions>
    {
        public NationalPortalOptions CurrentValue => value;

        public NationalPortalOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<NationalPortalOptions, string?> listener) => null;
    }
}
