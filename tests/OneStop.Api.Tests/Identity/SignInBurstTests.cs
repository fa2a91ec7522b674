using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using OneStop.Api.Tests.Infrastructure;
using OneStop.Infrastructure.Identity;

namespace OneStop.Api.Tests.Identity;

/// <summary>
/// Parallel guessing (issue 15): the lock is written before any password is checked, so a burst cannot have more
/// passwords checked than the limit, a correct password after the lock gets no token, and the rate limits answer
/// 429 with Retry-After. Each test has its own host: they lock accounts and spend rate-limit windows.
/// </summary>
public sealed class SignInBurstTests
{
    private static async Task<HttpResponseMessage[]> BurstAsync(OneStopFactory factory, IEnumerable<(string User, string Password)> attempts)
    {
        var client = factory.CreateClient();
        return await Task.WhenAll(attempts.Select(a => client.PostAsJsonAsync(Routes.Token, new { username = a.User, password = a.Password })));
    }

    private static Task<Dictionary<string, int>> AuditReasonsAsync(OneStopFactory factory, string userName) =>
        factory.QueryAsync(db => db.SignInAudits.Where(a => a.UserName == userName).GroupBy(a => a.Reason)
            .ToDictionaryAsync(g => g.Key, g => g.Count()));

    [Fact]
    public async Task Two_hundred_parallel_wrong_passwords_have_exactly_five_checked_and_lock_the_account()
    {
        using var factory = new OneStopFactory();

        var responses = await BurstAsync(factory, Enumerable.Repeat(("tiepnhan.xa", IdentityClient.WrongPassword), 200));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.TooManyRequests, $"{(int)r.StatusCode}"));
        Assert.All(responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests), r => Assert.NotNull(r.Headers.RetryAfter));
        // Identity:Lockout:MaxFailedAttempts is 5: five reservations reach the password check, 195 are refused before it.
        var reasons = await AuditReasonsAsync(factory, "tiepnhan.xa");
        Assert.Equal(5, reasons[SignInReasons.WrongPassword]);
        Assert.Equal(195, reasons[SignInReasons.LockedOut]);
        var locked = await factory.QueryAsync(db => db.Users.SingleAsync(u => u.UserName == "tiepnhan.xa"));
        Assert.Equal(OneStopFactory.DefaultStart.UtcDateTime.AddMinutes(15), locked.LockoutEnd);

        var correct = await factory.RequestTokenAsync("tiepnhan.xa", Demo.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, correct.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(15), correct.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task Correct_passwords_inside_a_burst_after_the_lock_get_no_token()
    {
        using var factory = new OneStopFactory();
        await BurstAsync(factory, Enumerable.Repeat(("chuyenvien.xa", IdentityClient.WrongPassword), 50));

        // Wrong and right passwords interleaved, all sent at once while the account is locked.
        var mixed = Enumerable.Range(0, 60).Select(i => ("chuyenvien.xa", i % 3 == 0 ? Demo.Password : IdentityClient.WrongPassword));
        var responses = await BurstAsync(factory, mixed);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.TooManyRequests, r.StatusCode));
        foreach (var response in responses)
            Assert.Null((await response.ReadJsonAsync())["accessToken"]);
        var reasons = await AuditReasonsAsync(factory, "chuyenvien.xa");
        Assert.False(reasons.ContainsKey(SignInReasons.Ok));
        Assert.Equal(5, reasons[SignInReasons.WrongPassword]);
    }

    [Fact]
    public async Task With_the_default_limits_a_burst_is_cut_short_per_account_and_per_address_with_Retry_After()
    {
        // The production defaults: 30 a minute per address, 10 a minute per account.
        using var factory = OneStopFactory.With(("OneStop:RateLimits:SignInPerMinute", "30"), ("OneStop:RateLimits:SignInPerAccountPerMinute", "10"));
        var watch = Stopwatch.StartNew();

        var responses = await BurstAsync(factory, Enumerable.Repeat(("lanhdao.xa", IdentityClient.WrongPassword), 200));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.TooManyRequests, $"{(int)r.StatusCode}"));
        var throttled = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        // A minute at most from a rate limit; 15 minutes from the lockout the few admitted wrong passwords set off.
        Assert.All(throttled, r => Assert.True(r.Headers.RetryAfter!.Delta!.Value is var wait
            && (wait >= TimeSpan.FromSeconds(1) && wait <= TimeSpan.FromMinutes(1) || wait == TimeSpan.FromMinutes(15)), $"{r.Headers.RetryAfter}"));
        foreach (var response in throttled)
            Assert.Contains("thử lại sau", (await response.ReadJsonAsync()).Str("detail"));
        // Only what the per-account window let through reached the database: 10 a started minute.
        var windows = 1 + (int)watch.Elapsed.TotalMinutes;
        var attempts = (await AuditReasonsAsync(factory, "lanhdao.xa")).Values.Sum();
        Assert.InRange(attempts, 1, 10 * windows);

        // The address has spent its 30: another account from it waits too.
        if (watch.Elapsed < TimeSpan.FromSeconds(50))
            Assert.Equal(HttpStatusCode.TooManyRequests, (await factory.RequestTokenAsync("tiepnhan.huyen", Demo.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/health/ready")).StatusCode);
    }
}
