using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Api.Common;
using OneStop.Infrastructure.NationalPortal;
using OneStop.Infrastructure.Outbox;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Api.Features.Admin.Sync;

public static class RetrySyncMessage
{
    /// <summary>
    /// Puts a dead letter back in line, due now, and queues its dossier's delivery. Its attempts and last
    /// error stay for the record; the age limit starts again from now.
    /// </summary>
    public static async Task<Results<Ok<SyncMessageResponse>, ProblemHttpResult>> Handle(
        long id, OneStopDbContext db, IOutboxScheduler scheduler, IOptionsMonitor<NationalPortalOptions> portal,
        TimeProvider clock, ILoggerFactory logs, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Conditional, so two admins pressing retry at once requeue it once and the second hears 409.
        var requeued = await db.Outbox
            .Where(m => m.Id == id && m.State == OutboxState.DeadLettered)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.State, OutboxState.Pending)
                .SetProperty(m => m.NextAttemptAt, now)
                .SetProperty(m => m.RequeuedAt, now), ct);
        var message = await db.Outbox.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (message is null)
            return Problems.NotFound($"Không có bản tin đồng bộ số {id}.");
        if (requeued == 0)
            return Problems.Conflict($"Bản tin {message.IdempotencyKey} đang ở trạng thái {message.State}; chỉ bản tin bị dừng (DeadLettered) mới gửi lại được.");

        if (portal.CurrentValue.Enabled)
        {
            try
            {
                scheduler.DeliverNow(message.DossierId);
            }
            catch (Exception e)
            {
                // Requeued in the database already; the sweeper sends it within a minute.
                logs.CreateLogger(typeof(RetrySyncMessage)).LogWarning(e, "Could not queue delivery of requeued message {Id}", id);
            }
        }
        return TypedResults.Ok(SyncMessageResponse.From(message));
    }
}
