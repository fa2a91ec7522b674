using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Api.Tests.Infrastructure;
using OneStop.Infrastructure.NationalServices;

namespace OneStop.Api.Tests.NationalServices;

/// <summary>
/// Fees paid on the national payment platform (DESIGN §14): <c>request-payment</c> opens an order of the computed fee,
/// the citizen pays at the platform's page, its signed callback confirms the payment as <c>system</c> and the dossier
/// leaves <c>AwaitingPayment</c> by itself. Forged and replayed callbacks change nothing; a lost one is found by the
/// reconciliation; the platform being down delays the order, never the officer.
/// </summary>
public sealed class OnlinePaymentTests(OneStopFactory factory) : IClassFixture<OneStopFactory>, IAsyncLifetime
{
    private const string Residence = "cu-tru.dang-ky-thuong-tru";

    public Task InitializeAsync() => factory.SetNationalFaultsAsync(new { });

    public Task DisposeAsync() => factory.SetNationalFaultsAsync(new { });

    /// <summary>A counter residence registration of congdan (20.000 đồng at the counter), received and asked to pay.</summary>
    private async Task<(string Code, HttpClient Reception)> AwaitingPaymentAsync()
    {
        var reception = await factory.SignInAsync("tiepnhan.xa");
        var code = (await reception.SubmitAsync(ApiClient.CounterSubmission(Residence, Demo.Commune, ["CT01", "GKS"], form: National.ResidenceWithRelatives))).Str("code");
        await reception.ActAsync(code, "receive");
        var asked = await reception.ActAsync(code, "request-payment");
        Assert.Equal("AwaitingPayment", asked.Str("status"));
        return (code, reception);
    }

    [Fact]
    public async Task Asking_for_payment_creates_the_order_at_the_platform_at_once()
    {
        var (code, _) = await AwaitingPaymentAsync();

        // Nobody has read the payment yet: the order went to the platform with the action.
        var order = await factory.QueryAsync(db => db.PaymentOrders.SingleAsync(o => o.DossierCode == code));
        Assert.Equal((PaymentOrderState.Pending, 20000m), (order.State, order.Amount));
        Assert.StartsWith("PG", order.OrderId);
        Assert.StartsWith(code + "-", order.MerchantOrderRef);
    }

    private async Task<JsonObject> PaymentAsync(HttpClient client, string code)
    {
        var response = await client.GetAsync(National.Payment(code));
        var json = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"payment: {(int)response.StatusCode} {json}");
        return json;
    }

    /// <summary>What the platform would post for a paid order, built here from the order as we stored it.</summary>
    private async Task<string> NoticeAsync(string code, string transactionNo = "GD-KIEM-THU-1", long? amount = null)
    {
        var order = await factory.QueryAsync(db => db.PaymentOrders.SingleAsync(o => o.DossierCode == code));
        return new JsonObject
        {
            ["orderId"] = order.OrderId, ["merchantOrderRef"] = order.MerchantOrderRef, ["amount"] = amount ?? (long)order.Amount, ["status"] = "paid",
            ["transactionNo"] = transactionNo, ["paidAt"] = "2026-03-02T09:30:00+07:00",
        }.ToJsonString();
    }

    [Fact]
    public async Task A_fee_paid_at_the_platform_takes_the_dossier_out_of_awaiting_payment_by_itself()
    {
        var (code, reception) = await AwaitingPaymentAsync();
        var citizen = await factory.SignInAsync("congdan");

        var order = await PaymentAsync(citizen, code);
        // The fee computed at submission: 20.000 đồng for residence registration at the counter (Thông tư 75/2022/TT-BTC).
        Assert.Equal((20000m, "pending"), (order["amount"]!.GetValue<decimal>(), order.Str("status")));
        var payUrl = new Uri(order.Str("payUrl"));
        Assert.Equal($"/national/payment/pay/{order.Str("orderId")}", payUrl.AbsolutePath);

        factory.Clock.Advance(TimeSpan.FromMinutes(30));
        var paid = await factory.Browser().PostAsync(payUrl.AbsolutePath, null);

        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        var (dossier, _) = await reception.GetDossierAsync(code);
        Assert.Equal(("InProgress", "tham-dinh", true), (dossier.Str("status"), dossier["currentStep"].Str("id"), dossier["feePaidOnline"]!.GetValue<bool>()));
        // The clock stood still for the 30 minutes the citizen took: one pause of 30 office minutes, ended.
        var pause = dossier["pauses"]!.AsArray().Single()!;
        Assert.Equal(("Payment", 30), (pause.Str("reason"), pause["workingMinutes"]!.GetValue<int>()));
        var history = await (await reception.GetAsync(Routes.History(code))).ReadJsonAsync();
        var last = history["items"]!.AsArray().Last()!;
        Assert.Equal(("confirm-payment", "system", "AwaitingPayment", "InProgress"), (last.Str("action"), last.Str("actor"), last.Str("fromStatus"), last.Str("toStatus")));
        // The receipt is kept with the dossier.
        var settled = await PaymentAsync(citizen, code);
        Assert.Equal(("paid", "callback", 20000m), (settled.Str("status"), settled["receipt"].Str("settledBy"), settled["receipt"]!["amount"]!.GetValue<decimal>()));
        Assert.StartsWith("GD", settled["receipt"].Str("transactionNo"));
        Assert.Contains(settled["receipt"].Str("transactionNo"), last.Str("comment"));
    }

    [Fact]
    public async Task A_forged_callback_is_refused_and_changes_nothing()
    {
        var (code, _) = await AwaitingPaymentAsync();
        await PaymentAsync(await factory.SignInAsync("congdan"), code);
        var notice = await NoticeAsync(code);
        var before = await factory.SnapshotAsync();
        var anonymous = factory.CreateClient();

        var unsigned = await anonymous.PostCallbackAsync(notice, null);
        var wrongKey = await anonymous.PostCallbackAsync(notice, NationalServicesClient.Sign(notice, "khoa-gia-mao-cua-ke-xau"));
        var altered = await anonymous.PostCallbackAsync(notice.Replace("GD-KIEM-THU-1", "GD-KIEM-THU-2"), NationalServicesClient.Sign(notice));

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized],
            [unsigned.StatusCode, wrongKey.StatusCode, altered.StatusCode]);
        Assert.Contains("X-Signature", (await wrongKey.ReadJsonAsync()).Str("detail"));
        Assert.Equal(before, await factory.SnapshotAsync());
        Assert.Equal("pending", (await PaymentAsync(await factory.SignInAsync("congdan"), code)).Str("status"));
    }

    [Fact]
    public async Task A_replayed_callback_is_refused_and_changes_nothing()
    {
        var (code, reception) = await AwaitingPaymentAsync();
        await PaymentAsync(reception, code);
        var notice = await NoticeAsync(code);
        var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostCallbackAsync(notice, NationalServicesClient.Sign(notice))).StatusCode);
        var before = await factory.SnapshotAsync();

        var replay = await anonymous.PostCallbackAsync(notice, NationalServicesClient.Sign(notice));

        Assert.Equal(HttpStatusCode.Conflict, replay.StatusCode);
        Assert.Contains("đã được xử lý", (await replay.ReadJsonAsync()).Str("detail"));
        Assert.Equal(before, await factory.SnapshotAsync());
    }

    [Fact]
    public async Task Two_identical_callbacks_at_once_confirm_the_payment_once()
    {
        var (code, reception) = await AwaitingPaymentAsync();
        await PaymentAsync(reception, code);
        var notice = await NoticeAsync(code);
        var signature = NationalServicesClient.Sign(notice);

        var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => factory.CreateClient().PostCallbackAsync(notice, signature)));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        var confirmations = await factory.QueryAsync(db => db.DossierEvents.CountAsync(e => e.Action == "confirm-payment"
            && db.Dossiers.Any(d => d.Id == e.DossierId && d.Code == code)));
        Assert.Equal(1, confirmations);
    }

    [Fact]
    public async Task A_callback_that_does_not_match_its_order_is_refused()
    {
        var (code, reception) = await AwaitingPaymentAsync();
        await PaymentAsync(reception, code);
        var wrongAmount = await NoticeAsync(code, amount: 2000);
        var unknown = (await NoticeAsync(code)).Replace("\"orderId\":\"PG", "\"orderId\":\"XX", StringComparison.Ordinal);
        var before = await factory.SnapshotAsync();

        var amount = await factory.CreateClient().PostCallbackAsync(wrongAmount, NationalServicesClient.Sign(wrongAmount));
        var missing = await factory.CreateClient().PostCallbackAsync(unknown, NationalServicesClient.Sign(unknown));

        Assert.Equal((HttpStatusCode.UnprocessableEntity, HttpStatusCode.NotFound), (amount.StatusCode, missing.StatusCode));
        Assert.Equal(before, await factory.SnapshotAsync());
    }

    [Fact]
    public async Task A_lost_callback_is_settled_by_the_reconciliation()
    {
        var (code, reception) = await AwaitingPaymentAsync();
        var order = await PaymentAsync(reception, code);
        await factory.SetNationalFaultsAsync(new { dropPaymentCallbacks = true });
        Assert.Equal(HttpStatusCode.OK, (await factory.Browser().PostAsync(new Uri(order.Str("payUrl")).AbsolutePath, null)).StatusCode);
        Assert.Equal("AwaitingPayment", (await reception.GetDossierAsync(code)).Dossier.Str("status"));

        // Not yet: the order has waited less than NationalServices:Payment:ReconcileAfter (5 minutes).
        Assert.Equal(0, await ReconcileAsync());
        factory.Clock.Advance(TimeSpan.FromMinutes(6));
        var settled = await ReconcileAsync();

        Assert.True(settled >= 1);
        Assert.Equal("InProgress", (await reception.GetDossierAsync(code)).Dossier.Str("status"));
        // Read as an entity (PostgreSQL cannot return a row as a tuple), compared outside the query.
        var paid = await factory.QueryAsync(db => db.PaymentOrders.AsNoTracking().SingleAsync(o => o.DossierCode == code));
        Assert.Equal((PaymentOrderState.Paid, "reconciliation"), (paid.State, paid.SettledBy));
        // A second run finds nothing more to do.
        Assert.Equal(0, await ReconcileAsync());
    }

    [Fact]
    public async Task When_the_platform_is_down_asking_for_payment_still_works_and_the_order_follows_when_it_is_back()
    {
        await factory.SetNationalFaultsAsync(new { down = true, services = new[] { "payment" } });
        var (code, reception) = await AwaitingPaymentAsync();

        var down = await reception.GetAsync(National.Payment(code));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Contains("bộ phận một cửa", (await down.ReadJsonAsync()).Str("detail"));
        Assert.Equal("Unsent", await factory.QueryAsync(db => db.PaymentOrders.Where(o => o.DossierCode == code).Select(o => o.State.ToString()).SingleAsync()));
        await factory.SetNationalFaultsAsync(new { });
        var order = await PaymentAsync(reception, code);
        Assert.Equal(("pending", 20000m), (order.Str("status"), order["amount"]!.GetValue<decimal>()));
        Assert.NotNull(order["payUrl"]);
    }

    [Fact]
    public async Task A_dossier_never_asked_to_pay_online_has_no_payment()
    {
        var reception = await factory.SignInAsync("tiepnhan.xa");
        var code = (await reception.SubmitAsync(ApiClient.CounterSubmission("ho-tich.dang-ky-khai-sinh", Demo.Commune, ["TKKS", "GCS"]))).Str("code");

        var response = await reception.GetAsync(National.Payment(code));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("request-payment", (await response.ReadJsonAsync()).Str("detail"));
    }

    private async Task<int> ReconcileAsync()
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PaymentReconciliationJob>().RunAsync(CancellationToken.None);
    }
}
