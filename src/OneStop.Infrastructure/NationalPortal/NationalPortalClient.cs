using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using OneStop.Infrastructure.Telemetry;

namespace OneStop.Infrastructure.NationalPortal;

public enum DeliveryOutcome
{
    /// <summary>Accepted (error_code 0), including a duplicate of a message the portal already had.</summary>
    Delivered,
    /// <summary>Worth trying again later: timeouts, refused connections, 5xx, 408, 429, and 409 out-of-order.</summary>
    Transient,
    /// <summary>The portal refused the message itself (any other 4xx): sending it again changes nothing.</summary>
    Permanent,
}

/// <summary>What became of one send; <see cref="Error"/> is the portal's own words where it gave any.</summary>
public sealed record PortalDelivery(DeliveryOutcome Outcome, string? Error = null, bool Duplicate = false)
{
    public static PortalDelivery Transient(string error) => new(DeliveryOutcome.Transient, error);
}

/// <summary>
/// Sends outbox bodies to the national portal. A typed client from <c>IHttpClientFactory</c> whose standard
/// resilience handler adds an attempt timeout, a couple of quick retries and a circuit breaker; it never
/// throws for a failed send, because the outbox decides what a failure means for the message.
/// </summary>
public sealed class NationalPortalClient(HttpClient http, IOptionsMonitor<NationalPortalOptions> options, OneStopMetrics metrics) : INationalProcedureCatalogue
{
    public const string ApiKeyHeader = "X-Api-Key";
    private const int MaxErrorLength = 2000;

    public async Task<PortalDelivery> SendAsync(string service, string body, CancellationToken ct)
    {
        using var activity = OneStopTelemetry.Source.StartActivity($"national_portal {service}");
        var delivery = await SendOnceAsync(service, body, ct);
        var outcome = delivery.Duplicate ? "duplicate" : delivery.Outcome.ToString().ToLowerInvariant();
        activity?.SetTag("national_portal.outcome", outcome);
        if (delivery.Outcome != DeliveryOutcome.Delivered)
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, delivery.Error);
        metrics.PortalSend(outcome);
        return delivery;
    }

    private async Task<PortalDelivery> SendOnceAsync(string service, string body, CancellationToken ct)
    {
        if (http.BaseAddress is null)
            return PortalDelivery.Transient("Chưa cấu hình địa chỉ Cổng DVCQG (NationalPortal:BaseUrl).");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/services/{service}")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation(ApiKeyHeader, options.CurrentValue.ApiKey);
        try
        {
            using var response = await http.SendAsync(request, ct);
            return Classify(response.StatusCode, await response.Content.ReadAsStringAsync(ct));
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // Refused connections, DNS, attempt and total timeouts, an open circuit: nothing says the message is
            // wrong, so it is retried later. Our own cancellation (shutdown) is not a failure and propagates.
            return PortalDelivery.Transient(Truncate($"{e.GetType().Name}: {e.Message}"));
        }
    }

    /// <summary>The national procedure catalogue (like DVCQG's <c>LayThuTuc</c>); throws when the portal cannot answer.</summary>
    public async Task<IReadOnlyList<NationalProcedure>> GetProceduresAsync(CancellationToken ct)
    {
        if (http.BaseAddress is null)
            throw new InvalidOperationException("Chưa cấu hình địa chỉ Cổng DVCQG (NationalPortal:BaseUrl).");
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/procedures");
        request.Headers.TryAddWithoutValidation(ApiKeyHeader, options.CurrentValue.ApiKey);
        using var response = await http.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        return json.RootElement.GetProperty("items").EnumerateArray()
            .Select(p => new NationalProcedure(
                p.GetProperty("MaTTHC").GetString() ?? "",
                p.TryGetProperty("TenTTHC", out var name) ? name.GetString() ?? "" : "",
                p.TryGetProperty("MaLinhVuc", out var field) ? field.GetString() : null,
                p.TryGetProperty("CapThucHien", out var level) ? level.ToString() : null))
            .Where(p => p.Code.Length > 0)
            .ToList();
    }

    /// <summary>Reads the portal's answer: HTTP status first, then DVCQG's <c>error_code</c>.</summary>
    public static PortalDelivery Classify(HttpStatusCode status, string body)
    {
        var code = (int)status;
        var answer = Read(body);
        var text = Truncate($"HTTP {code}" + (answer.Message is { } message ? $": {message}" : "")
            + (answer.ErrorCode is { } errorCode ? $" (error_code {errorCode})" : "")
            + (answer.Field is { } field ? $" [field {field}]" : ""));
        if (code is >= 200 and < 300)
            return answer.ErrorCode switch
            {
                0 => new PortalDelivery(DeliveryOutcome.Delivered, Duplicate: answer.Duplicate),
                // Not DVCQG's answer shape at all (a proxy's page, say): not a verdict on the message.
                null => PortalDelivery.Transient(text),
                _ => new PortalDelivery(DeliveryOutcome.Permanent, text),
            };
        // 409 is the portal's "out of order": an earlier message is not there yet, so this one must wait.
        if (code is 408 or 409 or 429 || code >= 500)
            return PortalDelivery.Transient(text);
        return code is >= 400 and < 500 ? new PortalDelivery(DeliveryOutcome.Permanent, text) : PortalDelivery.Transient(text);
    }

    private static (int? ErrorCode, string? Message, string? Field, bool Duplicate) Read(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return default;
            return (
                root.TryGetProperty("error_code", out var e) && e.TryGetInt32(out var errorCode) ? errorCode : null,
                root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null,
                root.TryGetProperty("field", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null,
                root.TryGetProperty("duplicate", out var d) && d.ValueKind == JsonValueKind.True);
        }
        catch (JsonException)
        {
            return (null, body.Length == 0 ? null : body[..Math.Min(body.Length, 200)], null, false);
        }
    }

    private static string Truncate(string text) => text.Length <= MaxErrorLength ? text : text[..MaxErrorLength];
}
