using System.Net;
using System.Net.Http.Json;
using OneStop.Api.Tests.Infrastructure;

namespace OneStop.Api.Tests.NationalServices;

/// <summary>The mock national services' fault switch (<c>PUT /national/api/admin/faults</c>), like the mock portal's: keyed, checked field by field.</summary>
public sealed class MockNationalFaultsTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    private async Task<HttpResponseMessage> PutAsync(object body, string key = National.DemoKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, National.Faults) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Api-Key", key);
        return await factory.CreateClient().SendAsync(request);
    }

    [Theory]
    [InlineData("errorRate", 1.5)]
    [InlineData("latencyMs", -1)]
    [InlineData("down", "yes")]
    [InlineData("services", "payment")]
    [InlineData("idTokenDefect", "wrong-colour")]
    public async Task A_wrong_value_is_a_400_naming_the_field_and_changes_nothing(string field, object value)
    {
        var before = await (await factory.CreateClient().SendAsync(new HttpRequestMessage(HttpMethod.Get, National.Faults) { Headers = { { "X-Api-Key", National.DemoKey } } }))
            .Content.ReadAsStringAsync();

        var response = await PutAsync(new Dictionary<string, object> { [field] = value });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.ReadJsonAsync())["errors"]![field]);
        var after = await (await factory.CreateClient().SendAsync(new HttpRequestMessage(HttpMethod.Get, National.Faults) { Headers = { { "X-Api-Key", National.DemoKey } } }))
            .Content.ReadAsStringAsync();
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Without_the_key_nobody_switches_faults()
    {
        var response = await PutAsync(new { down = true }, key: "khoa-sai");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/national/vneid/jwks")).StatusCode);
    }

    [Fact]
    public async Task Naming_services_takes_down_those_only()
    {
        try
        {
            Assert.Equal(HttpStatusCode.OK, (await PutAsync(new { down = true, services = new[] { "payment" } })).StatusCode);
            var client = factory.CreateClient();

            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/national/payment/pay/PG00")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/national/vneid/jwks")).StatusCode);
        }
        finally
        {
            await factory.SetNationalFaultsAsync(new { });
        }
    }
}
