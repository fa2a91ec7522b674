using System.Globalization;
using OneStop.Domain.Dossiers;
using OneStop.Infrastructure.Events;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Infrastructure.NationalServices;

/// <summary>
/// <c>request-payment</c> opens an order of the dossier's computed fee, in the transaction of the action (DESIGN §14);
/// it is created at the platform right after (<see cref="PaymentOrders.SendAsync"/>), or later by the reconciliation
/// if the platform is down, so asking for payment is never blocked by it.
/// </summary>
public sealed class PaymentRequestedHandler(TimeProvider clock) : IDomainEventHandler
{
    public Task HandleAsync(IDomainEvent domainEvent, OneStopDbContext db, CancellationToken ct)
    {
        if (domainEvent is DossierChanged { Dossier: var dossier, Event: { Action: DossierActions.RequestPayment } entry } && dossier.FeeAmount > 0)
            db.PaymentOrders.Add(new PaymentOrder
            {
                Id = Guid.CreateVersion7(clock.GetUtcNow()),
                DossierId = dossier.Id,
                DossierCode = dossier.Code,
                // One order per request: a dossier asked to pay twice (after a return) gets a second order, never the first again.
                MerchantOrderRef = $"{dossier.Code}-{entry.Sequence.ToString(CultureInfo.InvariantCulture)}",
                Amount = dossier.FeeAmount,
                State = PaymentOrderState.Unsent,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            });
        return Task.CompletedTask;
    }
}
