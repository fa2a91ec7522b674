using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OneStop.NationalPortal.Mock;

public static class MockPortalServiceCollectionExtensions
{
    /// <summary>Registers the mock portal's options (section <c>MockPortal</c>) and its in-memory store.</summary>
    public static IServiceCollection AddMockNationalPortal(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MockPortalOptions>()
            .Bind(configuration.GetSection(MockPortalOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.ApiKey), "MockPortal:ApiKey không được để trống.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Username) && !string.IsNullOrWhiteSpace(o.SignInPassword) && !string.IsNullOrWhiteSpace(o.DstCode),
                "MockPortal:Username, Password (hoặc ApiKey) và DstCode không được để trống.")
            .Validate(o => o.SessionLifetimeSeconds > 0, "MockPortal:SessionLifetimeSeconds phải lớn hơn 0.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<MockPortalStore>();
        return services;
    }
}
