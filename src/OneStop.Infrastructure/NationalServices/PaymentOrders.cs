using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneStop.Domain.Dossiers;
using OneStop.Domain.Dossiers.Actions;
using OneStop.Infrastructure.Definitions;
using OneStop.Infrastructure.Dossiers;
using OneStop.Infrastructure.Persistence;
using OneStop.Infrastructure.Units;

namespace OneStop.Infrastructure.NationalServices;

/// <summary>What settling an order did.</summary>
public enum SettleOutcome
{
    /// <summary>The order is now paid and the dossier, if it waited for the money, went on as <c>system</c>.</summary>
    Settled,
    /// <summary>The order was paid already (by the reconciliation, say): nothing more to do.</summary>
    AlreadySettled,
    /// <summary>This very callback was taken before: refused, nothing changed.</summary>
    Replayed,
    /// <summary>No order with that id.</summary>
    NotFound,
}

/// <summary>
/// Creating orders at the platform and settling them when they are paid — by the platform's signed callback or by
/// the reconciliation job asking it. Settling confirms the payment as <c>system</c> in the same transaction as the
/// order's change, so the dossier leaves <c>AwaitingPayment</c> by itself, once.
/// </summary>
public sealed class PaymentOrders(
    OneStopDbContext db, PaymentPlatformClient platform, DefinitionCatalog catalog, DossierContextFactory contexts,
    IOptionsMonitor<NationalServicesOptions> options, TimeProvider clock, ILogger<PaymentOrders> logger, IServer? server = null)
{
    public const string CallbackPath = "/api/payments/callback";

    /// <summary>The dossier's latest order, if any.</summary>
    public Task<PaymentOrder?> LatestAsync(Guid dossierId, CancellationToken ct) =>
        db.PaymentOrders.Where(o => o.DossierId == dossierId).OrderByDescending(o => o.CreatedAt).FirstOrDefaultAsync(ct);

    /// <summary>Creates an unsent order at the platform (idempotent there by our reference); false with the reason when it cannot now.</summary>
    public async Task<(bool Sent, string? Problem)> SendAsync(PaymentOrder order, CancellationToken ct)
    {
        if (order.State != PaymentOrderState.Unsent)
            return (true, null);
        var answer = await platform.CreateOrderAsync(order.MerchantOrderRef, (long)decimal.Round(order.Amount, 0, MidpointRounding.AwayFromZero),
            $"Nộp phí, lệ phí hồ sơ {order.DossierCode}", CallbackUrl(), ct);
        order.LastCheckedAt = clock.GetUtcNow().UtcDateTime;
        if (answer.Order is not { } created)
        {
            order.LastError = answer.Problem;
            await SaveQuietlyAsync(ct);
            return (false, answer.Problem);
        }
        order.State = PaymentOrderState.Pending;
        order.OrderId = created.OrderId;
        order.PayUrl = created.PayUrl;
        order.SentAt = clock.GetUtcNow().UtcDateTime;
        order.LastError = null;
        order.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another request created it at the same moment: the platform gave both the same order.
            await db.Entry(order).ReloadAsync(ct);
        }
        return (true, null);
    }

    /// <summary>
    /// Marks the order paid and confirms the payment on its dossier as <c>system</c>, all in one transaction. With
    /// <paramref name="callbackHash"/> the callback itself is recorded too, so the same callback again is refused as
    /// a replay — also when two identical ones arrive at once (one insert wins).
    /// </summary>
    public async Task<SettleOutcome> SettleAsync(string orderId, string transactionNo, DateTimeOffset paidAt, string receipt,
        string settledBy, string? callbackHash, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var order = await db.PaymentOrders.FirstOrDefaultAsync(o => o.OrderId == orderId, ct);
            if (order is null)
                return SettleOutcome.NotFound;
            var now = clock.GetUtcNow().UtcDateTime;
            if (callbackHash is not null)
            {
                if (await db.PaymentCallbacks.AnyAsync(c => c.BodyHash == callbackHash, ct))
                    return SettleOutcome.Replayed;
                db.PaymentCallbacks.Add(new PaymentCallbackRecord { BodyHash = callbackHash, OrderId = orderId, ReceivedAt = now });
            }
            var outcome = order.State == PaymentOrderState.Paid ? SettleOutcome.AlreadySettled : SettleOutcome.Settled;
            UnitsHeld? held = null;
            if (outcome == SettleOutcome.Settled)
            {
                order.State = PaymentOrderState.Paid;
                order.PaidAt = paidAt.UtcDateTime;
                order.TransactionNo = transactionNo;
                order.SettledBy = settledBy;
                order.Receipt = receipt;
                order.LastError = null;
                order.Version++;
                held = await ConfirmOnDossierAsync(order, ct);
            }
            await using var transaction = await db.Database.BeginWriteTransactionAsync(ct);
            // As every action: the units the dossier leaves and lands at stay open until the commit (a merge waits);
            // one that ended meanwhile had its dossiers moved, so the next attempt finds it at the successor.
            if (held is not null && await UnitLocks.HoldOpenAsync(db, held.Units, held.Today, ct) is [var ended, ..])
            {
                await transaction.RollbackAsync(ct);
                if (attempt >= 3)
                    throw new InvalidOperationException($"Unit {ended} ended while order {orderId} was being settled; the reconciliation tries again.");
                continue;
            }
            try
            {
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return outcome;
            }
            catch (DbUpdateException e)
            {
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                if (callbackHash is not null && await db.PaymentCallbacks.AnyAsync(c => c.BodyHash == callbackHash, ct))
                    return SettleOutcome.Replayed;
                if (attempt >= 3)
                    throw;
                // The dossier or the order changed under us (an officer acting, the reconciliation): decide again.
                logger.LogInformation(e, "Settling order {OrderId} raced another change; retrying", orderId);
            }
        }
    }

    /// <summary>The units a confirmation moves a dossier between, to hold open until the commit.</summary>
    private sealed record UnitsHeld(IReadOnlyList<string> Units, DateOnly Today);

    /// <summary>
    /// The dossier leaves <c>AwaitingPayment</c> by itself when it waits for this money; otherwise it is left alone
    /// (null: no dossier was changed).
    /// </summary>
    private async Task<UnitsHeld?> ConfirmOnDossierAsync(PaymentOrder order, CancellationToken ct)
    {
        var dossier = await db.Dossiers.Include(d => d.Events).Include(d => d.Pauses).Include(d => d.Consultations).Include(d => d.Timers)
            .AsSplitQuery().FirstOrDefaultAsync(d => d.Id == order.DossierId, ct);
        if (dossier is null)
            return null;
        var model = await catalog.GetPinnedAsync(db, dossier, ct);
        var context = await contexts.CreateAsync(model, Actor.System, ct);
        if (dossier.Check(DossierActions.ConfirmPayment, context) is { } refusal)
        {
            logger.LogInformation("Order {OrderId} paid; dossier {Code} does not wait for it ({Reason})", order.OrderId, dossier.Code, refusal.Message);
            return null;
        }
        var fromUnit = dossier.CurrentUnitCode;
        dossier.Act(DossierActions.ConfirmPayment, new ActionRequest(Comment: string.Create(CultureInfo.InvariantCulture,
            $"Đã thanh toán trực tuyến {order.Amount:0} đồng qua nền tảng thanh toán quốc gia, mã giao dịch {order.TransactionNo}.")), context);
        return new UnitsHeld([fromUnit, dossier.CurrentUnitCode], context.Today);
    }

    private string CallbackUrl() =>
        (options.CurrentValue.Payment.CallbackBaseUrl is { Length: > 0 } configured ? configured.TrimEnd('/') : NationalServicesHosting.SelfAddress(server))
        + CallbackPath;

    private async Task SaveQuietlyAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e)
        {
            logger.LogInformation(e, "Could not note a failed order creation; the reconciliation tries again");
        }
    }
}
