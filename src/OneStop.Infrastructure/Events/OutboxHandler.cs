using Microsoft.EntityFrameworkCore;
using OneStop.Domain.Dossiers;
using OneStop.Infrastructure.NationalPortal;
using OneStop.Infrastructure.Persistence;
using Leases = OneStop.Infrastructure.Outbox.OutboxLeases;

namespace OneStop.Infrastructure.Events;

/// <summary>
/// Every history event becomes outbox messages for the national portal (<see cref="DvcqgPayload.ForEvent"/>), in the transaction that records it:
/// a rolled-back action reports nothing, a committed one cannot be forgotten (DESIGN §9).
/// </summary>
public sealed class OutboxHandler(TimeProvider clock) : IDomainEventHandler
{
    public Task HandleAsync(IDomainEvent domainEvent, OneStopDbContext db, CancellationToken ct)
    {
        if (domainEvent is not DossierChanged { Dossier: var dossier, Event: var entry })
            return Task.CompletedTask;
        var now = clock.GetUtcNow().UtcDateTime;
        // A new dossier's lease row, free: claiming it later is then a plain conditional UPDATE.
        if (db.Entry(dossier).State == EntityState.Added && db.OutboxLeases.Local.All(l => l.DossierId != dossier.Id))
            db.OutboxLeases.Add(Leases.NewFor(dossier.Id));
        foreach (var message in DvcqgPayload.ForEvent(dossier, entry))
            db.Outbox.Add(new OutboxMessage
            {
                DossierId = dossier.Id,
                DossierCode = dossier.Code,
                Sequence = message.Sequence,
                IdempotencyKey = DvcqgPayload.IdempotencyKey(dossier.Code, message.Sequence),
                Type = message.Type,
                Payload = message.Payload,
                CreatedAt = now,
                State = OutboxState.Pending,
                NextAttemptAt = now,
            });
        db.NoteNewOutboxMessage(dossier.Id);
        return Task.CompletedTask;
    }
}
