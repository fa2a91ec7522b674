using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace OneStop.Infrastructure.NationalServices;

/// <summary>An order as the platform shows it.</summary>
public sealed record PlatformOrder(string OrderId, string MerchantOrderRef, long Amount, string Status, string PayUrl, string? TransactionNo, DateTimeOffset? PaidAt);

/// <summary>The platform answered, or why it could not.</summary>
public sealed record PlatformAnswer(PlatformOrder? Order, string? Problem, bool NotFound = false);

/// <summary>
/// The national payment platform over HTTP: <c>POST {BaseUrl}api/orders</c> and <c>GET {BaseUrl}api/orders/{orderId}</c>,
/// each signed with HMAC-SHA256 under the shared secret (lowercase hex in <c>X-Signature</c>, over the body, or over
/// the order id for a read) and naming the merchant in <c>X-Merchant-Code</c>. The same signature, over the body,
/// authenticates the platform's callbacks (<see cref="Verify"/>).
/// </summary>
public sealed class PaymentPlatformClient(HttpClient http, IOptionsMonitor<NationalServicesOptions> options)
{
    public const string SignatureHeader = "X-Signature";
    public const string MerchantHeader = "X-Merchant-Code";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<PlatformAnswer> CreateOrderAsync(string merchantOrderRef, long amount, string description, string callbackUrl, CancellationToken ct)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new { merchantOrderRef, amount, description, callbackUrl }, Json);
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/orders") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        return await SendAsync(request, body, ct);
    }

    public async Task<PlatformAnswer> GetOrderAsync(string orderId, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/orders/{Uri.EscapeDataString(orderId)}");
        return await SendAsync(request, Encoding.UTF8.GetBytes(orderId), ct);
    }

    /// <summary>Whether <paramref name="signature"/> is the platform's over <paramref name="body"/>, compared in constant time.</summary>
    public bool Verify(ReadOnlySpan<byte> body, string? signature)
    {
        if (string.IsNullOrEmpty(signature) || Secret is not { } secret)
            return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, body)), Encoding.ASCII.GetBytes(signature.Trim().ToLowerInvariant()));
    }

    private string? Secret => options.CurrentValue.Payment.Secret is { Length: > 0 } secret ? secret : null;

    private static string Sign(string secret, ReadOnlySpan<byte> content) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), content));

    private async Task<PlatformAnswer> SendAsync(HttpRequestMessage request, byte[] signed, CancellationToken ct)
    {
        var settings = options.CurrentValue.Payment;
        if (Secret is not { } secret)
            return new PlatformAnswer(null, "Chưa cấu hình khóa ký với nền tảng thanh toán (NationalServices:Payment:Secret).");
        request.Headers.Add(MerchantHeader, settings.MerchantCode);
        request.Headers.Add(SignatureHeader, Sign(secret, signed));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(settings.Timeout);
        try
        {
            using var response = await http.SendAsync(request, timeout.Token);
            if (response.StatusCode == HttpStatusCode.NotFound)
                return new PlatformAnswer(null, "Nền tảng thanh toán không có đơn này.", NotFound: true);
            if (!response.IsSuccessStatusCode)
                return new PlatformAnswer(null, $"Nền tảng thanh toán trả lời lỗi {(int)response.StatusCode}.");
            return new PlatformAnswer(await response.Content.ReadFromJsonAsync<PlatformOrder>(Json, timeout.Token), null);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new PlatformAnswer(null, $"Nền tảng thanh toán không trả lời trong {settings.Timeout.TotalSeconds:0} giây.");
        }
        catch (Exception e) when (e is HttpRequestException or JsonException)
        {
            return new PlatformAnswer(null, "Không kết nối được nền tảng thanh toán.");
        }
    }
}
