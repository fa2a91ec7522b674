using System.Threading.RateLimiting;
using OneStop.Api.Common;

namespace OneStop.Api.Features.Auth;

/// <summary>
/// The per-account half of sign-in rate limiting (the per-address half is the <see cref="RateLimits.SignIn"/>
/// policy): at most <c>OneStop:RateLimits:SignInPerAccountPerMinute</c> attempts a minute name the same account,
/// whether or not it exists, from wherever they come. It bounds the password hashing one name can cost; the
/// lockout in the database is what stops guessing across nodes.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    public const string PerAccountKey = $"{RateLimits.Prefix}:SignInPerAccountPerMinute";
    public const int DefaultPerAccountPerMinute = 10;

    private readonly PartitionedRateLimiter<string> _limiter;

    public SignInThrottle(IConfiguration configuration)
    {
        var perMinute = configuration.GetValue<int?>(PerAccountKey) ?? DefaultPerAccountPerMinute;
        if (perMinute < 1)
            throw new InvalidOperationException($"{PerAccountKey} must be at least 1 (it is {perMinute}).");
        _limiter = PartitionedRateLimiter.Create<string, string>(name => RateLimitPartition.GetFixedWindowLimiter(name,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true }),
            StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Null when this attempt may go ahead; otherwise how long to wait.</summary>
    public TimeSpan? Check(string userName)
    {
        // Names longer than any account cannot sign in anyway; cutting them keeps the partitions small.
        var key = userName.Trim();
        using var lease = _limiter.AttemptAcquire(key.Length > 128 ? key[..128] : key);
        if (lease.IsAcquired)
            return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
    }

    public void Dispose() => _limiter.Dispose();
}
