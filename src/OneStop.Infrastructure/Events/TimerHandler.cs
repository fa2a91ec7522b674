using OneStop.Domain.Dossiers;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Infrastructure.Events;

/// <summary>A stored timer gets its background job once the transaction that stored it commits (see <c>Outbox/OutboxEnqueueInterceptor</c>).</summary>
public sealed class TimerHandler : IDomainEventHandler
{
    public Task HandleAsync(IDomainEvent domainEvent, OneStopDbContext db, CancellationToken ct)
    {
        if (domainEvent is TimerArmed armed)
            db.NoteArmedTimer(armed);
        return Task.CompletedTask;
    }
}
