using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using OneStop.Api.Tests.Infrastructure;

namespace OneStop.Api.Tests.Platform;

/// <summary>Signing in with the demo accounts of DESIGN §12, and what a token is good for.</summary>
public sealed class AuthTokenTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    /// <summary>DESIGN §12; the admin belongs to no unit.</summary>
    public static TheoryData<string, string, string?> DemoAccounts() => new()
    {
        { "admin", "admin", null },
        { "tiepnhan.xa", "reception", Demo.Commune },
        { "chuyenvien.xa", "specialist", Demo.Commune },
        { "lanhdao.xa", "leader", Demo.Commune },
        { "tiepnhan.huyen", "reception", Demo.District },
        { "chuyenvien.huyen", "specialist", Demo.District },
        { "lanhdao.huyen", "leader", Demo.District },
        { "tiepnhan.tinh", "reception", Demo.Province },
        { "chuyenvien.tinh", "specialist", Demo.Province },
        { "lanhdao.tinh", "leader", Demo.Province },
        { "congdan", "citizen", null },
    };

    private Task<HttpResponseMessage> RequestTokenAsync(string? username, string? password) =>
        factory.CreateClient().PostAsJsonAsync(Routes.Token, new { username, password });

    [Theory]
    [MemberData(nameof(DemoAccounts))]
    public async Task Each_demo_account_signs_in_with_its_role_and_unit(string username, string role, string? unitCode)
    {
        var response = await RequestTokenAsync(username, Demo.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = await response.ReadJsonAsync();
        Assert.False(string.IsNullOrWhiteSpace(token.Str("accessToken")));
        Assert.True(token["expiresIn"]!.GetValue<int>() > 0);
        Assert.Equal([role], token["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(unitCode, token["unitCode"]?.GetValue<string>());
    }

    [Fact]
    public async Task A_wrong_password_is_a_401_problem()
    {
        var response = await RequestTokenAsync("tiepnhan.xa", "Sai@12345");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.Equal(401, problem["status"]!.GetValue<int>());
        Assert.Null(problem["accessToken"]);
    }

    [Fact]
    public async Task An_unknown_user_gets_exactly_the_wrong_password_answer()
    {
        var wrongPassword = await (await RequestTokenAsync("tiepnhan.xa", "Sai@12345")).ReadJsonAsync();

        var response = await RequestTokenAsync("khong.ton.tai", Demo.Password);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var unknownUser = await response.ReadJsonAsync();
        foreach (var field in new[] { "type", "title", "detail" })
            Assert.Equal(wrongPassword.Str(field), unknownUser.Str(field));
        Assert.Equal(wrongPassword.Select(p => p.Key).Order(), unknownUser.Select(p => p.Key).Order());
    }

    [Fact]
    public async Task An_empty_username_is_a_400_validation_problem_naming_username()
    {
        var response = await RequestTokenAsync("", Demo.Password);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.ReadJsonAsync())["errors"]!.AsObject();
        Assert.Equal(["username"], errors.Select(e => e.Key));
    }

    [Fact]
    public async Task A_missing_password_is_a_400_validation_problem_naming_password()
    {
        var response = await RequestTokenAsync("tiepnhan.xa", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["password"], (await response.ReadJsonAsync())["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task A_token_works_until_it_expires()
    {
        var token = await (await RequestTokenAsync("tiepnhan.xa", Demo.Password)).ReadJsonAsync();
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Str("accessToken"));
        var lifetime = TimeSpan.FromSeconds(token["expiresIn"]!.GetValue<int>());

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Routes.Dossiers)).StatusCode);

        factory.Clock.Advance(lifetime - TimeSpan.FromMinutes(5));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Routes.Dossiers)).StatusCode);

        // Past the expiry and the one-minute clock skew the validator allows.
        factory.Clock.Advance(TimeSpan.FromMinutes(7));
        var expired = await client.GetAsync(Routes.Dossiers);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);

        var fresh = await factory.SignInAsync("tiepnhan.xa");
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync(Routes.Dossiers)).StatusCode);
    }

    [Fact]
    public async Task A_tampered_token_is_refused()
    {
        var token = (await (await RequestTokenAsync("tiepnhan.xa", Demo.Password)).ReadJsonAsync()).Str("accessToken");
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token[..^4] + (token[^4..] == "AAAA" ? "BBBB" : "AAAA"));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(Routes.Dossiers)).StatusCode);
    }
}
