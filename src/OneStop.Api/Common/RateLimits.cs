using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using OneStop.Infrastructure;

namespace OneStop.Api.Common;

/// <summary>
/// Rate limits of DESIGN §12, per client address (behind a reverse proxy that is the proxy unless forwarded
/// headers are configured):
/// <list type="bullet">
/// <item>every <c>/api/public/...</c> endpoint shares the <see cref="Public"/> policy, a one-minute window of
/// <c>OneStop:RateLimits:PublicPerMinute</c> requests (60); and this node serves at most
/// <c>OneStop:RateLimits:PublicConcurrency</c> (8) public requests at a time, queueing up to
/// <c>:PublicQueue</c> (100) more — what an anonymous caller can make the node hold in memory at once;</item>
/// <item>sign-in and password changes share the <see cref="SignIn"/> policy, <c>OneStop:RateLimits:SignInPerMinute</c>
/// (30) a minute per address; <c>Features/Auth/SignInThrottle</c> adds the per-account limit.</item>
/// </list>
/// </summary>
public static class RateLimits
{
    public const string Prefix = $"{OneStopOptions.Section}:RateLimits";
    public const string Public = "public";
    public const string SignIn = "sign-in";
    public const string PublicPerMinuteKey = $"{Prefix}:PublicPerMinute";
    public const string PublicConcurrencyKey = $"{Prefix}:PublicConcurrency";
    public const string PublicQueueKey = $"{Prefix}:PublicQueue";
    public const string SignInPerMinuteKey = $"{Prefix}:SignInPerMinute";
    public const int DefaultPublicPerMinute = 60;
    public const int DefaultPublicConcurrency = 8;
    public const int DefaultPublicQueue = 100;
    public const int DefaultSignInPerMinute = 30;

    public static IServiceCollection AddOneStopRateLimiter(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        // Configured from the built host's configuration, so test and environment overrides all count.
        services.AddOptions<RateLimiterOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            var perMinute = AtLeast(configuration, PublicPerMinuteKey, DefaultPublicPerMinute, 1);
            var concurrency = AtLeast(configuration, PublicConcurrencyKey, DefaultPublicConcurrency, 1);
            var queue = AtLeast(configuration, PublicQueueKey, DefaultPublicQueue, 0);
            var signIns = AtLeast(configuration, SignInPerMinuteKey, DefaultSignInPerMinute, 1);
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(Public, http => PerAddressMinute(http, perMinute));
            options.AddPolicy(SignIn, http => PerAddressMinute(http, signIns));
            // One node-wide budget for the anonymous endpoints, on top of each address's own.
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                http.Request.Path.StartsWithSegments("/api/public")
                    ? RateLimitPartition.GetConcurrencyLimiter(Public, _ => new ConcurrencyLimiterOptions
                    {
                        PermitLimit = concurrency,
                        QueueLimit = queue,
                        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                    })
                    : RateLimitPartition.GetNoLimiter(""));
            options.OnRejected = RejectAsync;
        });
        return services;
    }

    private static int AtLeast(IConfiguration configuration, string key, int fallback, int minimum)
    {
        var value = configuration.GetValue<int?>(key) ?? fallback;
        return value >= minimum ? value : throw new InvalidOperationException($"{key} must be at least {minimum} (it is {value}).");
    }

    private static RateLimitPartition<string> PerAddressMinute(HttpContext http, int permits) => RateLimitPartition.GetFixedWindowLimiter(
        http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
        _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true });

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        // A full concurrency queue has no retry time of its own: a few seconds is when a slot is likely free.
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 5;
        var what = http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == SignIn
            ? "Quá nhiều lần đăng nhập hoặc đổi mật khẩu từ địa chỉ này"
            : "Bạn đã gửi quá nhiều yêu cầu tra cứu, hoặc hệ thống đang phục vụ quá nhiều yêu cầu cùng lúc";
        await WriteAsync(http, seconds, $"{what}; hãy thử lại sau {seconds} giây.");
    }

    /// <summary>A 429 ProblemDetails with <c>Retry-After</c>, as every limit of the API answers.</summary>
    public static async Task WriteAsync(HttpContext http, int seconds, string detail)
    {
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var problem = new ProblemDetails { Status = StatusCodes.Status429TooManyRequests, Title = "Quá nhiều yêu cầu", Detail = detail };
        var writer = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await writer.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }
}
