using Hangfire;

namespace OneStop.Infrastructure.Outbox;

/// <summary>Queues delivery of outbox messages: one dossier now or later, a whole sweep now, or a probe of a portal that is down.</summary>
public interface IOutboxScheduler
{
    void DeliverNow(Guid dossierId);

    void DeliverAfter(Guid dossierId, TimeSpan delay);

    /// <summary>A sweep of everything due, at once: after an outage, when every waiting message was made due again.</summary>
    void SweepNow();

    /// <summary>One probe of a portal that is down, after <paramref name="delay"/>.</summary>
    void ProbeAfter(TimeSpan delay);
}

/// <summary>
/// Hangfire jobs carrying only ids (the job reads everything else from the database), so a job that runs late,
/// twice or on another node still does the right thing.
/// </summary>
public sealed class HangfireOutboxScheduler(IBackgroundJobClient jobs) : IOutboxScheduler
{
    public void DeliverNow(Guid dossierId) =>
        jobs.Enqueue<OutboxDeliveryJob>(job => job.RunAsync(dossierId, CancellationToken.None));

    public void DeliverAfter(Guid dossierId, TimeSpan delay) =>
        jobs.Schedule<OutboxDeliveryJob>(job => job.RunAsync(dossierId, CancellationToken.None), delay);

    public void SweepNow() =>
        jobs.Enqueue<OutboxDeliveryJob>(job => job.DeliverDueAsync(CancellationToken.None));

    public void ProbeAfter(TimeSpan delay) =>
        jobs.Schedule<OutboxDeliveryJob>(job => job.ProbeAsync(CancellationToken.None), delay);
}
