using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneStop.Infrastructure.NationalServices;

// In the root namespace, beside AddOneStopInfrastructure, so the host needs no extra using.
namespace OneStop.Infrastructure;

/// <summary>The clients of the national services (DESIGN §14): the LGSP registries and the payment platform, and the payment jobs.</summary>
public static class NationalServicesRegistration
{
    /// <summary>The published demo secrets, which the mock national services take where demo data is seeded.</summary>
    public const string DemoLgspKey = "demo-lgsp-key";
    public const string DemoPaymentSecret = "demo-payment-secret";

    public static IServiceCollection AddOneStopNationalServices(this IServiceCollection services, IConfiguration configuration)
    {
        var demo = NationalServicesHosting.SeedsDemoData(configuration) && NationalServicesHosting.IsMockMappedHere(configuration);
        services.AddOptions<NationalServicesOptions>().Bind(configuration.GetSection(NationalServicesOptions.Section))
            .PostConfigure(o =>
            {
                // Against this host's own mock with its published demo secrets; anywhere else the province configures them.
                if (!demo)
                    return;
                o.Lgsp.ConsumerKey ??= configuration["MockNational:Lgsp:ConsumerKey"] ?? DemoLgspKey;
                o.Payment.Secret ??= configuration["MockNational:Payment:Secret"] ?? DemoPaymentSecret;
            })
            .Validate(o => Absolute(o.Vneid.Authority) && Absolute(o.Lgsp.BaseUrl) && Absolute(o.Payment.BaseUrl) && Absolute(o.Payment.CallbackBaseUrl),
                "NationalServices: Vneid:Authority, Lgsp:BaseUrl, Payment:BaseUrl và Payment:CallbackBaseUrl phải là địa chỉ http(s) tuyệt đối.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Vneid.ClientId) && !string.IsNullOrWhiteSpace(o.Payment.MerchantCode),
                "NationalServices:Vneid:ClientId và NationalServices:Payment:MerchantCode không được để trống.")
            .Validate(o => o.Lgsp.Timeout > TimeSpan.Zero && o.Payment.Timeout > TimeSpan.Zero && o.Lgsp.ProofLifetime > TimeSpan.Zero
                    && o.Payment.ReconcileAfter > TimeSpan.Zero && o.Vneid.SignInTimeout > TimeSpan.Zero,
                "NationalServices: các thời hạn (Timeout, ProofLifetime, ReconcileAfter, SignInTimeout) phải dương.")
            .ValidateOnStart();

        // Our timeouts rule (the clients cut each call short themselves); HttpClient's own 100 s would only cut across them.
        services.AddHttpClient<INationalRegistry, LgspRegistryClient>((sp, http) =>
        {
            http.BaseAddress = NationalServicesHosting.Root(sp.GetRequiredService<IOptionsMonitor<NationalServicesOptions>>().CurrentValue.Lgsp.BaseUrl,
                sp.GetService<IServer>(), "lgsp");
            http.Timeout = Timeout.InfiniteTimeSpan;
        });
        services.AddHttpClient<PaymentPlatformClient>((sp, http) =>
        {
            http.BaseAddress = NationalServicesHosting.Root(sp.GetRequiredService<IOptionsMonitor<NationalServicesOptions>>().CurrentValue.Payment.BaseUrl,
                sp.GetService<IServer>(), "payment");
            http.Timeout = Timeout.InfiniteTimeSpan;
        });
        services.AddScoped<PaymentOrders>();
        services.AddScoped<Events.IDomainEventHandler, PaymentRequestedHandler>();
        services.AddTransient<PaymentReconciliationJob>();
        return services;
    }

    private static bool Absolute(string? url) =>
        url is null || Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
}
