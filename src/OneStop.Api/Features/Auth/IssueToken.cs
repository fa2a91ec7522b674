using System.Globalization;
using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OneStop.Api.Common;
using OneStop.Infrastructure.Identity;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Api.Features.Auth;

public sealed record TokenRequest(string? Username, string? Password);

public sealed record TokenResponse(string AccessToken, int ExpiresIn, IReadOnlyList<string> Roles, string? UnitCode);

public sealed class TokenRequestValidator : AbstractValidator<TokenRequest>
{
    public TokenRequestValidator()
    {
        RuleFor(r => r.Username).NotEmpty().WithMessage("Phải nhập tên đăng nhập.");
        RuleFor(r => r.Password).NotEmpty().WithMessage("Phải nhập mật khẩu.");
    }
}

/// <summary>
/// Sign-in with Identity's semantics (<c>SignInManager.CheckPasswordSignInAsync</c> with lockout on):
/// a locked-out account is refused before its password is looked at, each wrong password counts, the
/// attempt that reaches <see cref="LockoutOptions.MaxFailedAccessAttempts"/> locks the account for
/// <see cref="LockoutOptions.DefaultLockoutTimeSpan"/> and restarts the count, a success resets it.
/// Every attempt leaves a <see cref="SignInAudit"/> row.
/// </summary>
public static class IssueToken
{
    // Checked when no such user exists, so an unknown name costs the same PBKDF2 work as a wrong password.
    private static readonly string UnknownUserHash =
        new PasswordHasher<UserAccount>().HashPassword(new UserAccount(), Guid.NewGuid().ToString());

    public static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> Handle(
        TokenRequest request, HttpContext http, OneStopDbContext db, IPasswordHasher<UserAccount> hasher,
        IOptions<LockoutOptions> lockout, JwtSettings jwt, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == request.Username, ct);
        if (user is null)
        {
            hasher.VerifyHashedPassword(new UserAccount(), UnknownUserHash, request.Password!);
            await AuditAsync(db, request, http, now, SignInReasons.UnknownUser, ct);
            return WrongCredentials();
        }
        if (user.IsLockedOut(now))
        {
            await AuditAsync(db, request, http, now, SignInReasons.LockedOut, ct);
            return LockedOut(http, user.LockoutEnd!.Value, now);
        }

        var verified = hasher.VerifyHashedPassword(user, user.PasswordHash, request.Password!);
        if (verified == PasswordVerificationResult.Failed)
        {
            await AuditAsync(db, request, http, now, SignInReasons.WrongPassword, ct);
            var lockedUntil = await CountFailureAsync(db, user.Id, lockout.Value, now, ct);
            return lockedUntil is { } until ? LockedOut(http, until, now) : WrongCredentials();
        }
        if (verified == PasswordVerificationResult.SuccessRehashNeeded)
            user.PasswordHash = hasher.HashPassword(user, request.Password!);
        user.AccessFailedCount = 0;
        user.LockoutEnd = null;
        await AuditAsync(db, request, http, now, SignInReasons.Ok, ct);

        return TypedResults.Ok(new TokenResponse(
            CreateToken(user, jwt, now), (int)jwt.Lifetime.TotalSeconds, user.RoleSet.Order().ToList(), user.UnitCode));
    }

    /// <summary>One answer for an unknown user and a wrong password: no account enumeration.</summary>
    private static ProblemHttpResult WrongCredentials() =>
        Problems.Of(StatusCodes.Status401Unauthorized, "Đăng nhập thất bại", "Tên đăng nhập hoặc mật khẩu không đúng.");

    private static ProblemHttpResult LockedOut(HttpContext http, DateTime until, DateTime now)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling((until - now).TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var minutes = (seconds + 59) / 60;
        return Problems.Of(StatusCodes.Status429TooManyRequests, "Tài khoản tạm khóa",
            string.Create(CultureInfo.InvariantCulture,
                $"Tài khoản tạm khóa do đăng nhập sai nhiều lần. Hãy thử lại sau {minutes} phút (lúc {until.ToVietnam():HH:mm dd/MM/yyyy}) hoặc nhờ quản trị viên mở khóa."));
    }

    /// <summary>
    /// Counts a wrong password with single UPDATE statements, so a burst of parallel guesses cannot lose
    /// increments and slip past the limit. Returns the lockout end when this attempt locked the account.
    /// </summary>
    private static async Task<DateTime?> CountFailureAsync(OneStopDbContext db, Guid userId, LockoutOptions options, DateTime now, CancellationToken ct)
    {
        await db.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.AccessFailedCount, u => u.AccessFailedCount + 1), ct);
        DateTime? until = now.Add(options.DefaultLockoutTimeSpan);
        var locked = await db.Users.Where(u => u.Id == userId && u.AccessFailedCount >= options.MaxFailedAccessAttempts)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, until).SetProperty(u => u.AccessFailedCount, 0), ct);
        return locked > 0 ? until : null;
    }

    private static async Task AuditAsync(OneStopDbContext db, TokenRequest request, HttpContext http, DateTime now, string reason, CancellationToken ct)
    {
        var typed = request.Username ?? "";
        db.SignInAudits.Add(new SignInAudit
        {
            At = now,
            UserName = typed.Length > SignInAudit.UserNameMaxLength ? typed[..SignInAudit.UserNameMaxLength] : typed,
            Succeeded = reason == SignInReasons.Ok,
            Reason = reason,
            ClientAddress = http.Connection.RemoteIpAddress?.ToString(),
        });
        await db.SaveChangesAsync(ct);
    }

    private static string CreateToken(UserAccount user, JwtSettings jwt, DateTime now)
    {
        var claims = new List<Claim>
        {
            new(JwtRegisteredClaimNames.Sub, user.UserName),
            new(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
            new(JwtRegisteredClaimNames.Iat, EpochTime.GetIntDate(now).ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64),
            new(ClaimTypes.Name, user.UserName),
            new(OneStopClaims.FullName, user.FullName),
        };
        claims.AddRange(user.RoleSet.Select(role => new Claim(ClaimTypes.Role, role)));
        if (user.UnitCode is not null)
            claims.Add(new Claim(OneStopClaims.UnitCode, user.UnitCode));
        if (user.PersonalId is not null)
            claims.Add(new Claim(OneStopClaims.PersonalId, user.PersonalId));

        var token = new JwtSecurityToken(JwtSettings.Issuer, JwtSettings.Audience, claims, now, now.Add(jwt.Lifetime),
            new SigningCredentials(jwt.SigningKey, SecurityAlgorithms.HmacSha256));
        return new JwtSecurityTokenHandler().WriteToken(token);
    }
}

public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/auth").WithTags("Auth")
            .MapPost("/token", IssueToken.Handle).Validate<TokenRequest>().AllowAnonymous()
            .WithSummary("Đăng nhập: cấp access token (JWT) kèm vai trò và đơn vị. Sai mật khẩu nhiều lần thì tài khoản tạm khóa (429, Retry-After).");
        app.MapPost("/api/auth/session", SessionEndpoints.Start).Validate<TokenRequest>().AllowAnonymous().WithTags("Auth")
            .WithSummary("Đăng nhập trên trang (dashboard): như /api/auth/token, kèm cookie phiên HttpOnly, SameSite=Strict để mở /hangfire.");
        app.MapDelete("/api/auth/session", (Delegate)SessionEndpoints.End).AllowAnonymous().WithTags("Auth")
            .WithSummary("Đăng xuất phiên trên trang (xóa cookie phiên).");
        return app;
    }
}
