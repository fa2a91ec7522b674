using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OneStop.NationalServices.Mock;

public static class MockNationalServiceCollectionExtensions
{
    /// <summary>
    /// Registers the mock national services (section <c>MockNational</c>). <paramref name="allowDemoSecrets"/>: the host
    /// seeds demo data, so the published demo key, LGSP key and payment secret are the defaults; otherwise each must be
    /// configured (16+ characters, not the published one) or the host refuses to start, saying which.
    /// </summary>
    public static IServiceCollection AddMockNationalServices(this IServiceCollection services, IConfiguration configuration, bool allowDemoSecrets = false)
    {
        services.AddOptions<MockNationalOptions>()
            .Bind(configuration.GetSection(MockNationalOptions.Section))
            .PostConfigure(o =>
            {
                if (!allowDemoSecrets)
                    return;
                if (string.IsNullOrWhiteSpace(o.ApiKey))
                    o.ApiKey = MockNationalOptions.DefaultApiKey;
                if (string.IsNullOrWhiteSpace(o.Lgsp.ConsumerKey))
                    o.Lgsp.ConsumerKey = MockNationalOptions.DefaultLgspKey;
                if (string.IsNullOrWhiteSpace(o.Payment.Secret))
                    o.Payment.Secret = MockNationalOptions.DefaultPaymentSecret;
            })
            .Validate(o => Secret(o.ApiKey, MockNationalOptions.DefaultApiKey, allowDemoSecrets),
                "MockNational:ApiKey chưa được cấu hình hoặc là khóa demo công khai: đặt MockNational__ApiKey (ít nhất 16 ký tự) hoặc tắt dịch vụ giả lập (MockNational__Enabled=false).")
            .Validate(o => Secret(o.Lgsp.ConsumerKey, MockNationalOptions.DefaultLgspKey, allowDemoSecrets),
                "MockNational:Lgsp:ConsumerKey chưa được cấu hình hoặc là khóa demo công khai (ít nhất 16 ký tự).")
            .Validate(o => Secret(o.Payment.Secret, MockNationalOptions.DefaultPaymentSecret, allowDemoSecrets),
                "MockNational:Payment:Secret chưa được cấu hình hoặc là khóa demo công khai (ít nhất 16 ký tự).")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Vneid.ClientId) && !string.IsNullOrWhiteSpace(o.Payment.MerchantCode),
                "MockNational:Vneid:ClientId và MockNational:Payment:MerchantCode không được để trống.")
            .Validate(o => o.Vneid.CodeLifetimeSeconds > 0 && o.Vneid.TokenLifetimeSeconds > 0 && o.RateLimitPerMinute > 0,
                "MockNational: thời hạn mã, thời hạn token và giới hạn tần suất phải dương.")
            .Validate(o => o.PublicBaseUrl is null || Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https",
                "MockNational:PublicBaseUrl phải là địa chỉ http(s) tuyệt đối.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<MockNationalStore>();
        services.AddHttpClient(MockPaymentEndpoints.CallbackClient, http => http.Timeout = TimeSpan.FromSeconds(10));
        services.AddRateLimiter(options => options.AddPolicy<string, MockNationalRateLimit>(MockNationalRateLimit.Policy));
        return services;
    }

    private static bool Secret(string? value, string published, bool allowDemo) =>
        !string.IsNullOrWhiteSpace(value) && (allowDemo || value != published && value.Length >= 16);
}
