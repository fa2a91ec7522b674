using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Infrastructure.NationalServices;

/// <summary>
/// The reconciliation (DESIGN §14): every few minutes, orders the platform never created are created, and orders
/// unpaid for <see cref="PaymentSettings.ReconcileAfter"/> are asked about; a paid one is settled as if its lost
/// callback had come. Safe to run twice or on two nodes: settling is idempotent.
/// </summary>
public sealed class PaymentReconciliationJob(OneStopDbContext db, PaymentOrders orders, PaymentPlatformClient platform,
    IOptionsMonitor<NationalServicesOptions> options, TimeProvider clock, ILogger<PaymentReconciliationJob> logger)
{
    public const string RecurringJobId = "payment-reconciliation";

    /// <summary>How many orders it settled.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var unsent in await db.PaymentOrders.Where(o => o.State == PaymentOrderState.Unsent).OrderBy(o => o.CreatedAt).Take(200).ToListAsync(ct))
            await orders.SendAsync(unsent, ct);

        var before = now - options.CurrentValue.Payment.ReconcileAfter;
        var waiting = await db.PaymentOrders.AsNoTracking()
            .Where(o => o.State == PaymentOrderState.Pending && o.SentAt <= before).OrderBy(o => o.SentAt)
            .Select(o => o.OrderId!).Take(200).ToListAsync(ct);
        var settled = 0;
        foreach (var orderId in waiting)
        {
            var answer = await platform.GetOrderAsync(orderId, ct);
            if (answer.Order is not { Status: "paid" } paid)
            {
                if (answer.Problem is not null)
                    logger.LogWarning("Reconciliation could not ask about order {OrderId}: {Problem}", orderId, answer.Problem);
                continue;
            }
            var receipt = System.Text.Json.JsonSerializer.Serialize(paid);
            if (await orders.SettleAsync(orderId, paid.TransactionNo ?? "", paid.PaidAt ?? clock.GetUtcNow(), receipt, "reconciliation", null, ct)
                == SettleOutcome.Settled)
                settled++;
        }
        return settled;
    }
}
