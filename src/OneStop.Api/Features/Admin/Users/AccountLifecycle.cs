using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneStop.Api.Common;
using OneStop.Domain;
using OneStop.Infrastructure.Audit;
using OneStop.Infrastructure.Identity;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Api.Features.Admin.Users;

/// <summary>Why an admin disables an account (optional), kept in the audit log.</summary>
public sealed record DisableUserRequest(string? Reason);

public sealed class DisableUserRequestValidator : AbstractValidator<DisableUserRequest>
{
    public DisableUserRequestValidator() => RuleFor(r => r.Reason).StoredLength(StoredLengths.AuditDetail, "Lý do (reason)");
}

/// <summary>Shown once, to the admin who reset the password; never stored in clear, never shown again.</summary>
public sealed record ResetPasswordResponse(string UserName, string TemporaryPassword, DateTimeOffset ExpiresAt, bool MustChangePassword);

/// <summary>
/// Disable, enable and reset (DESIGN §10). Each replaces or keeps the account's security stamp on purpose — a
/// disable and a reset end every token already issued, at once (Features/Auth/AccountTokenCheck) — and each is
/// audited (who, whom, what, when) in the same transaction as the change.
/// </summary>
public static class AccountLifecycle
{
    public static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> Disable(
        string userName, DisableUserRequest? body, HttpContext http, ClaimsPrincipal caller, OneStopDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == userName, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (user is null)
            return Problems.NotFound($"Không tìm thấy tài khoản '{userName}'.");
        if (user.UserName == caller.Identity?.Name)
            return Problems.Conflict("Không thể tự vô hiệu hóa tài khoản của mình; hãy nhờ một quản trị viên khác.");
        if (user.IsDisabled)
            return TypedResults.Ok(UserResponse.From(user, now));
        if (user.RoleSet.Contains(RoleNames.Admin)
            && !await db.Users.AnyAsync(u => u.Id != user.Id && u.DisabledAt == null && ("," + u.Roles + ",").Contains(",admin,"), ct))
            return Problems.Conflict("Đây là quản trị viên cuối cùng còn hoạt động; không thể vô hiệu hóa.");

        user.DisabledAt = now;
        user.SecurityStamp = UserAccount.NewSecurityStamp();
        AuditLog.Add(db, http, now, AuditActions.AccountDisabled, user.UserName, body?.Reason);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(UserResponse.From(user, now));
    }

    public static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> Enable(
        string userName, HttpContext http, OneStopDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == userName, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (user is null)
            return Problems.NotFound($"Không tìm thấy tài khoản '{userName}'.");
        if (!user.IsDisabled)
            return TypedResults.Ok(UserResponse.From(user, now));
        // Tokens issued before the disable stay dead: their stamp was replaced then. The officer signs in again.
        user.DisabledAt = null;
        AuditLog.Add(db, http, now, AuditActions.AccountEnabled, user.UserName);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(UserResponse.From(user, now));
    }

    /// <summary>
    /// A new random temporary password: it works for one sign-in within <see cref="TemporaryPasswords.Lifetime"/>,
    /// and that sign-in can only choose a new password. The old password and every token stop working now; a
    /// lockout is lifted (the admin has just vouched for the person).
    /// </summary>
    public static async Task<Results<Ok<ResetPasswordResponse>, ProblemHttpResult>> ResetPassword(
        string userName, HttpContext http, OneStopDbContext db, IPasswordHasher<UserAccount> hasher, PasswordPolicy policy,
        TimeProvider clock, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == userName, ct);
        if (user is null)
            return Problems.NotFound($"Không tìm thấy tài khoản '{userName}'.");
        var now = clock.GetUtcNow().UtcDateTime;
        var temporary = TemporaryPasswords.Generate(policy);
        user.PasswordHash = hasher.HashPassword(user, temporary);
        user.SecurityStamp = UserAccount.NewSecurityStamp();
        user.MustChangePassword = true;
        user.TemporaryPasswordExpiresAt = now + TemporaryPasswords.Lifetime;
        user.TemporaryPasswordUsedAt = null;
        user.AccessFailedCount = 0;
        user.LockoutEnd = null;
        AuditLog.Add(db, http, now, AuditActions.PasswordReset, user.UserName, "Cấp mật khẩu tạm thời, phải đổi khi đăng nhập.");
        await db.SaveChangesAsync(ct);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new ResetPasswordResponse(user.UserName, temporary, user.TemporaryPasswordExpiresAt.Value.ToVietnam(), true));
    }
}
