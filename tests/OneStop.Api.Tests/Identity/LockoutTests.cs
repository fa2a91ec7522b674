using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using OneStop.Api.Features.Admin.Users;
using OneStop.Api.Tests.Infrastructure;

namespace OneStop.Api.Tests.Identity;

/// <summary>
/// Lockout after repeated wrong passwords (Identity:Lockout, defaults 5 attempts, 15 minutes). Each test
/// gets its own host: it locks accounts and moves the clock.
/// </summary>
public sealed class LockoutTests : IDisposable
{
    private readonly OneStopFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private async Task<HttpResponseMessage> FailAsync(string user, int times)
    {
        HttpResponseMessage last = null!;
        for (var i = 0; i < times; i++)
            last = await _factory.RequestTokenAsync(user, IdentityClient.WrongPassword);
        return last;
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one_for_fifteen_minutes()
    {
        for (var attempt = 1; attempt <= 4; attempt++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await _factory.RequestTokenAsync("tiepnhan.xa", IdentityClient.WrongPassword)).StatusCode);

        var fifth = await _factory.RequestTokenAsync("tiepnhan.xa", IdentityClient.WrongPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, fifth.StatusCode);

        var sixth = await _factory.RequestTokenAsync("tiepnhan.xa", Demo.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        Assert.Equal("application/problem+json", sixth.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromMinutes(15), sixth.Headers.RetryAfter?.Delta);
        var problem = await sixth.ReadJsonAsync();
        Assert.Equal(429, problem["status"]!.GetValue<int>());
        Assert.StartsWith("Tài khoản tạm khóa do đăng nhập sai nhiều lần", problem.Str("detail"));
        Assert.Null(problem["accessToken"]);

        _factory.Clock.Advance(TimeSpan.FromMinutes(14));
        var stillLocked = await _factory.RequestTokenAsync("tiepnhan.xa", Demo.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, stillLocked.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(1), stillLocked.Headers.RetryAfter?.Delta);

        _factory.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await _factory.RequestTokenAsync("tiepnhan.xa", Demo.Password)).StatusCode);
    }

    [Fact]
    public async Task A_locked_account_does_not_lock_the_others()
    {
        await FailAsync("tiepnhan.xa", 5);

        Assert.Equal(HttpStatusCode.OK, (await _factory.RequestTokenAsync("chuyenvien.xa", Demo.Password)).StatusCode);
    }

    [Fact]
    public async Task A_successful_sign_in_starts_the_count_again()
    {
        await FailAsync("lanhdao.xa", 4);
        Assert.Equal(HttpStatusCode.OK, (await _factory.RequestTokenAsync("lanhdao.xa", Demo.Password)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await FailAsync("lanhdao.xa", 4)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _factory.RequestTokenAsync("lanhdao.xa", Demo.Password)).StatusCode);
    }

    [Fact]
    public async Task After_a_lockout_ends_the_account_gets_a_fresh_count()
    {
        await FailAsync("lanhdao.huyen", 5);
        _factory.Clock.Advance(TimeSpan.FromMinutes(15));

        Assert.Equal(HttpStatusCode.Unauthorized, (await FailAsync("lanhdao.huyen", 4)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await FailAsync("lanhdao.huyen", 1)).StatusCode);
    }

    [Fact]
    public async Task An_unknown_user_is_never_locked_and_always_answers_like_a_wrong_password()
    {
        var wrongPassword = await (await _factory.RequestTokenAsync("tiepnhan.xa", IdentityClient.WrongPassword)).ReadJsonAsync();

        for (var attempt = 1; attempt <= 7; attempt++)
        {
            var response = await _factory.RequestTokenAsync("khong.ton.tai", Demo.Password);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Null(response.Headers.RetryAfter);
            var unknown = await response.ReadJsonAsync();
            foreach (var field in new[] { "type", "title", "detail", "status" })
                Assert.Equal(wrongPassword[field]!.ToJsonString(), unknown[field]!.ToJsonString());
            Assert.Equal(wrongPassword.Select(p => p.Key).Order(), unknown.Select(p => p.Key).Order());
        }
    }

    [Fact]
    public async Task An_admin_sees_the_lockout_and_unlocks_the_account()
    {
        await FailAsync("chuyenvien.huyen", 5);
        var admin = await _factory.SignInAsync("admin");

        var locked = await (await admin.GetAsync($"{AdminUsersEndpoints.UsersPath}/chuyenvien.huyen")).ReadJsonAsync();
        Assert.Equal(
            OneStopFactory.DefaultStart.AddMinutes(15).ToOffset(TimeSpan.FromHours(7)),
            locked["lockedOutUntil"]!.GetValue<DateTimeOffset>());

        var unlock = await admin.PostAsync($"{AdminUsersEndpoints.UsersPath}/chuyenvien.huyen/unlock", null);
        Assert.Equal(HttpStatusCode.OK, unlock.StatusCode);
        var unlocked = await unlock.ReadJsonAsync();
        Assert.Null(unlocked["lockedOutUntil"]);
        Assert.Equal(0, unlocked["failedAttempts"]!.GetValue<int>());

        Assert.Equal(HttpStatusCode.OK, (await _factory.RequestTokenAsync("chuyenvien.huyen", Demo.Password)).StatusCode);
    }

    [Fact]
    public async Task Only_an_admin_may_unlock()
    {
        await FailAsync("tiepnhan.huyen", 5);
        var officer = await _factory.SignInAsync("lanhdao.huyen");

        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsync($"{AdminUsersEndpoints.UsersPath}/tiepnhan.huyen/unlock", null)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await _factory.RequestTokenAsync("tiepnhan.huyen", Demo.Password)).StatusCode);
    }

    [Fact]
    public async Task The_limit_and_the_duration_come_from_configuration()
    {
        using var configured = _factory.WithWebHostBuilder(host => host
            .UseSetting("Identity:Lockout:MaxFailedAttempts", "2")
            .UseSetting("Identity:Lockout:MinutesLocked", "3"));
        var client = configured.CreateClient();
        Task<HttpResponseMessage> Attempt(string password) => client.PostAsJsonAsync(Routes.Token, new { username = "lanhdao.tinh", password });

        Assert.Equal(HttpStatusCode.Unauthorized, (await Attempt(IdentityClient.WrongPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Attempt(IdentityClient.WrongPassword)).StatusCode);
        var locked = await Attempt(Demo.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(3), locked.Headers.RetryAfter?.Delta);

        _factory.Clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(HttpStatusCode.OK, (await Attempt(Demo.Password)).StatusCode);
    }
}
