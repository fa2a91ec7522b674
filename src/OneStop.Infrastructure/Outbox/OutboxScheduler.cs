using Hangfire;

namespace OneStop.Infrastructure.Outbox;

/// <summary>Queues delivery of a dossier's outbox messages, now or later.</summary>
public interface IOutboxScheduler
{
    void DeliverNow(Guid dossierId);

    void DeliverAfter(Guid dossierId, TimeSpan delay);
}

/// <summary>
/// Hangfire jobs carrying only the dossier id (the job reads everything else from the database), so a job
/// that runs late, twice or on another node still does the right thing.
/// </summary>
public sealed class HangfireOutboxScheduler(IBackgroundJobClient jobs) : IOutboxScheduler
{
    public void DeliverNow(Guid dossierId) =>
        jobs.Enqueue<OutboxDeliveryJob>(job => job.RunAsync(dossierId, CancellationToken.None));

    public void DeliverAfter(Guid dossierId, TimeSpan delay) =>
        jobs.Schedule<OutboxDeliveryJob>(job => job.RunAsync(dossierId, CancellationToken.None), delay);
}
