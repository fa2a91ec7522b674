using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using OneStop.Api.Tests.Infrastructure;

namespace OneStop.Api.Tests.Identity;

/// <summary>What an access token says about its holder.</summary>
public sealed class TokenClaimsTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    private async Task<JsonObject> PayloadAsync(string userName) =>
        IdentityClient.TokenPayload((await (await factory.RequestTokenAsync(userName, Demo.Password)).ReadJsonAsync()).Str("accessToken"));

    [Fact]
    public async Task A_token_names_its_holder_and_has_a_unique_id()
    {
        var first = await PayloadAsync("lanhdao.huyen");
        var second = await PayloadAsync("lanhdao.huyen");

        Assert.Equal("lanhdao.huyen", first.Str("sub"));
        Assert.Equal("Võ Văn Lãnh Đạo (huyện)", first.Str("full_name"));
        Assert.Equal(Demo.District, first.Str("unit_code"));
        Assert.False(string.IsNullOrWhiteSpace(first.Str("jti")));
        Assert.NotEqual(first.Str("jti"), second.Str("jti"));
        Assert.Equal(OneStopFactory.DefaultStart.ToUnixTimeSeconds(), first["iat"]!.GetValue<long>());
    }

    [Fact]
    public async Task The_lifetime_comes_from_configuration()
    {
        using var configured = factory.WithWebHostBuilder(host => host.UseSetting("Jwt:LifetimeMinutes", "30"));
        var response = await configured.CreateClient().PostAsJsonAsync(Routes.Token, new { username = "tiepnhan.tinh", password = Demo.Password });
        var token = await response.ReadJsonAsync();

        Assert.Equal(1800, token["expiresIn"]!.GetValue<int>());
        var payload = IdentityClient.TokenPayload(token.Str("accessToken"));
        Assert.Equal(OneStopFactory.DefaultStart.AddMinutes(30).ToUnixTimeSeconds(), payload["exp"]!.GetValue<long>());
    }
}
