using System.Text.Json.Nodes;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneStop.Infrastructure.NationalPortal;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Infrastructure.Outbox;

/// <summary>
/// Delivers outbox messages to the national portal (DESIGN §9): per dossier strictly in sequence order,
/// stopping at the first message that does not go through, so message N is never sent while N−1 is not
/// delivered. Consecutive progress steps go in one CapNhatTienDoHoSoMC call, at most ten. A node first claims
/// the dossier's lease in the database, so no two nodes send the same message. The job only carries out what
/// the domain already decided; it never changes a dossier.
/// </summary>
/// <remarks>
/// Safe to run twice, late or concurrently: everything is read from the database, the lease serialises the
/// senders of a dossier, and a repeated call is harmless (DVCQG's DongBoHoSoMC is an upsert; the mock portal
/// recognises our message numbers) should a node die between a send and its bookkeeping. When the portal comes
/// back after an outage (<see cref="PortalOutage"/>), every message waiting in its backoff is made due at once.
/// </remarks>
public sealed class OutboxDeliveryJob(
    IServiceScopeFactory scopes,
    IOutboxScheduler scheduler,
    PortalOutage outage,
    IOptionsMonitor<NationalPortalOptions> options,
    TimeProvider clock,
    ILogger<OutboxDeliveryJob> logger)
{
    /// <summary>DVCQG takes at most ten progress steps per call.</summary>
    public const int MaxProgressPerCall = 10;

    /// <summary>How often one run goes round a dossier whose messages keep arriving; the next job or the sweeper does the rest.</summary>
    private const int MaxRoundsPerRun = 5;

    /// <summary>How long one sweep goes on taking batches: under the minute between two sweeps.</summary>
    private static readonly TimeSpan SweepTimeBudget = TimeSpan.FromSeconds(50);

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
    /// whatever the per-dossier jobs missed (a node that died, a job that could not be queued, a lease that
    /// expired). While the portal is down it also sends the probe, if one is due.
    /// </summary>
    [AutomaticRetry(Attempts = 0)]
    public async Task<OutboxDeliveryReport> DeliverDueAsync(CancellationToken ct)
    {
        var settings = options.CurrentValue;
        if (!settings.Enabled)
            return OutboxDeliveryReport.None;
        var total = OutboxDeliveryReport.None;
        var started = clock.GetUtcNow();
        for (var pass = 0; ; pass++)
        {
            List<Guid> due;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
                // While the portal is down, the probe goes first and alone: if the portal is back, its success makes
                // every waiting message due, and the query below already sees them.
                if (pass == 0 && outage.TryTakeProbe(clock.GetUtcNow()) && await PrepareProbeAsync(db, ct) is { } probed)
                    total = (await DeliverDossierAsync(probed, ct)) with { Probes = 1 };
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

            var passed = OutboxDeliveryReport.None;
            var gate = new Lock();
            await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = settings.SweepParallelism, CancellationToken = ct },
                async (dossierId, token) =>
                {
                    var report = await DeliverDossierAsync(dossierId, token);
                    lock (gate)
                        passed = passed.Add(report);
                });
            total = total.Add(passed);
            // A full batch means more may be due (what this pass delivered no longer is): a backlog — after an outage,
            // a restart, a node that died — drains at the portal's pace, not one batch a minute. Not past the minute,
            // though, when the next sweep starts anyway; and not round again when this pass could claim nothing.
            if (due.Count < settings.SweepBatchSize || passed.Dossiers == 0 || clock.GetUtcNow() - started >= SweepTimeBudget)
                break;
        }
        if (total.Sent > 0 || total.DeadLettered > 0)
            logger.LogInformation(
                "National portal sweep: {Dossiers} dossiers, {Sent} sent, {Delivered} delivered, {Failed} to retry, {DeadLettered} dead-lettered, {Busy} held by another node",
                total.Dossiers, total.Sent, total.Delivered, total.TransientFailures, total.DeadLettered, total.Busy);
        return total;
    }

    /// <summary>
    /// One probe of a portal that is down: the dossier that has waited longest is tried now, whatever its backoff
    /// says. If the portal is back, that send reports the recovery and everything waiting drains at once.
    /// </summary>
    [AutomaticRetry(Attempts = 0)]
    public async Task<OutboxDeliveryReport> ProbeAsync(CancellationToken ct)
    {
        var settings = options.CurrentValue;
        if (!settings.Enabled || !outage.IsDown)
            return OutboxDeliveryReport.None;
        if (!outage.TryTakeProbe(clock.GetUtcNow()))
        {
            // The sweeper probed a moment ago; keep the chain of probes going for as long as the portal is down.
            if (outage.TryScheduleProbe(clock.GetUtcNow()))
                Schedule(() => scheduler.ProbeAfter(settings.ProbeInterval), "the next probe of the portal");
            return OutboxDeliveryReport.None;
        }
        Guid? probe;
        await using (var scope = scopes.CreateAsyncScope())
            probe = await PrepareProbeAsync(scope.ServiceProvider.GetRequiredService<OneStopDbContext>(), ct);
        return probe is { } dossierId ? (await DeliverDossierAsync(dossierId, ct)) with { Probes = 1 } : OutboxDeliveryReport.None;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Makes the message that has waited longest in its backoff due now; returns its dossier, or null when none waits.</summary>
    private async Task<Guid?> PrepareProbeAsync(OneStopDbContext db, CancellationToken ct)
    {
        var now = Now;
        // Only a dossier's first undelivered message ever waits in a backoff, so this is the head of its dossier.
        var waiting = await db.Outbox.AsNoTracking()
            .Where(m => m.State == OutboxState.Pending && m.NextAttemptAt > now)
            .Where(m => !db.Outbox.Any(d => d.DossierId == m.DossierId && d.State == OutboxState.DeadLettered))
            .OrderBy(m => m.NextAttemptAt)
            .Select(m => new { m.Id, m.DossierId })
            .FirstOrDefaultAsync(ct);
        if (waiting is null)
            return null;
        await db.Outbox.Where(m => m.Id == waiting.Id && m.State == OutboxState.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, now), ct);
        return waiting.DossierId;
    }

    /// <summary>
    /// Delivers the dossier's due messages under its lease. A job that finds the lease taken gives up at once and
    /// counts on the holder; but the holder may have read "nothing more" just before that job's messages committed.
    /// So after letting the lease go, the holder looks once more and goes round again if a message is due: no
    /// message ever waits for the minutely sweeper because two jobs of its dossier crossed.
    /// </summary>
    private async Task<OutboxDeliveryReport> DeliverDossierAsync(Guid dossierId, CancellationToken ct)
    {
        var report = OutboxDeliveryReport.None;
        for (var round = 0; round < MaxRoundsPerRun; round++)
        {
            var (delivered, held) = await DeliverUnderLeaseAsync(dossierId, ct);
            report = report.Add(round == 0 ? delivered : delivered with { Dossiers = 0 });
            if (!held || !await HasDueHeadAsync(dossierId, ct))
                break;
        }
        return report;
    }

    /// <summary>Whether the dossier's first undelivered message is pending and due now (not in a backoff, not a dead letter).</summary>
    private async Task<bool> HasDueHeadAsync(Guid dossierId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var head = await db.Outbox.AsNoTracking()
            .Where(m => m.DossierId == dossierId && m.State != OutboxState.Delivered)
            .OrderBy(m => m.Sequence)
            .Select(m => new { m.State, m.NextAttemptAt })
            .FirstOrDefaultAsync(ct);
        return head is { State: OutboxState.Pending } && head.NextAttemptAt <= Now;
    }

    private async Task<(OutboxDeliveryReport Report, bool Held)> DeliverUnderLeaseAsync(Guid dossierId, CancellationToken ct)
    {
        var settings = options.CurrentValue;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        // Unique per run, not per node: two jobs of the same node exclude each other as well.
        var owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
        var claimedAt = Now;
        if (!await OutboxLeases.TryClaimAsync(db, dossierId, owner, claimedAt, settings.LeaseDuration, ct))
            return (new OutboxDeliveryReport(Busy: 1), false);
        var leaseUntil = claimedAt + settings.LeaseDuration;
        // A lease with more left than the longest a message can take — a sign-in, the TraCuuHoSo check and the send,
        // each with every attempt timing out — cannot expire before the next message is done, so nobody can have
        // taken it: renewing it then would only cost a write per message (issue 12's drain). Past that, or when the
        // lease is shorter than that, it is renewed before every send as before.
        var longestMessage = settings.AttemptTimeout * (settings.ClientRetries + 1) * 3;

        var report = new OutboxDeliveryReport(Dossiers: 1);
        try
        {
            var client = scope.ServiceProvider.GetRequiredService<NationalPortalClient>();
            var directories = scope.ServiceProvider.GetRequiredService<DvcqgDirectoryLoader>();
            bool? portalHasDossier = null;
            while (true)
            {
                // Everything not delivered yet, in order; nothing after the first may overtake it. Messages added
                // while we deliver are picked up by the next round of this loop.
                var pending = await db.Outbox.AsNoTracking()
                    .Where(m => m.DossierId == dossierId && m.State != OutboxState.Delivered)
                    .OrderBy(m => m.Sequence)
                    .ToListAsync(ct);
                if (pending.Count == 0)
                    break;
                var directory = await directories.LoadAsync(db, dossierId,
                    DvcqgCompletion.Referenced(pending.Select(m => JsonNode.Parse(m.Payload)!.AsObject())), ct);
                // Message 1 is always the dossier's first DongBoHoSoMC, and nothing is delivered out of order: if the
                // first undelivered message is a later one, the portal has had the dossier since message 1.
                portalHasDossier ??= pending[0].Sequence > 1;

                for (var index = 0; index < pending.Count;)
                {
                    var message = pending[index];
                    // Done, or waiting behind a dead letter until an admin retries it.
                    if (message.State == OutboxState.DeadLettered)
                        return (report, true);
                    var now = Now;
                    // Still in its backoff; the retry job scheduled with it (or the sweeper, or a recovery) comes back then.
                    if (message.NextAttemptAt > now)
                        return (report, true);
                    if (now - (message.RequeuedAt ?? message.CreatedAt) > settings.MaxAge)
                    {
                        await DeadLetterAsync(db, message, $"Quá {settings.MaxAge.TotalDays:0.#} ngày vẫn chưa gửi được lên Cổng DVCQG; lỗi gần nhất: {message.LastError ?? "không có"}", now);
                        return (report with { DeadLettered = report.DeadLettered + 1 }, true);
                    }
                    if (leaseUntil - now <= longestMessage)
                    {
                        if (!await OutboxLeases.RenewAsync(db, dossierId, owner, now, settings.LeaseDuration, ct))
                            return (report, false); // lost to another claimer: it carries on
                        leaseUntil = now + settings.LeaseDuration;
                    }

                    var batch = Batch(pending, index);
                    var madonvi = settings.MaDonVi ?? DvcqgSnapshot.AgencyOf(message.DossierCode);
                    bool? isUpdating = null;
                    if (message.Type == DvcqgPayload.DongBoHoSoMC)
                        // After a failed try the insert may have reached the portal without our hearing back: ask it (TraCuuHoSo).
                        isUpdating = portalHasDossier == true
                            || message.Attempts > 0 && await client.ExistsAsync(message.DossierCode, madonvi, ct) == true;
                    var call = new DvcqgCall(message.Type, madonvi, message.Sequence,
                        batch.Select(m => DvcqgCompletion.Complete(m.Type, m.Payload, directory)).ToList(), isUpdating);
                    var result = await client.SendAsync(call, ct);
                    report = report with
                    {
                        Sent = report.Sent + 1,
                        SessionRenewals = report.SessionRenewals + (result.SessionRenewed ? 1 : 0),
                    };
                    // From here on the outcome is recorded even if we are shutting down: a delivered message left
                    // Pending would only be sent again, but why make it.
                    now = Now;
                    if (result.Outcome == DeliveryOutcome.Delivered)
                    {
                        var ids = batch.Select(m => m.Id).ToList();
                        await db.Outbox.Where(m => ids.Contains(m.Id) && m.State == OutboxState.Pending)
                            .ExecuteUpdateAsync(s => s
                                .SetProperty(m => m.State, OutboxState.Delivered)
                                .SetProperty(m => m.DeliveredAt, now)
                                .SetProperty(m => m.Attempts, m => m.Attempts + 1), CancellationToken.None);
                        if (message.Type == DvcqgPayload.DongBoHoSoMC)
                            portalHasDossier = true;
                        report = report with { Delivered = report.Delivered + batch.Count };
                        // The end of an outage: seen on this node, or told by a message that failed again and again (another node saw it).
                        if (outage.RecordSuccess() || message.Attempts >= settings.OutageThreshold)
                            report = report with { Requeued = report.Requeued + await RecoverAsync(db, now) };
                        index += batch.Count;
                        continue;
                    }
                    if (result.Outcome == DeliveryOutcome.Permanent)
                    {
                        await DeadLetterAsync(db, message, result.Error ?? "Cổng DVCQG từ chối bản tin.", now);
                        return (report with { DeadLettered = report.DeadLettered + 1 }, true);
                    }
                    return (report.Add(await BackOffAsync(db, message, result.Error, now)), true);
                }
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
        return (report, true);
    }

    /// <summary>The message at <paramref name="index"/>, with the progress steps right after it when it is one (at most ten).</summary>
    private static List<OutboxMessage> Batch(List<OutboxMessage> pending, int index)
    {
        var batch = new List<OutboxMessage> { pending[index] };
        if (pending[index].Type != DvcqgPayload.CapNhatTienDoHoSoMC)
            return batch;
        for (var i = index + 1; i < pending.Count && batch.Count < MaxProgressPerCall; i++)
        {
            var next = pending[i];
            if (next.Type != DvcqgPayload.CapNhatTienDoHoSoMC || next.State != OutboxState.Pending || next.Sequence != batch[^1].Sequence + 1)
                break;
            batch.Add(next);
        }
        return batch;
    }

    /// <summary>A transient failure: the message waits out its backoff, and a down portal gets its next probe scheduled.</summary>
    private async Task<OutboxDeliveryReport> BackOffAsync(OneStopDbContext db, OutboxMessage message, string? error, DateTime now)
    {
        var settings = options.CurrentValue;
        var delay = OutboxBackoff.Delay(message.Attempts + 1, settings.BaseBackoff, settings.MaxBackoff, Random.Shared.NextDouble());
        await db.Outbox.Where(m => m.Id == message.Id && m.State == OutboxState.Pending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                .SetProperty(m => m.LastError, error)
                .SetProperty(m => m.NextAttemptAt, now + delay), CancellationToken.None);
        var clockNow = clock.GetUtcNow();
        if (outage.RecordFailure(clockNow))
            logger.LogWarning("National portal counts as down after {Failures} failed sends in a row; probing every {Interval}",
                settings.OutageThreshold, settings.ProbeInterval);
        Schedule(() => scheduler.DeliverAfter(message.DossierId, delay), $"the retry of dossier {message.DossierId}");
        if (outage.TryScheduleProbe(clockNow))
            Schedule(() => scheduler.ProbeAfter(settings.ProbeInterval), "the next probe of the portal");
        logger.LogDebug("Portal did not take {Key} (attempt {Attempt}): {Error}; next try in {Delay}",
            message.IdempotencyKey, message.Attempts + 1, error, delay);
        return new OutboxDeliveryReport(TransientFailures: 1, MaxBackoff: delay);
    }

    /// <summary>The portal is back: every message waiting in a backoff is due now, and a sweep is queued to send them.</summary>
    private async Task<int> RecoverAsync(OneStopDbContext db, DateTime now)
    {
        var requeued = await db.Outbox.Where(m => m.State == OutboxState.Pending && m.NextAttemptAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, now), CancellationToken.None);
        logger.LogInformation("National portal is back: {Count} waiting messages are due again", requeued);
        if (requeued > 0)
        {
            try
            {
                scheduler.SweepNow();
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Could not queue the sweep after the portal came back; the minutely sweeper will do it");
            }
        }
        return requeued;
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

    private void Schedule(Action schedule, string what)
    {
        try
        {
            schedule();
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not schedule {What}; the minutely sweeper will do it", what);
        }
    }
}
