using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;
using OneStop.Infrastructure.NationalServices;

namespace OneStop.Api.Features.Auth.Vneid;

/// <summary>
/// VNeID sign-in (DESIGN §14) with ASP.NET Core's own OpenID Connect handler: authorization code with PKCE, the ID
/// token validated by <c>JsonWebTokenHandler</c> against the provider's discovery document and keys — issuer,
/// audience (our client id), signature, lifetime, nonce — and <c>state</c> protected by data protection and bound to
/// the browser by the correlation cookie. Nothing of the token is parsed by hand. The handler owns
/// <see cref="CallbackPath"/>; <see cref="VneidSignIn"/> answers there with our own session token instead of a cookie.
/// </summary>
public static class VneidAuthentication
{
    public const string Scheme = "vneid";
    /// <summary>The handler must name a sign-in scheme; the callback answers before it would be used.</summary>
    public const string ExternalCookie = "vneid-external";
    public const string LoginPath = "/api/auth/vneid/login";
    public const string CallbackPath = "/api/auth/vneid/callback";

    public static AuthenticationBuilder AddVneid(this AuthenticationBuilder auth)
    {
        auth.AddCookie(ExternalCookie, options => options.Cookie.Name = "onestop.vneid")
            .AddOpenIdConnect(Scheme, "VNeID", options =>
            {
                options.SignInScheme = ExternalCookie;
                options.CallbackPath = CallbackPath;
                options.ResponseType = "code";
                options.ResponseMode = "query";
                options.UsePkce = true;
                options.Scope.Clear();
                options.Scope.Add("openid");
                options.Scope.Add("profile");
                options.MapInboundClaims = false;
                options.GetClaimsFromUserInfoEndpoint = false;
                options.SaveTokens = false;
                options.DisableTelemetry = true;
                options.TokenValidationParameters.NameClaimType = "name";
                // The provider redirects back with a top-level GET: Lax cookies travel with it, and plain HTTP works for
                // the embedded default (behind TLS in production the cookies are secure because the request is).
                options.CorrelationCookie.SameSite = SameSiteMode.Lax;
                options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.NonceCookie.SameSite = SameSiteMode.Lax;
                options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.Events = VneidSignIn.Events();
            });
        // Where the provider is, and our credentials there; read when the options are first used, once the server listens.
        auth.Services.AddOptions<OpenIdConnectOptions>(Scheme).Configure<IServiceProvider>((options, services) =>
        {
            var settings = services.GetRequiredService<IOptions<NationalServicesOptions>>().Value.Vneid;
            options.Authority = settings.Authority
                ?? $"{NationalServicesHosting.SelfAddress(services.GetService<IServer>())}{NationalServicesHosting.Prefix}/vneid";
            options.RequireHttpsMetadata = settings.RequireHttpsMetadata ?? settings.Authority is not null;
            options.ClientId = settings.ClientId;
            options.ClientSecret = settings.ClientSecret;
            options.RemoteAuthenticationTimeout = settings.SignInTimeout;
            // Token lifetimes follow the injected clock like every other clock (tests move it; the mock issues by it).
            var clock = services.GetRequiredService<TimeProvider>();
            options.TokenValidationParameters.LifetimeValidator = (notBefore, expires, _, parameters) =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                return (notBefore is null || notBefore <= now.Add(parameters.ClockSkew)) && (expires is null || expires >= now.Subtract(parameters.ClockSkew));
            };
        });
        return auth;
    }
}
