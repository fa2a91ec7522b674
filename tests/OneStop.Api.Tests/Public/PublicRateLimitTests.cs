using System.Net;
using Microsoft.AspNetCore.Hosting;
using OneStop.Api.Tests.Infrastructure;

namespace OneStop.Api.Tests.Public;

/// <summary>Public endpoints allow OneStop:RateLimits:PublicPerMinute requests a minute per client address.</summary>
public sealed class PublicRateLimitTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    [Fact]
    public async Task The_request_over_the_limit_gets_429_with_Retry_After_and_other_endpoints_stay_open()
    {
        await using var limited = factory.WithWebHostBuilder(b => b.UseSetting("OneStop:RateLimits:PublicPerMinute", "5"));
        var client = limited.CreateClient();
        var path = PublicTrackingTests.Track("000.17.22.H56-260302-0001", "KHONGDUNG");

        for (var i = 1; i <= 5; i++)
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path)).StatusCode);

        var sixth = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        var retryAfter = sixth.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        Assert.Equal("application/problem+json", sixth.Content.Headers.ContentType?.MediaType);
        var problem = await sixth.ReadJsonAsync();
        Assert.Equal(429, problem["status"]!.GetValue<int>());
        Assert.Contains("thử lại sau", problem.Str("detail"));

        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync(PublicTrackingTests.Track("khac", null))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Routes.Procedures)).StatusCode);
    }

    [Fact]
    public async Task The_default_limit_is_sixty_a_minute()
    {
        var client = factory.CreateClient();
        var path = PublicTrackingTests.Track("000.17.22.H56-260302-0002", "KHONGDUNG");
        for (var i = 1; i <= 60; i++)
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync(path)).StatusCode);
    }
}
