using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace OneStop.Api.Common;

/// <summary>
/// Behind a load balancer every request comes from the balancer's address: the public rate limit would put all
/// citizens in one bucket and the sign-in audit would record the balancer. <c>OneStop:ForwardedHeaders:KnownProxies</c>
/// (addresses) and <c>:KnownNetworks</c> (CIDR ranges), comma-separated, name the proxies whose
/// <c>X-Forwarded-For</c> / <c>X-Forwarded-Proto</c> are believed; nobody else's are (a client could claim any address).
/// </summary>
public static class ForwardedHeadersSetup
{
    public const string Section = "OneStop:ForwardedHeaders";

    public static IServiceCollection AddOneStopForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = List(configuration[$"{Section}:KnownProxies"]);
        var networks = List(configuration[$"{Section}:KnownNetworks"]);
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            // No proxy named, no header believed (an empty list would make the middleware trust every sender).
            options.ForwardedHeaders = proxies.Length + networks.Length == 0
                ? ForwardedHeaders.None
                : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only what is configured: the framework's default (loopback) is dropped so a configured list means exactly that.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
                options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new InvalidOperationException($"{Section}:KnownProxies: '{proxy}' không phải địa chỉ IP."));
            foreach (var network in networks)
                options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var range)
                    ? range
                    : throw new InvalidOperationException($"{Section}:KnownNetworks: '{network}' không phải dải CIDR (ví dụ 10.0.0.0/8)."));
            // One proxy hop by default; a chain of balancers raises it.
            options.ForwardLimit = configuration.GetValue($"{Section}:ForwardLimit", 1);
        });
        return services;
    }

    private static string[] List(string? value) =>
        (value ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
