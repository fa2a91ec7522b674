using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace OneStop.NationalPortal.Mock;

/// <summary>
/// Every endpoint of the mock: <see cref="MockPortalOptions.RateLimitPerMinute"/> calls a minute per client address,
/// refused in DVCQG's answer shape (HTTP 429, <c>error_code</c> "429", <c>Retry-After</c>), which the outbox
/// already treats as a transient failure to retry later.
/// </summary>
public sealed class MockPortalRateLimit(IOptions<MockPortalOptions> options) : IRateLimiterPolicy<string>
{
    public const string Policy = "mock-portal";

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) => RateLimitPartition.GetFixedWindowLimiter(
        httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown",
        _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.RateLimitPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (context, ct) =>
    {
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await response.WriteAsJsonAsync(new DvcqgAnswer(DvcqgCodes.TooManyRequests,
            string.Create(CultureInfo.InvariantCulture, $"Quá nhiều yêu cầu từ địa chỉ này; thử lại sau {seconds} giây.")), PortalJson.Options, ct);
    };
}
