using Microsoft.AspNetCore.Builder;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OneStop.NationalServices.Mock;

/// <summary>An order request: the merchant's own reference (one order per reference), the amount in đồng and where to tell it.</summary>
public sealed record MockOrderRequest(string? MerchantOrderRef, long? Amount, string? Description, string? CallbackUrl);

/// <summary>An order as the platform shows it to the merchant.</summary>
public sealed record MockOrderAnswer(
    string OrderId, string MerchantOrderRef, long Amount, string Status, string PayUrl, string? TransactionNo, DateTimeOffset? PaidAt);

/// <summary>What the platform posts to the merchant's callback when an order is paid, signed in <c>X-Signature</c>.</summary>
public sealed record MockPaymentNotice(string OrderId, string MerchantOrderRef, long Amount, string Status, string TransactionNo, DateTimeOffset PaidAt);

/// <summary>
/// The mock national payment platform. The merchant signs each call with HMAC-SHA256 under the shared secret,
/// lowercase hex in <c>X-Signature</c> (over the body of <c>POST /api/orders</c>, over the order id of
/// <c>GET /api/orders/{orderId}</c>), and names itself in <c>X-Merchant-Code</c>. The citizen pays at
/// <c>/pay/{orderId}</c> (a page; its form <c>POST</c>s back); the platform then posts a
/// <see cref="MockPaymentNotice"/> to the order's callback URL with the same kind of signature over the body.
/// </summary>
public static class MockPaymentEndpoints
{
    public const string SignatureHeader = "X-Signature";
    public const string MerchantHeader = "X-Merchant-Code";
    public const string CallbackClient = "mock-payment-callbacks";

    internal static void Map(RouteGroupBuilder payment, string prefix)
    {
        var faulty = payment.MapGroup("").AddEndpointFilter(MockNationalEndpoints.Faulty(NationalServiceNames.Payment,
            () => MockNationalEndpoints.Problem(StatusCodes.Status503ServiceUnavailable, "Nền tảng thanh toán tạm thời không phục vụ (giả lập).")));
        faulty.MapPost("/api/orders", (HttpRequest request, MockNationalStore store, IOptions<MockNationalOptions> options) =>
            CreateOrderAsync(request, store, options, prefix));
        faulty.MapGet("/api/orders/{orderId}", (string orderId, HttpRequest request, MockNationalStore store, IOptions<MockNationalOptions> options) =>
            Authentic(request, options, orderId) is { } refused ? refused
            : store.FindOrder(orderId) is { } order ? TypedResults.Json(Present(order, request, prefix), MockJson.Options)
            : MockNationalEndpoints.Problem(StatusCodes.Status404NotFound, $"Không có đơn thanh toán {orderId}."));
        faulty.MapGet("/pay/{orderId}", (string orderId, MockNationalStore store) => store.FindOrder(orderId) is { } order
            ? Page(StatusCodes.Status200OK, order.Status == MockOrderStatus.Paid
                ? $"<p>Đơn {Html(order.OrderId)} đã được thanh toán (mã giao dịch {Html(order.TransactionNo!)}).</p>"
                : $"""
                   <h1>Thanh toán phí, lệ phí (giả lập)</h1>
                   <p>{Html(order.Description)}</p><p>Số tiền: <strong>{order.Amount.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"))} đồng</strong></p>
                   <form method="post"><button type="submit">Thanh toán</button></form>
                   """)
            : Page(StatusCodes.Status404NotFound, "<p>Không có đơn thanh toán này.</p>"));
        faulty.MapPost("/pay/{orderId}", PayAsync).DisableAntiforgery();
    }

    /// <summary>Lowercase hex HMAC-SHA256 of <paramref name="content"/> under <paramref name="secret"/>.</summary>
    public static string Sign(string secret, ReadOnlySpan<byte> content) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), content));

    private static async Task<IResult> CreateOrderAsync(HttpRequest request, MockNationalStore store, IOptions<MockNationalOptions> options, string prefix)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        var body = buffer.ToArray();
        if (Authentic(request, options, body) is { } refused)
            return refused;
        MockOrderRequest? order;
        try
        {
            order = JsonSerializer.Deserialize<MockOrderRequest>(body, MockJson.Options);
        }
        catch (JsonException)
        {
            order = null;
        }
        if (order is null)
            return MockNationalEndpoints.Problem(StatusCodes.Status400BadRequest, "Nội dung yêu cầu phải là JSON của một đơn thanh toán.");
        if (string.IsNullOrWhiteSpace(order.MerchantOrderRef) || order.MerchantOrderRef.Length > 64)
            return MockNationalEndpoints.Problem(StatusCodes.Status400BadRequest, "merchantOrderRef là bắt buộc, tối đa 64 ký tự.", "merchantOrderRef");
        if (order.Amount is not > 0)
            return MockNationalEndpoints.Problem(StatusCodes.Status400BadRequest, "amount phải là số đồng dương.", "amount");
        if (!Uri.TryCreate(order.CallbackUrl, UriKind.Absolute, out var callback) || callback.Scheme is not ("http" or "https"))
            return MockNationalEndpoints.Problem(StatusCodes.Status400BadRequest, "callbackUrl phải là địa chỉ http(s) tuyệt đối.", "callbackUrl");
        var (created, isNew) = store.CreateOrder(order.MerchantOrderRef, order.Amount.Value, order.Description ?? "", order.CallbackUrl!);
        if (!isNew && created.Amount != order.Amount)
            return MockNationalEndpoints.Problem(StatusCodes.Status409Conflict,
                $"Mã tham chiếu {order.MerchantOrderRef} đã có đơn {created.OrderId} với số tiền khác.", "merchantOrderRef");
        return TypedResults.Json(Present(created, request, prefix), MockJson.Options, statusCode: isNew ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    /// <summary>
    /// The citizen pays: the order is marked paid once, and the platform tells the merchant at once (unless the
    /// fault switch drops callbacks). A callback that fails is not retried here: the merchant's reconciliation asks.
    /// </summary>
    private static async Task<IResult> PayAsync(string orderId, MockNationalStore store, IOptions<MockNationalOptions> options,
        IHttpClientFactory clients, ILoggerFactory logs, CancellationToken ct)
    {
        var before = store.FindOrder(orderId);
        if (before is null)
            return Page(StatusCodes.Status404NotFound, "<p>Không có đơn thanh toán này.</p>");
        var paid = store.Pay(orderId)!;
        if (before.Status != MockOrderStatus.Paid && !store.Faults.DropPaymentCallbacks)
        {
            var notice = JsonSerializer.SerializeToUtf8Bytes(
                new MockPaymentNotice(paid.OrderId, paid.MerchantOrderRef, paid.Amount, "paid", paid.TransactionNo!, paid.PaidAt!.Value), MockJson.Options);
            using var message = new HttpRequestMessage(HttpMethod.Post, paid.CallbackUrl) { Content = new ByteArrayContent(notice) };
            message.Content.Headers.ContentType = new("application/json");
            message.Headers.Add(SignatureHeader, Sign(options.Value.Payment.Secret!, notice));
            message.Headers.Add(MerchantHeader, options.Value.Payment.MerchantCode);
            try
            {
                using var answer = await clients.CreateClient(CallbackClient).SendAsync(message, ct);
                if (!answer.IsSuccessStatusCode)
                    logs.CreateLogger(typeof(MockPaymentEndpoints)).LogWarning("Callback for {OrderId} answered {Status}", orderId, (int)answer.StatusCode);
            }
            catch (HttpRequestException e)
            {
                logs.CreateLogger(typeof(MockPaymentEndpoints)).LogWarning(e, "Callback for {OrderId} failed", orderId);
            }
        }
        return Page(StatusCodes.Status200OK, $"<p>Thanh toán thành công. Mã giao dịch: {Html(paid.TransactionNo!)}.</p>");
    }

    private static IResult? Authentic(HttpRequest request, IOptions<MockNationalOptions> options, string signedText) =>
        Authentic(request, options, Encoding.UTF8.GetBytes(signedText));

    private static IResult? Authentic(HttpRequest request, IOptions<MockNationalOptions> options, byte[] signed)
    {
        var payment = options.Value.Payment;
        if (request.Headers[MerchantHeader] != payment.MerchantCode)
            return MockNationalEndpoints.Problem(StatusCodes.Status401Unauthorized, $"Đơn vị chấp nhận thanh toán ({MerchantHeader}) không đúng.");
        return MockNationalEndpoints.Same(request.Headers[SignatureHeader].ToString(), Sign(payment.Secret!, signed))
            ? null
            : MockNationalEndpoints.Problem(StatusCodes.Status401Unauthorized, $"Chữ ký {SignatureHeader} không hợp lệ.");
    }

    private static MockOrderAnswer Present(MockPaymentOrder order, HttpRequest request, string prefix) => new(
        order.OrderId, order.MerchantOrderRef, order.Amount, order.Status == MockOrderStatus.Paid ? "paid" : "pending",
        $"{MockNationalEndpoints.PublicRoot(request, prefix)}/payment/pay/{order.OrderId}", order.TransactionNo, order.PaidAt);

    // Vietnamese letters stay as they are; markup characters are escaped.
    private static string Html(string text) => System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All).Encode(text);

    private static IResult Page(int status, string body) => TypedResults.Content(
        $"<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Thanh toán (giả lập)</title></head><body>{body}</body></html>",
        "text/html; charset=utf-8", Encoding.UTF8, status);
}
