using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Api.Common;
using OneStop.Infrastructure.Identity;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Api.Features.Auth;

/// <summary>
/// <c>POST /api/auth/session</c>: the sign-in of the dashboard page. It is <c>POST /api/auth/token</c> — the same
/// password check, lockout and audit — and, on success, also sets the session cookie (<see cref="SessionCookie"/>)
/// that lets the same browser open <c>/hangfire</c>. <c>DELETE</c> ends the session. Both refuse a request sent
/// from another site (its <c>Origin</c> or <c>Sec-Fetch-Site</c> says so): with SameSite=Strict and a JSON-only body
/// that is the cross-site request forgery defence.
/// </summary>
public static class SessionEndpoints
{
    public static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> Start(
        TokenRequest request, HttpContext http, OneStopDbContext db, IPasswordHasher<UserAccount> hasher, SignInThrottle throttle,
        IOptions<LockoutOptions> lockout, JwtSettings jwt, TimeProvider clock, CancellationToken ct)
    {
        if (CrossSite(http.Request) is { } refused)
            return refused;
        var result = await IssueToken.Handle(request, http, db, hasher, throttle, lockout, jwt, clock, ct);
        if (result.Result is not Ok<TokenResponse> { Value: { } token })
            return result;

        // The session carries the account's security stamp, which every request checks as it does a token's
        // (AccountTokenCheck): disabling the account or changing its password ends the session too.
        var stamp = await db.Users.AsNoTracking().Where(u => u.UserName == request.Username).Select(u => u.SecurityStamp).FirstAsync(ct);
        var identity = new ClaimsIdentity(SessionCookie.Scheme, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.Name, request.Username!));
        identity.AddClaim(new Claim(OneStopClaims.SecurityStamp, stamp));
        foreach (var role in token.Roles)
            identity.AddClaim(new Claim(ClaimTypes.Role, role));
        if (token.UnitCode is not null)
            identity.AddClaim(new Claim(OneStopClaims.UnitCode, token.UnitCode));
        await http.SignInAsync(SessionCookie.Scheme, new ClaimsPrincipal(identity), new AuthenticationProperties
        {
            IsPersistent = false,
            ExpiresUtc = clock.GetUtcNow().Add(jwt.Lifetime),
        });
        return result;
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> End(HttpContext http)
    {
        if (CrossSite(http.Request) is { } refused)
            return refused;
        await http.SignOutAsync(SessionCookie.Scheme);
        return TypedResults.NoContent();
    }

    /// <summary>A 403 when the browser says the request comes from another site; null for same-origin and non-browser callers.</summary>
    internal static ProblemHttpResult? CrossSite(HttpRequest request)
    {
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        var origin = request.Headers.Origin.ToString();
        var sameOrigin = string.IsNullOrEmpty(origin)
            || string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);
        if (sameOrigin && fetchSite is "" or "same-origin" or "none")
            return null;
        return Problems.Of(StatusCodes.Status403Forbidden, "Yêu cầu từ trang khác",
            "Phiên đăng nhập chỉ được mở hoặc đóng từ chính trang của OneStop (yêu cầu từ trang khác bị từ chối).", "Origin");
    }

    /// <summary>The cookie scheme: HttpOnly, SameSite=Strict, as long as a token, expiring on the host's clock; 401/403, never a redirect.</summary>
    public static AuthenticationBuilder AddOneStopSessionCookie(this AuthenticationBuilder authentication)
    {
        authentication.AddCookie(SessionCookie.Scheme, options =>
        {
            options.Cookie.Name = SessionCookie.Name;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            // Secure whenever the request is HTTPS (production behind TLS); plain HTTP on a developer's loopback still works.
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Cookie.Path = "/";
            options.SlidingExpiration = false;
            // The account behind the session must still be enabled and unchanged, on every request, as for a token.
            options.Events.OnValidatePrincipal = async context =>
            {
                if (await AccountTokenCheck.RefusalAsync(context.Principal!, context.HttpContext) is null)
                    return;
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(SessionCookie.Scheme);
            };
            options.Events.OnRedirectToLogin = context => Status(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => Status(context, StatusCodes.Status403Forbidden);
        });
        authentication.Services.AddOptions<CookieAuthenticationOptions>(SessionCookie.Scheme)
            .Configure<TimeProvider>((options, clock) => options.TimeProvider = clock);
        return authentication;
    }

    private static Task Status(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
