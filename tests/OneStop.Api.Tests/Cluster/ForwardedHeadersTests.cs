using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Api.Tests.Infrastructure;

namespace OneStop.Api.Tests.Cluster;

/// <summary>
/// Behind a load balancer, the sign-in audit (and the public rate limit) must see the client, not the balancer — but
/// only when the balancer is configured as a known proxy, or any client could claim any address.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private const string Balancer = "10.0.0.5";
    private const string Citizen = "203.0.113.7";

    [Theory]
    [InlineData(Balancer, Citizen)]
    [InlineData("10.0.0.9", Balancer)]
    [InlineData("", Balancer)]
    public async Task The_audit_records_the_forwarded_client_only_behind_a_known_proxy(string knownProxies, string recorded)
    {
        await using var host = OneStopFactory.With(("OneStop:ForwardedHeaders:KnownProxies", knownProxies));
        // Every request of this host arrives from the balancer's address.
        host.TestServices = services => services.AddSingleton<IStartupFilter>(new FromAddress(IPAddress.Parse(Balancer)));
        using var request = new HttpRequestMessage(HttpMethod.Post, Routes.Token)
        {
            Content = JsonContent.Create(new { username = "tiepnhan.xa", password = Demo.Password }),
        };
        request.Headers.Add("X-Forwarded-For", Citizen);

        Assert.Equal(HttpStatusCode.OK, (await host.CreateClient().SendAsync(request)).StatusCode);

        Assert.Equal(recorded, await host.QueryAsync(db => db.SignInAudits.OrderByDescending(a => a.Id).Select(a => a.ClientAddress).FirstAsync()));
    }

    private sealed class FromAddress(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, nextMiddleware) =>
            {
                http.Connection.RemoteIpAddress = address;
                return nextMiddleware(http);
            });
            next(app);
        };
    }
}
