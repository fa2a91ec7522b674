using System.Net;
using System.Text.Json.Nodes;
using OneStop.Api.Features.Admin.Users;
using OneStop.Api.Tests.Infrastructure;

namespace OneStop.Api.Tests.Identity;

/// <summary>Every sign-in attempt leaves an audit row that administrators can read, newest first.</summary>
public sealed class SignInAuditTests : IDisposable
{
    private readonly OneStopFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private static async Task<JsonObject> ReadSignInsAsync(HttpClient admin, string query)
    {
        var response = await admin.GetAsync($"{AdminUsersEndpoints.SignInsPath}?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    [Fact]
    public async Task Every_attempt_is_recorded_with_its_reason_newest_first()
    {
        Assert.Equal(HttpStatusCode.OK, (await _factory.RequestTokenAsync("lanhdao.xa", Demo.Password)).StatusCode);
        for (var i = 0; i < 5; i++)
        {
            _factory.Clock.Advance(TimeSpan.FromSeconds(10));
            await _factory.RequestTokenAsync("lanhdao.xa", IdentityClient.WrongPassword);
        }
        _factory.Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await _factory.RequestTokenAsync("lanhdao.xa", Demo.Password)).StatusCode);
        var admin = await _factory.SignInAsync("admin");

        var page = await ReadSignInsAsync(admin, "userName=lanhdao.xa");

        Assert.Equal(7, page["total"]!.GetValue<int>());
        var items = page["items"]!.AsArray();
        Assert.Equal(
            ["locked-out", "wrong-password", "wrong-password", "wrong-password", "wrong-password", "wrong-password", "ok"],
            items.Select(i => i.Str("reason")));
        Assert.Equal([false, false, false, false, false, false, true], items.Select(i => i!["succeeded"]!.GetValue<bool>()));
        Assert.All(items, i => Assert.Equal("lanhdao.xa", i.Str("userName")));
        var times = items.Select(i => i!["at"]!.GetValue<DateTimeOffset>()).ToList();
        Assert.Equal(times.OrderDescending(), times);
        Assert.Equal(OneStopFactory.DefaultStart, times[^1]);
        Assert.EndsWith("+07:00", items[0].Str("at"));
    }

    [Fact]
    public async Task An_unknown_name_is_recorded_as_typed()
    {
        await _factory.RequestTokenAsync("Khong.Ton.Tai", Demo.Password);
        var admin = await _factory.SignInAsync("admin");

        var items = (await ReadSignInsAsync(admin, "userName=Khong.Ton.Tai"))["items"]!.AsArray();

        var row = Assert.Single(items);
        Assert.Equal("unknown-user", row.Str("reason"));
        Assert.False(row!["succeeded"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_audit_pages_across_every_user()
    {
        await _factory.RequestTokenAsync("tiepnhan.xa", Demo.Password);
        await _factory.RequestTokenAsync("ai.do", Demo.Password);
        await _factory.RequestTokenAsync("chuyenvien.xa", IdentityClient.WrongPassword);
        var admin = await _factory.SignInAsync("admin");

        var first = await ReadSignInsAsync(admin, "page=1&pageSize=2");
        var second = await ReadSignInsAsync(admin, "page=2&pageSize=2");

        Assert.Equal(4, first["total"]!.GetValue<int>());
        Assert.Equal(2, first["pageSize"]!.GetValue<int>());
        Assert.Equal(["admin", "chuyenvien.xa"], first["items"]!.AsArray().Select(i => i.Str("userName")));
        Assert.Equal(2, second["page"]!.GetValue<int>());
        Assert.Equal(["ai.do", "tiepnhan.xa"], second["items"]!.AsArray().Select(i => i.Str("userName")));
    }

    [Theory]
    [InlineData("tiepnhan.xa")]
    [InlineData("lanhdao.tinh")]
    [InlineData("congdan")]
    public async Task Only_an_admin_reads_the_audit(string userName)
    {
        var client = await _factory.SignInAsync(userName);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(AdminUsersEndpoints.SignInsPath)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _factory.CreateClient().GetAsync(AdminUsersEndpoints.SignInsPath)).StatusCode);
    }
}
