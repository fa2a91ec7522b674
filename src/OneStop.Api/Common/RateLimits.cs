using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using OneStop.Infrastructure;

namespace OneStop.Api.Common;

/// <summary>
/// Rate limits of DESIGN §12: every <c>/api/public/...</c> endpoint shares the <see cref="Public"/> policy,
/// a fixed one-minute window per client address of <c>OneStop:RateLimits:PublicPerMinute</c> requests (60).
/// </summary>
public static class RateLimits
{
    public const string Public = "public";
    public const string PublicPerMinuteKey = $"{OneStopOptions.Section}:RateLimits:PublicPerMinute";
    public const int DefaultPublicPerMinute = 60;

    public static IServiceCollection AddOneStopRateLimiter(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        // Configured from the built host's configuration, so test and environment overrides all count.
        services.AddOptions<RateLimiterOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            var perMinute = configuration.GetValue<int?>(PublicPerMinuteKey) ?? DefaultPublicPerMinute;
            if (perMinute < 1)
                throw new InvalidOperationException($"{PublicPerMinuteKey} must be at least 1 (it is {perMinute}).");
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(Public, http => RateLimitPartition.GetFixedWindowLimiter(
                // Behind a reverse proxy this is the proxy unless forwarded headers are configured.
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = perMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
            options.OnRejected = RejectAsync;
        });
        return services;
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 60;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests,
            Title = "Quá nhiều yêu cầu",
            Detail = $"Bạn đã gửi quá nhiều yêu cầu tra cứu trong một phút; hãy thử lại sau {seconds} giây.",
        };
        var writer = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await writer.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }
}
