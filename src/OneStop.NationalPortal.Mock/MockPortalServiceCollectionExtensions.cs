using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OneStop.NationalPortal.Mock;

public static class MockPortalServiceCollectionExtensions
{
    /// <summary>
    /// Registers the mock portal's options (section <c>MockPortal</c>), its in-memory store and its rate limit.
    /// <paramref name="allowDemoKey"/>: the host seeds demo data, so the published <see cref="MockPortalOptions.DefaultApiKey"/>
    /// is the default key; otherwise a key must be configured and may not be the published one — the host refuses to
    /// start, with a message saying so, rather than serve what the portal received to anyone who read the README.
    /// </summary>
    public static IServiceCollection AddMockNationalPortal(this IServiceCollection services, IConfiguration configuration, bool allowDemoKey = false)
    {
        services.AddOptions<MockPortalOptions>()
            .Bind(configuration.GetSection(MockPortalOptions.Section))
            .PostConfigure(o =>
            {
                if (string.IsNullOrWhiteSpace(o.ApiKey) && allowDemoKey)
                    o.ApiKey = MockPortalOptions.DefaultApiKey;
            })
            .Validate(o => !string.IsNullOrWhiteSpace(o.ApiKey),
                "MockPortal:ApiKey chưa được cấu hình: cổng DVCQG giả lập chỉ dùng khóa demo công khai (demo-portal-key) trên bản chạy có dữ liệu demo. " +
                "Đặt MockPortal__ApiKey (một chuỗi bí mật, ít nhất 16 ký tự) hoặc tắt cổng giả lập (MockPortal__Enabled=false).")
            .Validate(o => allowDemoKey || o.ApiKey != MockPortalOptions.DefaultApiKey,
                "MockPortal:ApiKey là khóa demo công khai (demo-portal-key), chỉ dùng được trên bản chạy có dữ liệu demo; hãy đặt một khóa bí mật.")
            .Validate(o => allowDemoKey || o.ApiKey is null || o.ApiKey.Length >= 16, "MockPortal:ApiKey phải dài ít nhất 16 ký tự.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Username) && !string.IsNullOrWhiteSpace(o.SignInPassword) && !string.IsNullOrWhiteSpace(o.DstCode),
                "MockPortal:Username, Password (hoặc ApiKey) và DstCode không được để trống.")
            .Validate(o => o.SessionLifetimeSeconds > 0, "MockPortal:SessionLifetimeSeconds phải lớn hơn 0.")
            .Validate(o => o.RateLimitPerMinute > 0, "MockPortal:RateLimitPerMinute phải lớn hơn 0.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<MockPortalStore>();
        services.AddRateLimiter(options => options.AddPolicy<string, MockPortalRateLimit>(MockPortalRateLimit.Policy));
        return services;
    }
}
