using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneStop.Api.Common;
using OneStop.Api.Features.Dossiers;
using OneStop.Infrastructure.NationalServices;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Api.Features.Payments;

/// <summary>The receipt of an online payment, as the platform confirmed it.</summary>
public sealed record PaymentReceiptResponse(string TransactionNo, DateTimeOffset PaidAt, decimal Amount, string SettledBy);

/// <summary>A dossier's online payment (DESIGN §14): <c>status</c> is <c>unsent</c> (the platform has not taken it yet), <c>pending</c> or <c>paid</c>.</summary>
public sealed record PaymentResponse(
    string? OrderId, decimal Amount, string Status, string? PayUrl, string DossierCode, DateTimeOffset RequestedAt, PaymentReceiptResponse? Receipt);

/// <summary>What the platform posts when an order is paid (signed over the whole body in <c>X-Signature</c>).</summary>
public sealed record PaymentNotice(string? OrderId, string? MerchantOrderRef, long? Amount, string? Status, string? TransactionNo, DateTimeOffset? PaidAt);

public sealed record PaymentCallbackResponse(string OrderId, string Status, string DossierCode, string DossierStatus);

public static class PaymentsEndpoints
{
    /// <summary>A callback is a few hundred bytes; anything far larger is not the platform's.</summary>
    private const int MaxCallbackBytes = 16 * 1024;

    public static IEndpointRouteBuilder MapPaymentsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/dossiers/{code}/payment", GetPayment).WithTags("Dossiers").RequireAuthorization()
            .WithSummary("Thanh toán trực tuyến của hồ sơ: { orderId, amount, status, payUrl } và biên lai khi đã thanh toán.");
        app.MapPost(PaymentOrders.CallbackPath, Callback).WithTags("Payments").AllowAnonymous().DisableAntiforgery()
            .WithSummary("Nền tảng thanh toán báo đơn đã thanh toán, ký HMAC-SHA256 trên toàn bộ nội dung (X-Signature); chữ ký sai hoặc gửi lại bị từ chối.");
        return app;
    }

    /// <summary>Officers who may read the dossier and its owner. An order the platform has not taken yet is sent now.</summary>
    public static async Task<Results<Ok<PaymentResponse>, ProblemHttpResult>> GetPayment(
        string code, ClaimsPrincipal user, HttpContext http, OneStopDbContext db, PaymentOrders orders, CancellationToken ct)
    {
        var dossier = await DossierAccess.LoadAsync(db, code, tracking: false, ct);
        if (dossier is null || !DossierAccess.CanRead(dossier, user.ToActor()))
            return Problems.NotFound($"Không tìm thấy hồ sơ '{code}'.");
        var order = await orders.LatestAsync(dossier.Id, ct);
        if (order is null)
            return Problems.NotFound($"Hồ sơ {code} chưa có yêu cầu nộp phí trực tuyến (request-payment).");
        if (order.State == PaymentOrderState.Unsent && await orders.SendAsync(order, ct) is { Sent: false, Problem: var problem })
        {
            http.Response.Headers.RetryAfter = "60";
            return Problems.Of(StatusCodes.Status503ServiceUnavailable, "Nền tảng thanh toán tạm thời không phục vụ",
                $"Chưa tạo được đơn thanh toán: {problem} Đơn sẽ được tạo khi nền tảng hoạt động lại; có thể nộp phí trực tiếp tại bộ phận một cửa.");
        }
        return TypedResults.Ok(Present(order));
    }

    public static PaymentResponse Present(PaymentOrder order) => new(
        order.OrderId, order.Amount, order.State.ToString().ToLowerInvariant(), order.State == PaymentOrderState.Paid ? null : order.PayUrl,
        order.DossierCode, order.CreatedAt.ToVietnam(),
        order.State == PaymentOrderState.Paid ? new PaymentReceiptResponse(order.TransactionNo ?? "", order.PaidAt!.Value.ToVietnam(), order.Amount, order.SettledBy ?? "") : null);

    /// <summary>
    /// The platform's callback. Only a body whose HMAC-SHA256 under the shared secret is <c>X-Signature</c> is read at
    /// all (401 otherwise); it must name an order of ours (404) with its reference and amount (422); the same callback
    /// twice is a replay (409). A first valid one settles the order and confirms the payment as <c>system</c>.
    /// Refusals change nothing.
    /// </summary>
    public static async Task<Results<Ok<PaymentCallbackResponse>, ProblemHttpResult>> Callback(
        HttpRequest request, PaymentPlatformClient platform, PaymentOrders orders, OneStopDbContext db, ILoggerFactory logs, CancellationToken ct)
    {
        var log = logs.CreateLogger(typeof(PaymentsEndpoints));
        if (request.ContentLength > MaxCallbackBytes)
            return Problems.Of(StatusCodes.Status413PayloadTooLarge, "Nội dung quá lớn", "Thông báo thanh toán dài tối đa 16 KB.");
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        if (buffer.Length > MaxCallbackBytes)
            return Problems.Of(StatusCodes.Status413PayloadTooLarge, "Nội dung quá lớn", "Thông báo thanh toán dài tối đa 16 KB.");
        var body = buffer.ToArray();
        if (!platform.Verify(body, request.Headers[PaymentPlatformClient.SignatureHeader]))
        {
            log.LogWarning("Payment callback refused: bad or missing signature from {Address}", request.HttpContext.Connection.RemoteIpAddress);
            return Problems.Of(StatusCodes.Status401Unauthorized, "Chữ ký không hợp lệ",
                $"Thông báo thanh toán không có chữ ký {PaymentPlatformClient.SignatureHeader} hợp lệ của nền tảng thanh toán; không xử lý.",
                PaymentPlatformClient.SignatureHeader);
        }
        PaymentNotice? notice;
        try
        {
            notice = JsonSerializer.Deserialize<PaymentNotice>(body, ApiJson);
        }
        catch (JsonException)
        {
            notice = null;
        }
        if (notice is not { OrderId.Length: > 0, TransactionNo.Length: > 0, PaidAt: not null, Amount: not null })
            return Problems.Of(StatusCodes.Status400BadRequest, "Yêu cầu không hợp lệ", "Thông báo thanh toán thiếu orderId, amount, transactionNo hoặc paidAt.");
        var order = await db.PaymentOrders.AsNoTracking().FirstOrDefaultAsync(o => o.OrderId == notice.OrderId, ct);
        if (order is null)
            return Problems.NotFound($"Không có đơn thanh toán {notice.OrderId} của hệ thống.");
        if (notice.Status != "paid")
            return Problems.Unprocessable($"Trạng thái '{notice.Status}' không phải đã thanh toán (paid); không xử lý.", "status");
        if (notice.MerchantOrderRef != order.MerchantOrderRef || notice.Amount != (long)decimal.Round(order.Amount, 0, MidpointRounding.AwayFromZero))
            return Problems.Unprocessable($"Thông báo không khớp đơn {order.OrderId}: mã tham chiếu hoặc số tiền ({notice.Amount} ≠ {order.Amount:0}) khác.", "amount");

        var hash = Convert.ToHexStringLower(SHA256.HashData(body));
        var outcome = await orders.SettleAsync(order.OrderId!, notice.TransactionNo!, notice.PaidAt!.Value, System.Text.Encoding.UTF8.GetString(body),
            "callback", hash, ct);
        if (outcome == SettleOutcome.Replayed)
        {
            log.LogWarning("Payment callback for {OrderId} replayed", order.OrderId);
            return Problems.Conflict($"Thông báo thanh toán này của đơn {order.OrderId} đã được xử lý trước đó; bản gửi lại bị từ chối, không thay đổi gì.");
        }
        var status = await db.Dossiers.AsNoTracking().Where(d => d.Id == order.DossierId).Select(d => d.Status).FirstAsync(ct);
        return TypedResults.Ok(new PaymentCallbackResponse(order.OrderId!, "paid", order.DossierCode, status.ToString()));
    }

    private static readonly JsonSerializerOptions ApiJson = new(JsonSerializerDefaults.Web);
}
