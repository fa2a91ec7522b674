using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OneStop.Api.Common;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Api.Features.Auth;

/// <summary>
/// A signature and an expiry are not enough for a token to work: on every request the account behind it must still
/// exist, be enabled and carry the security stamp the token was issued with (disabling an account, or changing or
/// resetting its password, replaces the stamp). So a disabled officer's token stops working on the next request,
/// not when it expires. A password-change token works only where <see cref="PasswordChangeTokenAllowed"/> is set.
/// Refusals are 401 ProblemDetails that say why.
/// </summary>
public static class AccountTokenCheck
{
    public static JwtBearerEvents Events() => new() { OnTokenValidated = ValidateAsync, OnChallenge = ChallengeAsync };

    private static async Task ValidateAsync(TokenValidatedContext context)
    {
        var (refusal, account) = await CheckAsync(context.Principal!, context.HttpContext);
        if (refusal is not null)
            context.Fail(new AccountTokenRefusedException(refusal));
        // The account row just read also carries its current roles and unit: the claims are refreshed from it here
        // rather than by a second lookup in Common/CurrentAccountClaims (same rules, one query per request).
        else if (account is not null && !context.Principal!.HasClaim(c => c.Type == OneStopClaims.PasswordChangeOnly)
                 && context.Principal.Identity is ClaimsIdentity identity)
            context.Principal = CurrentAccountClaims.WithCurrentAccount(identity, account.Roles, account.UnitCode);
    }

    /// <summary>
    /// Why the account behind <paramref name="principal"/> may not act in this request, or null: the same rules for a
    /// bearer token and for the dashboard's session cookie (Features/Auth/SessionEndpoints).
    /// </summary>
    public static async Task<string?> RefusalAsync(ClaimsPrincipal principal, HttpContext http) => (await CheckAsync(principal, http)).Refusal;

    private sealed record AccountState(string SecurityStamp, DateTime? DisabledAt, bool MustChangePassword, string Roles, string? UnitCode);

    private static async Task<(string? Refusal, AccountState? Account)> CheckAsync(ClaimsPrincipal principal, HttpContext http)
    {
        var userName = principal.Identity?.Name;
        var changeOnly = principal.HasClaim(c => c.Type == OneStopClaims.PasswordChangeOnly);
        var db = http.RequestServices.GetRequiredService<OneStopDbContext>();
        var account = userName is null ? null : await db.Users.AsNoTracking().Where(u => u.UserName == userName)
            .Select(u => new AccountState(u.SecurityStamp, u.DisabledAt, u.MustChangePassword, u.Roles, u.UnitCode))
            .FirstOrDefaultAsync(http.RequestAborted);

        var refusal =
            account is null ? "Tài khoản của phiên đăng nhập này không còn tồn tại."
            : account.DisabledAt is not null ? "Tài khoản đã bị quản trị viên vô hiệu hóa; phiên đăng nhập không còn hiệu lực."
            : account.SecurityStamp != (principal.FindFirst(OneStopClaims.SecurityStamp)?.Value ?? "")
                ? "Phiên đăng nhập không còn hiệu lực vì mật khẩu của tài khoản vừa được đổi hoặc cấp lại; hãy đăng nhập lại."
            : (changeOnly || account.MustChangePassword) && http.GetEndpoint()?.Metadata.GetMetadata<PasswordChangeTokenAllowed>() is null
                ? "Bạn phải đổi mật khẩu trước khi dùng hệ thống: POST /api/me/password { currentPassword, newPassword }."
            : null;
        return (refusal, account);
    }

    private static async Task ChallengeAsync(JwtBearerChallengeContext context)
    {
        if (context.AuthenticateFailure is not AccountTokenRefusedException refused)
            return;
        context.HandleResponse();
        var http = context.HttpContext;
        http.Response.StatusCode = StatusCodes.Status401Unauthorized;
        http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = StatusCodes.Status401Unauthorized, Title = "Phiên đăng nhập không hợp lệ", Detail = refused.Message },
        });
    }
}

/// <summary>Endpoint metadata: a password-change token may call this endpoint (only <c>POST /api/me/password</c> has it).</summary>
public sealed class PasswordChangeTokenAllowed;

public sealed class AccountTokenRefusedException(string message) : Exception(message);
