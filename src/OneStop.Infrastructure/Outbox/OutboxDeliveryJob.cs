using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneStop.Infrastructure.Definitions;
using OneStop.Infrastructure.NationalPortal;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Infrastructure.Outbox;

/// <summary>
/// Delivers outbox messages to the national portal (DESIGN §9): per dossier strictly in sequence order,
/// stopping at the first message that does not go through, so message N is never sent while N−1 is not
/// delivered. A node first claims the dossier's lease in the database, so no two nodes send the same
/// message. The job only carries out what the domain already decided; it never changes a dossier.
/// </summary>
/// <remarks>
/// Safe to run twice, late or concurrently: everything is read from the database, the lease serialises
/// the senders of a dossier, and the portal deduplicates by idempotency key should a node die between a
/// send and its bookkeeping.
/// </remarks>
public sealed class OutboxDeliveryJob(
    IServiceScopeFactory scopes,
    IOutboxScheduler scheduler,
    DefinitionCatalog catalog,
    IOptionsMonitor<NationalPortalOptions> options,
    TimeProvider clock,
    ILogger<OutboxDeliveryJob> logger)
{
    /// <summary>Delivers what is due for one dossier: queued after every commit that adds messages, and for each retry.</summary>
    // Portal failures never throw (they become backoffs); what throws is database trouble: one Hangfire retry,
    // then the sweeper a minute later.
    [AutomaticRetry(Attempts = 1)]
    public async Task<OutboxDeliveryReport> RunAsync(Guid dossierId, CancellationToken ct)
    {
        if (!options.CurrentValue.Enabled)
            return OutboxDeliveryReport.None;
        return await DeliverDossierAsync(dossierId, ct);
    }

    /// <summary>
    /// The sweeper: every dossier with a due pending message that is not stuck behind a dead letter. Catches
    /// whatever the per-dossier jobs missed (a node that died, a job that could not be queued, a lease that expired).
    /// </summary>
    [AutomaticRetry(Attempts = 0)]
    public async Task<OutboxDeliveryReport> DeliverDueAsync(CancellationToken ct)
    {
        var settings = options.CurrentValue;
        if (!settings.Enabled)
            return OutboxDeliveryReport.None;
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            var now = Now;
            due = await db.Outbox.AsNoTracking()
                .Where(m => m.State == OutboxState.Pending && m.NextAttemptAt <= now)
                .Where(m => !db.Outbox.Any(d => d.DossierId == m.DossierId && d.State == OutboxState.DeadLettered))
                .GroupBy(m => m.DossierId)
                .Select(g => new { DossierId = g.Key, Due = g.Min(m => m.NextAttemptAt) })
                .OrderBy(g => g.Due)
                .Take(settings.SweepBatchSize)
                .Select(g => g.DossierId)
                .ToListAsync(ct);
        }

        var total = OutboxDeliveryReport.None;
        var gate = new Lock();
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = settings.SweepParallelism, CancellationToken = ct },
            async (dossierId, token) =>
            {
                var report = await DeliverDossierAsync(dossierId, token);
                lock (gate)
                    total = total.Add(report);
            });
        if (total.Sent > 0 || total.DeadLettered > 0)
            logger.LogInformation(
                "National portal sweep: {Dossiers} dossiers, {Sent} sent, {Delivered} delivered, {Failed} to retry, {DeadLettered} dead-lettered, {Busy} held by another node",
                total.Dossiers, total.Sent, total.Delivered, total.TransientFailures, total.DeadLettered, total.Busy);
        return total;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<OutboxDeliveryReport> DeliverDossierAsync(Guid dossierId, CancellationToken ct)
    {
        var settings = options.CurrentValue;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        // Unique per run, not per node: two jobs of the same node exclude each other as well.
        var owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
        if (!await OutboxLeases.TryClaimAsync(db, dossierId, owner, Now, settings.LeaseDuration, ct))
            return new OutboxDeliveryReport(Busy: 1);

        var report = new OutboxDeliveryReport(Dossiers: 1);
        try
        {
            var client = scope.ServiceProvider.GetRequiredService<NationalPortalClient>();
            DvcqgProcedure? procedure = null;
            while (true)
            {
                // The lowest message not delivered yet; nothing after it may overtake it.
                var message = await db.Outbox.AsNoTracking()
                    .Where(m => m.DossierId == dossierId && m.State != OutboxState.Delivered)
                    .OrderBy(m => m.Sequence)
                    .FirstOrDefaultAsync(ct);
                // Done, or waiting behind a dead letter until an admin retries it.
                if (message is null || message.State == OutboxState.DeadLettered)
                    break;
                var now = Now;
                // Still in its backoff; the retry job scheduled with it (or the sweeper) comes back then.
                if (message.NextAttemptAt > now)
                    break;
                if (now - (message.RequeuedAt ?? message.CreatedAt) > settings.MaxAge)
                {
                    await DeadLetterAsync(db, message, $"Quá {settings.MaxAge.TotalDays:0.#} ngày vẫn chưa gửi được lên Cổng DVCQG; lỗi gần nhất: {message.LastError ?? "không có"}", now);
                    report = report with { DeadLettered = report.DeadLettered + 1 };
                    break;
                }
                if (!await OutboxLeases.RenewAsync(db, dossierId, owner, now, settings.LeaseDuration, ct))
                    break;

                procedure ??= await LoadProcedureAsync(db, dossierId, ct);
                var result = await client.SendAsync(message.Type, DvcqgPayload.Complete(message.Payload, procedure), ct);
                report = report with { Sent = report.Sent + 1 };
                // From here on the outcome is recorded even if we are shutting down: a delivered message left
                // Pending would only be sent again (the portal answers "duplicate"), but why make it.
                now = Now;
                if (result.Outcome == DeliveryOutcome.Delivered)
                {
                    await db.Outbox.Where(m => m.Id == message.Id && m.State == OutboxState.Pending)
                        .ExecuteUpdateAsync(s => s
                            .SetProperty(m => m.State, OutboxState.Delivered)
                            .SetProperty(m => m.DeliveredAt, now)
                            .SetProperty(m => m.Attempts, m => m.Attempts + 1), CancellationToken.None);
                    report = report with { Delivered = report.Delivered + 1, Duplicates = report.Duplicates + (result.Duplicate ? 1 : 0) };
                    continue;
                }
                if (result.Outcome == DeliveryOutcome.Permanent)
                {
                    await DeadLetterAsync(db, message, result.Error ?? "Cổng DVCQG từ chối bản tin.", now);
                    report = report with { DeadLettered = report.DeadLettered + 1 };
                    break;
                }
                var delay = OutboxBackoff.Delay(message.Attempts + 1, settings.BaseBackoff, settings.MaxBackoff, Random.Shared.NextDouble());
                await db.Outbox.Where(m => m.Id == message.Id && m.State == OutboxState.Pending)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                        .SetProperty(m => m.LastError, result.Error)
                        .SetProperty(m => m.NextAttemptAt, now + delay), CancellationToken.None);
                ScheduleRetry(dossierId, delay);
                logger.LogDebug("Portal did not take {Key} (attempt {Attempt}): {Error}; next try in {Delay}",
                    message.IdempotencyKey, message.Attempts + 1, result.Error, delay);
                report = report with
                {
                    TransientFailures = report.TransientFailures + 1,
                    MaxBackoff = delay > report.MaxBackoff ? delay : report.MaxBackoff,
                };
                break;
            }
        }
        finally
        {
            try
            {
                await OutboxLeases.ReleaseAsync(db, dossierId, owner, CancellationToken.None);
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Could not release the outbox lease of dossier {DossierId}; it expires by itself", dossierId);
            }
        }
        return report;
    }

    private async Task DeadLetterAsync(OneStopDbContext db, OutboxMessage message, string error, DateTime now)
    {
        await db.Outbox.Where(m => m.Id == message.Id && m.State == OutboxState.Pending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.State, OutboxState.DeadLettered)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                .SetProperty(m => m.LastError, error.Length <= 2000 ? error : error[..2000])
                .SetProperty(m => m.NextAttemptAt, (DateTime?)null), CancellationToken.None);
        logger.LogWarning("Outbox message {Key} dead-lettered at {Now:O}: {Error}", message.IdempotencyKey, now, error);
    }

    private void ScheduleRetry(Guid dossierId, TimeSpan delay)
    {
        try
        {
            scheduler.DeliverAfter(dossierId, delay);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not schedule the retry of dossier {DossierId}; the sweeper will pick it up", dossierId);
        }
    }

    /// <summary>The procedure fields of the version the dossier is pinned to (published versions never change).</summary>
    private async Task<DvcqgProcedure> LoadProcedureAsync(OneStopDbContext db, Guid dossierId, CancellationToken ct)
    {
        var pinned = await db.Dossiers.AsNoTracking()
            .Where(d => d.Id == dossierId)
            .Select(d => new { d.ProcedureId, d.DefinitionVersion })
            .FirstAsync(ct);
        var definition = (await catalog.GetAsync(db, pinned.ProcedureId, pinned.DefinitionVersion, ct))?.Definition;
        return new DvcqgProcedure(definition?.ProcedureCode ?? pinned.ProcedureId, definition?.Name ?? pinned.ProcedureId, definition?.Field);
    }
}
