using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using OneStop.Infrastructure.Jobs;
using OneStop.Infrastructure.NationalPortal;
using OneStop.Infrastructure.Outbox;
using OneStop.Infrastructure.Persistence;
using Polly;

// In the root namespace, beside AddOneStopInfrastructure, so the host needs no extra using.
namespace OneStop.Infrastructure;

/// <summary>Everything of the national portal sync (DESIGN §9): client, outbox delivery, Hangfire, dashboard.</summary>
public static class NationalPortalSyncRegistration
{
    public const string DashboardPath = "/hangfire";

    public static IServiceCollection AddOneStopNationalPortalSync(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(NationalPortalOptions.Section);
        services.AddOptions<NationalPortalOptions>().Bind(section)
            .Validate(o => o.BaseUrl is null || Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https",
                "NationalPortal:BaseUrl phải là địa chỉ http(s) tuyệt đối.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Username) && !string.IsNullOrWhiteSpace(o.SignInPassword) && !string.IsNullOrWhiteSpace(o.DstCode),
                "NationalPortal:Username, Password (hoặc ApiKey) và DstCode không được để trống.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.AuthPath) && !string.IsNullOrWhiteSpace(o.IntegrationPath) && !string.IsNullOrWhiteSpace(o.SharePath),
                "NationalPortal:AuthPath, IntegrationPath và SharePath không được để trống.")
            .Validate(o => o.FileLinkBaseUrl is null || Uri.TryCreate(o.FileLinkBaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https",
                "NationalPortal:FileLinkBaseUrl phải là địa chỉ http(s) tuyệt đối.")
            .Validate(o => o.SessionLifetime > TimeSpan.Zero && o.FileLinkLifetime > TimeSpan.Zero,
                "NationalPortal:SessionLifetime và FileLinkLifetime phải dương.")
            .Validate(o => o.OutageThreshold >= 1 && o.ProbeInterval > TimeSpan.Zero,
                "NationalPortal:OutageThreshold từ 1 trở lên, ProbeInterval phải dương.")
            .Validate(o => o.AttemptTimeout > TimeSpan.Zero && o.ClientRetries is >= 0 and <= 5,
                "NationalPortal:AttemptTimeout phải dương, NationalPortal:ClientRetries từ 0 đến 5.")
            .Validate(o => o.BaseBackoff > TimeSpan.Zero && o.MaxBackoff >= o.BaseBackoff && o.MaxAge > TimeSpan.Zero,
                "NationalPortal:BaseBackoff, MaxBackoff (≥ BaseBackoff) và MaxAge phải dương.")
            .Validate(o => o.LeaseDuration >= 2 * TotalTimeout(o),
                "NationalPortal:LeaseDuration phải dài ít nhất gấp đôi thời gian tối đa của một lần gửi (AttemptTimeout × (ClientRetries + 1)).")
            .Validate(o => o.SweepParallelism is >= 1 and <= 64 && o.SweepBatchSize >= 1,
                "NationalPortal:SweepParallelism từ 1 đến 64, SweepBatchSize từ 1 trở lên.")
            .ValidateOnStart();
        // The HTTP pipeline is built once; read its settings the way the options will be.
        var portal = section.Get<NationalPortalOptions>() ?? new NationalPortalOptions();
        var settings = DatabaseSettings.From(configuration);
        var provider = settings.Provider;
        // Program.cs maps the mock portal under /portal by the same setting; only then is "our own /portal" a portal.
        var mockMappedHere = settings.MockPortalMapped;

        services.AddHttpClient<NationalPortalClient>((sp, http) =>
        {
            http.BaseAddress = PortalAddress(sp.GetRequiredService<IOptionsMonitor<NationalPortalOptions>>().CurrentValue.BaseUrl,
                mockMappedHere ? sp.GetService<IServer>() : null);
            // The resilience handler's timeouts rule; HttpClient's own 100 s would only cut across them.
            http.Timeout = Timeout.InfiniteTimeSpan;
        }).AddStandardResilienceHandler(options => ConfigureResilience(options, portal));

        services.AddSingleton<NationalPortalSessions>();
        services.AddSingleton<PortalOutage>();
        // Download links for the portal are protected with the data-protection keys, which live in the database
        // (AddOneStopInfrastructure): a link outlives a restart and opens on every node (DESIGN §12).
        services.AddSingleton(sp => new PortalFileLinks(sp.GetRequiredService<IDataProtectionProvider>(),
            sp.GetRequiredService<IOptionsMonitor<NationalPortalOptions>>(), sp.GetRequiredService<TimeProvider>(), sp.GetService<IServer>()));
        services.AddTransient<DvcqgDirectoryLoader>();
        services.AddSingleton<IOutboxScheduler, HangfireOutboxScheduler>();
        services.AddSingleton<Timers.ITimerScheduler, Timers.HangfireTimerScheduler>();
        services.AddSingleton<OutboxEnqueueInterceptor>();
        services.ConfigureDbContext<OneStopDbContext>((sp, options) => options.AddInterceptors(sp.GetRequiredService<OutboxEnqueueInterceptor>()));
        services.AddTransient<OutboxDeliveryJob>();
        services.AddTransient<INationalProcedureCatalogue>(sp => sp.GetRequiredService<NationalPortalClient>());
        services.AddTransient<ProcedureCatalogueSyncJob>();
        services.AddOneStopHangfire(configuration, provider);
        return services;
    }

    /// <summary>
    /// The admins' Hangfire dashboard; after authentication, so the dashboard sees the user. (The recurring jobs
    /// are registered when the host starts, once the database is migrated: see <c>Jobs/HangfireStartup</c>.)
    /// </summary>
    public static IApplicationBuilder UseOneStopNationalPortalSync(this IApplicationBuilder app)
    {
        app.UseHangfireDashboard(DashboardPath, new DashboardOptions
        {
            // Hangfire's default lets local requests in; only admins may, bearer or session cookie.
            Authorization = [],
            AsyncAuthorization = [new AdminDashboardAuthorizationFilter()],
            DashboardTitle = "OneStop — tác vụ nền",
            DisplayStorageConnectionString = false,
            AppPath = null,
        });
        return app;
    }

    /// <summary>
    /// Quick retries for a blip only; the outbox owns the long backoff, which survives restarts. Retrying a
    /// POST is safe: DongBoHoSoMC is an upsert and our message number lets the portal recognise a repeat.
    /// </summary>
    private static void ConfigureResilience(HttpStandardResilienceOptions options, NationalPortalOptions portal)
    {
        options.AttemptTimeout.Timeout = portal.AttemptTimeout;
        options.TotalRequestTimeout.Timeout = TotalTimeout(portal);
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        if (portal.ClientRetries > 0)
            options.Retry.MaxRetryAttempts = portal.ClientRetries;
        else
            options.Retry.ShouldHandle = _ => PredicateResult.False();
        // Opens only when nearly every call fails, i.e. the portal is down: the outbox then reaches its backoffs
        // without a network round trip per message. A partial error rate is the outbox's business.
        options.CircuitBreaker.FailureRatio = 0.9;
        options.CircuitBreaker.MinimumThroughput = 20;
        options.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(5);
        options.CircuitBreaker.SamplingDuration = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(30).Ticks, 2 * portal.AttemptTimeout.Ticks));
    }

    /// <summary>Every attempt, plus room for the quick retries' pauses (200 ms doubling, jittered).</summary>
    private static TimeSpan TotalTimeout(NationalPortalOptions portal) =>
        portal.AttemptTimeout * (portal.ClientRetries + 1) + TimeSpan.FromSeconds(1 << portal.ClientRetries);

    /// <summary>
    /// <c>NationalPortal:BaseUrl</c>, or this host's own <c>/portal</c> when it maps the mock portal (the
    /// embedded default): the first address it listens on, wildcards read as localhost.
    /// </summary>
    internal static Uri? PortalAddress(string? baseUrl, IServer? ownServer)
    {
        if (!string.IsNullOrWhiteSpace(baseUrl))
            return new Uri(baseUrl.TrimEnd('/') + "/");
        if (ownServer is null)
            return null;
        var addresses = ownServer.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault();
        // An in-memory test server listens nowhere; its handler ignores the host anyway.
        if (address is null)
            return new Uri("http://localhost/portal/");
        foreach (var wildcard in (string[])["://+", "://*", "://[::]", "://0.0.0.0"])
            address = address.Replace(wildcard, "://localhost", StringComparison.Ordinal);
        return new UriBuilder(address) { Path = "/portal/" }.Uri;
    }
}
