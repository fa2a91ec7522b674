using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Api.Common;
using OneStop.Infrastructure.Identity;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Api.Features.Auth;

public sealed record TokenRequest(string? Username, string? Password);

public sealed class TokenRequestValidator : AbstractValidator<TokenRequest>
{
    public TokenRequestValidator()
    {
        RuleFor(r => r.Username).NotEmpty().WithMessage("Phải nhập tên đăng nhập.");
        RuleFor(r => r.Password).NotEmpty().WithMessage("Phải nhập mật khẩu.");
    }
}

/// <summary>
/// Sign-in. In order: the per-address limit (<see cref="RateLimits.SignIn"/>, before this handler) and the
/// per-account one (<see cref="SignInThrottle"/>) answer 429 with <c>Retry-After</c>; the attempt is reserved in
/// the database before the password is checked (<see cref="SignInAttempts"/>), so a locked account — or one a
/// parallel burst has just locked — is refused without looking at the password; a correct password then meets
/// the account's state: disabled (403), a temporary password already used or expired (401), a password that
/// must be changed first (403 with a password-change token, see <see cref="PasswordChangeRequired"/>), or a
/// session. Every attempt that reaches the database leaves a <see cref="SignInAudit"/> row.
/// </summary>
public static class IssueToken
{
    // Checked when no such user exists, so an unknown name costs the same PBKDF2 work as a wrong password.
    private static readonly string UnknownUserHash =
        new PasswordHasher<UserAccount>().HashPassword(new UserAccount(), Guid.NewGuid().ToString());

    public static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> Handle(
        TokenRequest request, HttpContext http, OneStopDbContext db, IPasswordHasher<UserAccount> hasher, SignInThrottle throttle,
        IOptions<LockoutOptions> lockout, JwtSettings jwt, TimeProvider clock, CancellationToken ct)
    {
        if (throttle.Check(request.Username!) is { } wait)
            return TooManyAttempts(http, wait);
        var now = clock.GetUtcNow().UtcDateTime;
        var userId = await db.Users.Where(u => u.UserName == request.Username).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        if (userId is not { } id)
        {
            hasher.VerifyHashedPassword(new UserAccount(), UnknownUserHash, request.Password!);
            await AuditAsync(db, request, http, now, SignInReasons.UnknownUser, ct);
            return WrongCredentials();
        }
        if (!await SignInAttempts.TryBeginAsync(db, id, lockout.Value, now, ct))
        {
            await AuditAsync(db, request, http, now, SignInReasons.LockedOut, ct);
            var lockedUntil = await db.Users.Where(u => u.Id == id).Select(u => u.LockoutEnd).FirstAsync(ct);
            return LockedOut(http, lockedUntil ?? now.AddMinutes(1), now);
        }

        // Read after the reservation: its lock, if this attempt (or a parallel one) set it, is already there.
        var user = await db.Users.FirstAsync(u => u.Id == id, ct);
        var verified = hasher.VerifyHashedPassword(user, user.PasswordHash, request.Password!);
        if (verified == PasswordVerificationResult.Failed)
        {
            await AuditAsync(db, request, http, now, SignInReasons.WrongPassword, ct);
            return user.IsLockedOut(now) ? LockedOut(http, user.LockoutEnd!.Value, now) : WrongCredentials();
        }
        if (user.IsDisabled)
        {
            await AuditAsync(db, request, http, now, SignInReasons.Disabled, ct);
            return Problems.Of(StatusCodes.Status403Forbidden, "Tài khoản đã bị vô hiệu hóa",
                "Tài khoản này đã bị quản trị viên vô hiệu hóa; hãy liên hệ quản trị viên của đơn vị.");
        }
        if (user.TemporaryPasswordExpiresAt is { } expires && await TemporaryPasswordRefusalAsync(db, user, expires, now, ct) is { } refusal)
        {
            await AuditAsync(db, request, http, now, refusal.Reason, ct);
            return Problems.Of(StatusCodes.Status401Unauthorized, "Đăng nhập thất bại", refusal.Detail);
        }

        await SignInAttempts.SucceededAsync(db, id, ct);
        if (verified == PasswordVerificationResult.SuccessRehashNeeded)
            user.PasswordHash = hasher.HashPassword(user, request.Password!);
        if (user.MustChangePassword)
        {
            await AuditAsync(db, request, http, now, SignInReasons.MustChangePassword, ct);
            return PasswordChangeRequired.Problem(AccessTokens.PasswordChange(user, jwt, now));
        }
        await AuditAsync(db, request, http, now, SignInReasons.Ok, ct);
        return TypedResults.Ok(AccessTokens.Session(user, jwt, now));
    }

    /// <summary>
    /// An admin's temporary password opens one password change, once, before it expires: the first correct use
    /// claims it with a conditional UPDATE (two parallel uses cannot both win); any later one is refused.
    /// </summary>
    private static async Task<(string Reason, string Detail)?> TemporaryPasswordRefusalAsync(
        OneStopDbContext db, UserAccount user, DateTime expires, DateTime now, CancellationToken ct)
    {
        const string AskAgain = "Hãy nhờ quản trị viên cấp lại mật khẩu tạm thời.";
        if (expires <= now)
            return (SignInReasons.TemporaryPasswordExpired,
                string.Create(CultureInfo.InvariantCulture, $"Mật khẩu tạm thời đã hết hạn lúc {expires.ToVietnam():HH:mm dd/MM/yyyy}. {AskAgain}"));
        var claimed = user.TemporaryPasswordUsedAt is null && await db.Users
            .Where(u => u.Id == user.Id && u.TemporaryPasswordUsedAt == null && u.SecurityStamp == user.SecurityStamp)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.TemporaryPasswordUsedAt, now), ct) == 1;
        return claimed ? null : (SignInReasons.TemporaryPasswordUsed, $"Mật khẩu tạm thời chỉ dùng được một lần và đã được dùng. {AskAgain}");
    }

    /// <summary>One answer for an unknown user and a wrong password: no account enumeration.</summary>
    private static ProblemHttpResult WrongCredentials() =>
        Problems.Of(StatusCodes.Status401Unauthorized, "Đăng nhập thất bại", "Tên đăng nhập hoặc mật khẩu không đúng.");

    internal static ProblemHttpResult LockedOut(HttpContext http, DateTime until, DateTime now)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling((until - now).TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var minutes = (seconds + 59) / 60;
        return Problems.Of(StatusCodes.Status429TooManyRequests, "Tài khoản tạm khóa",
            string.Create(CultureInfo.InvariantCulture,
                $"Tài khoản tạm khóa do đăng nhập sai nhiều lần. Hãy thử lại sau {minutes} phút (lúc {until.ToVietnam():HH:mm dd/MM/yyyy}) hoặc nhờ quản trị viên mở khóa."));
    }

    internal static ProblemHttpResult TooManyAttempts(HttpContext http, TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Problems.Of(StatusCodes.Status429TooManyRequests, "Quá nhiều yêu cầu",
            string.Create(CultureInfo.InvariantCulture, $"Có quá nhiều lần đăng nhập vào tài khoản này trong một phút; hãy thử lại sau {seconds} giây."));
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
}

/// <summary>
/// The answer to a correct password that must be changed before anything else (the bootstrap admin's, an admin
/// reset's temporary one): <c>403</c> ProblemDetails with <c>code: "password-change-required"</c>, a
/// <c>passwordChangeToken</c> (a bearer token good for <c>POST /api/me/password</c> only, for
/// <see cref="AccessTokens.PasswordChangeLifetime"/>) and its <c>expiresIn</c> in seconds. No session token is issued.
/// </summary>
public static class PasswordChangeRequired
{
    public const string Code = "password-change-required";

    public static ProblemHttpResult Problem(string passwordChangeToken) => Problems.Of(StatusCodes.Status403Forbidden, "Phải đổi mật khẩu",
        "Mật khẩu này chỉ dùng để đặt mật khẩu mới. Gửi POST /api/me/password { currentPassword, newPassword } với " +
        "passwordChangeToken làm Bearer token; sau đó đăng nhập bằng mật khẩu mới.",
        extensions: new Dictionary<string, object?>
        {
            ["code"] = Code,
            ["passwordChangeToken"] = passwordChangeToken,
            ["expiresIn"] = (int)AccessTokens.PasswordChangeLifetime.TotalSeconds,
        });
}

public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/auth").WithTags("Auth")
            .MapPost("/token", IssueToken.Handle).Validate<TokenRequest>().AllowAnonymous().RequireRateLimiting(RateLimits.SignIn)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Đăng nhập: cấp access token (JWT) kèm vai trò và đơn vị. Sai mật khẩu nhiều lần thì tài khoản tạm khóa (429, Retry-After); " +
                "mật khẩu phải đổi thì trả 403 kèm passwordChangeToken.");
        app.MapPost("/api/auth/session", SessionEndpoints.Start).Validate<TokenRequest>().AllowAnonymous().WithTags("Auth")
            .RequireRateLimiting(RateLimits.SignIn).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Đăng nhập trên trang (dashboard): như /api/auth/token, kèm cookie phiên HttpOnly, SameSite=Strict để mở /hangfire.");
        app.MapDelete("/api/auth/session", (Delegate)SessionEndpoints.End).AllowAnonymous().WithTags("Auth")
            .WithSummary("Đăng xuất phiên trên trang (xóa cookie phiên).");
        return app;
    }
}
