using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneStop.NationalPortal.Mock;

namespace OneStop.Cluster.Tests;

/// <summary>The mock national portal on a loopback port, in the test process, so the test reads what it accepted.</summary>
public sealed class PortalServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _calls;

    private PortalServer(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>Base of the portal's API as the nodes see it, e.g. <c>http://127.0.0.1:41234/portal</c>.</summary>
    public string BaseUrl { get; }

    public MockPortalStore Store => _app.Services.GetRequiredService<MockPortalStore>();

    /// <summary>
    /// The mock's own key, which the nodes use as their DVCQG password: a portal with no demo data refuses the published
    /// demo key (issue 15).
    /// </summary>
    public const string ApiKey = "cluster-test-portal-key-2026";

    /// <summary>Service calls the nodes made (DongBoHoSoMC, CapNhatTienDoHoSoMC, TraCuuHoSo), duplicates and refusals included.</summary>
    public int Calls => Volatile.Read(ref _calls);

    public static async Task<PortalServer> StartAsync(PortalFaults? faults = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration["MockPortal:ApiKey"] = ApiKey;
        // Two nodes send thousands of calls a minute from one address.
        builder.Configuration["MockPortal:RateLimitPerMinute"] = "1000000";
        builder.Services.AddMockNationalPortal(builder.Configuration);
        var app = builder.Build();
        PortalServer? server = null;
        app.Use(async (http, next) =>
        {
            if (http.Request.Path.StartsWithSegments("/portal" + MockPortalEndpoints.IntegrationPath))
                Interlocked.Increment(ref server!._calls);
            await next(http);
        });
        app.UseRateLimiter();
        app.MapMockNationalPortal("/portal");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new PortalServer(app, address.TrimEnd('/') + "/portal");
        if (faults is not null)
            server.Store.SetFaults(faults);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
