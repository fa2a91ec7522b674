using Microsoft.Extensions.DependencyInjection;
using OneStop.Api.Tests.Infrastructure;
using OneStop.Infrastructure.Outbox;

namespace OneStop.Api.Tests.Sync;

/// <summary>
/// Hangfire as the outbox sees it, on the test's fake clock, so that delays can be measured in simulated time
/// whatever the machine's speed: a job queued now runs at once; a scheduled job becomes runnable at Hangfire's
/// next schedule poll at or after its due time (every 15 s, Hangfire's default <c>SchedulePollingInterval</c>);
/// the test runs the recurring sweeper at every whole minute. The delivery job is the real one, built with this
/// scheduler instead of Hangfire's.
/// </summary>
public sealed class VirtualHangfire : IOutboxScheduler
{
    public static readonly TimeSpan SchedulePolling = TimeSpan.FromSeconds(15);
    private readonly OneStopFactory _host;
    private readonly Lock _gate = new();
    private readonly List<(DateTimeOffset RunAt, Func<OutboxDeliveryJob, Task<OutboxDeliveryReport>> Run)> _jobs = [];

    public VirtualHangfire(OneStopFactory host)
    {
        _host = host;
        Job = ActivatorUtilities.CreateInstance<OutboxDeliveryJob>(host.Services, (IOutboxScheduler)this);
    }

    public OutboxDeliveryJob Job { get; }

    private DateTimeOffset Now => _host.Clock.GetUtcNow();

    public void DeliverNow(Guid dossierId) => Add(Now, job => job.RunAsync(dossierId, CancellationToken.None));

    public void DeliverAfter(Guid dossierId, TimeSpan delay) => Add(NextPoll(Now + delay), job => job.RunAsync(dossierId, CancellationToken.None));

    public void SweepNow() => Add(Now, job => job.DeliverDueAsync(CancellationToken.None));

    public void ProbeAfter(TimeSpan delay) => Add(NextPoll(Now + delay), job => job.ProbeAsync(CancellationToken.None));

    /// <summary>Runs every job due by now, and those they queue for now, one after another.</summary>
    public async Task<OutboxDeliveryReport> RunDueAsync()
    {
        var total = OutboxDeliveryReport.None;
        while (true)
        {
            List<Func<OutboxDeliveryJob, Task<OutboxDeliveryReport>>> due;
            lock (_gate)
            {
                var now = Now;
                due = _jobs.Where(j => j.RunAt <= now).Select(j => j.Run).ToList();
                _jobs.RemoveAll(j => j.RunAt <= now);
            }
            if (due.Count == 0)
                return total;
            foreach (var run in due)
                total = total.Add(await run(Job));
        }
    }

    private void Add(DateTimeOffset runAt, Func<OutboxDeliveryJob, Task<OutboxDeliveryReport>> run)
    {
        lock (_gate)
            _jobs.Add((runAt, run));
    }

    /// <summary>The first poll of the scheduled-jobs queue at or after <paramref name="due"/> (polls at whole multiples of 15 s).</summary>
    private static DateTimeOffset NextPoll(DateTimeOffset due)
    {
        var rest = due.UtcTicks % SchedulePolling.Ticks;
        return rest == 0 ? due : due.AddTicks(SchedulePolling.Ticks - rest);
    }
}
