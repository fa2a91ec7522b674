using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneStop.Infrastructure.NationalPortal;
using OneStop.Infrastructure.Persistence;
using OneStop.Infrastructure.Timers;

namespace OneStop.Infrastructure.Outbox;

/// <summary>
/// Queues a delivery job for each dossier that got outbox messages — after the commit, never before: a job
/// queued inside the transaction could run before the rows are visible (and find nothing), and one queued
/// for a transaction that then rolls back would report what never happened. SaveChanges without an explicit
/// transaction commits inside SaveChanges; with one (a submission), the job waits for <c>Commit</c>.
/// Timers stored with a dossier get their delayed job by the same rule.
/// </summary>
public sealed class OutboxEnqueueInterceptor(
    IOutboxScheduler scheduler, ITimerScheduler timers, IOptionsMonitor<NationalPortalOptions> options, ILogger<OutboxEnqueueInterceptor> logger)
    : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        QueueIfCommitted(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        QueueIfCommitted(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Queue(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Queue(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void QueueIfCommitted(DbContext? context)
    {
        if (context is not null && context.Database.CurrentTransaction is null)
            Queue(context);
    }

    private void Queue(DbContext? context)
    {
        if (context is not OneStopDbContext db)
            return;
        ArmTimers(db);
        var dossiers = db.TakeDossiersWithNewMessages();
        if (dossiers.Count == 0 || !options.CurrentValue.Enabled)
            return;
        try
        {
            foreach (var dossierId in dossiers)
                scheduler.DeliverNow(dossierId);
        }
        catch (Exception e)
        {
            // The action is committed; failing the request now would only make the caller retry it. The
            // messages are safe in the outbox and the sweeper delivers them within a minute.
            logger.LogWarning(e, "Could not queue national portal delivery for {Count} dossiers; the sweeper will", dossiers.Count);
        }
    }

    private void ArmTimers(OneStopDbContext db)
    {
        var armed = db.TakeArmedTimers();
        try
        {
            foreach (var timer in armed)
                timers.Arm(timer);
        }
        catch (Exception e)
        {
            // The timers are stored; the sweeper fires them when due even without their own job.
            logger.LogWarning(e, "Could not schedule {Count} dossier timers; the sweeper will fire them", armed.Count);
        }
    }

    private static void Forget(DbContext? context) => (context as OneStopDbContext)?.ForgetDossiersWithNewMessages();
}
