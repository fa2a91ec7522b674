using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OneStop.Domain.Dossiers;
using OneStop.Infrastructure.Definitions;
using OneStop.Infrastructure.Dossiers;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Infrastructure.Timers;

/// <summary>
/// Fires dossier timers (DESIGN §4.1): a wait that elapses, a consultation deemed agreed or escalated, a due date
/// near or passed. Arguments are ids only and the decision is the dossier's, asked as <c>system</c>: a job that
/// runs late, twice or on two nodes at once finds the timer done or the dossier moved on and does nothing.
/// </summary>
public sealed class DossierTimerJob(
    OneStopDbContext db, DefinitionCatalog catalog, DossierContextFactory contexts, TimeProvider clock, ILogger<DossierTimerJob> logger)
{
    /// <summary>The recurring job's id: every minute, whatever is due and not done.</summary>
    public const string RecurringJobId = "dossier-timers-sweeper";

    /// <summary>Fires one timer; true when it is done (or gone).</summary>
    public async Task<bool> RunAsync(Guid dossierId, Guid timerId, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var dossier = await db.Dossiers.Include(d => d.Events).Include(d => d.Pauses).Include(d => d.Consultations).Include(d => d.Timers)
                .AsSplitQuery().FirstOrDefaultAsync(d => d.Id == dossierId, ct);
            if (dossier is null)
                return true;
            var model = await catalog.GetPinnedAsync(db, dossier, ct);
            var context = await contexts.CreateAsync(model, Actor.System, ct);
            var outcome = dossier.FireTimer(timerId, context);
            if (outcome == TimerOutcome.NotYet)
                return false;
            try
            {
                await db.SaveChangesAsync(ct);
                return true;
            }
            catch (DbUpdateException e) when (attempt < 3)
            {
                // Someone acted on the dossier at the same moment; ask the model again on the fresh state.
                logger.LogInformation(e, "Timer {TimerId} of dossier {DossierId} raced another change; retrying", timerId, dossierId);
            }
        }
    }

    /// <summary>Fires every timer that is due by the clock and not done: the minutely sweeper and the start-up pass.</summary>
    public async Task<int> RunDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.DossierTimers.AsNoTracking().Where(t => t.DoneAt == null && t.DueAt <= now)
            .OrderBy(t => t.DueAt).Select(t => new { DossierId = EF.Property<Guid>(t, "DossierId"), t.Id }).Take(500).ToListAsync(ct);
        var fired = 0;
        foreach (var timer in due)
        {
            try
            {
                if (await RunAsync(timer.DossierId, timer.Id, ct))
                    fired++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One broken dossier must not stop the others; the next sweep tries it again.
                logger.LogError(e, "Timer {TimerId} of dossier {DossierId} failed", timer.Id, timer.DossierId);
            }
        }
        return fired;
    }
}
