using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Domain.Dossiers;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Infrastructure.Events;

/// <summary>Does what one kind of domain event asks, inside the transaction of the change that raised it.</summary>
public interface IDomainEventHandler
{
    Task HandleAsync(IDomainEvent domainEvent, OneStopDbContext db, CancellationToken ct);
}

/// <summary>
/// Hands the domain events of the dossiers about to be saved to their handlers — the outbox row of every history
/// event, the issued results, the notifications — before the save, so their rows commit or roll back with the
/// change. Handlers are resolved from the request's scope when the first event comes (they may need the same
/// DbContext). Events a handler raises are handled in the same pass.
/// </summary>
public sealed class DomainEventDispatcher(IServiceProvider services)
{
    private IReadOnlyList<IDomainEventHandler>? _handlers;

    public async Task DispatchAsync(OneStopDbContext db, CancellationToken ct)
    {
        for (var pass = 0; pass < 10; pass++)
        {
            var dossiers = db.ChangeTracker.Entries<Dossier>().Select(e => e.Entity).Where(d => d.DomainEvents.Count > 0).ToList();
            if (dossiers.Count == 0)
                return;
            var events = dossiers.SelectMany(d => d.DomainEvents).ToList();
            dossiers.ForEach(d => d.ClearDomainEvents());
            _handlers ??= services.GetServices<IDomainEventHandler>().ToList();
            foreach (var domainEvent in events)
                foreach (var handler in _handlers)
                    await handler.HandleAsync(domainEvent, db, ct);
        }
        throw new InvalidOperationException("Domain event handlers kept raising events; giving up after 10 passes.");
    }
}
