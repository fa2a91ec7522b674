using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Api.Common;
using OneStop.Api.Features.Admin.Users;
using OneStop.Api.Features.Auth;
using OneStop.Infrastructure.Audit;
using OneStop.Infrastructure.Identity;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Api.Features.Me;

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

public sealed class ChangePasswordRequestValidator : AbstractValidator<ChangePasswordRequest>
{
    public ChangePasswordRequestValidator(PasswordPolicy passwords)
    {
        RuleFor(r => r.CurrentPassword).NotEmpty().WithMessage("Phải nhập mật khẩu hiện tại (currentPassword).");
        RuleFor(r => r.NewPassword).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Phải nhập mật khẩu mới (newPassword).")
            .MaximumLength(AccountRules.PasswordMaxLength).WithMessage("Mật khẩu dài tối đa 128 ký tự.")
            .Custom((password, context) =>
            {
                foreach (var error in passwords.Check(password))
                    context.AddFailure(error);
            });
    }
}

/// <summary>
/// <c>POST /api/me/password</c>: anyone signed in changes their own password — with a session token, or with the
/// password-change token that a password needing change (bootstrap admin, admin reset) signs in to. The current
/// password is checked like a sign-in (the attempt counts toward the lockout first), the new one must meet the
/// policy and differ from it. The change ends every token of the account and answers with a new session token.
/// </summary>
public static class ChangePassword
{
    public static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> Handle(
        ChangePasswordRequest request, HttpContext http, ClaimsPrincipal caller, OneStopDbContext db, IPasswordHasher<UserAccount> hasher,
        SignInThrottle throttle, IOptions<LockoutOptions> lockout, JwtSettings jwt, TimeProvider clock, CancellationToken ct)
    {
        var userName = caller.Identity!.Name!;
        if (throttle.Check(userName) is { } wait)
            return IssueToken.TooManyAttempts(http, wait);
        var now = clock.GetUtcNow().UtcDateTime;
        var id = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).FirstAsync(ct);
        if (!await SignInAttempts.TryBeginAsync(db, id, lockout.Value, now, ct))
            return IssueToken.LockedOut(http, await db.Users.Where(u => u.Id == id).Select(u => u.LockoutEnd ?? now).FirstAsync(ct), now);

        var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == id, ct);
        if (hasher.VerifyHashedPassword(user, user.PasswordHash, request.CurrentPassword!) == PasswordVerificationResult.Failed)
            return user.IsLockedOut(now)
                ? IssueToken.LockedOut(http, user.LockoutEnd!.Value, now)
                : Problems.Unprocessable("Mật khẩu hiện tại không đúng.", "currentPassword");
        await SignInAttempts.SucceededAsync(db, id, ct);
        if (request.NewPassword == request.CurrentPassword)
            return Problems.Unprocessable("Mật khẩu mới phải khác mật khẩu hiện tại.", "newPassword");

        var stamp = caller.FindFirstValue(OneStopClaims.SecurityStamp) ?? "";
        var newStamp = UserAccount.NewSecurityStamp();
        var newHash = hasher.HashPassword(user, request.NewPassword!);
        await using var transaction = await db.Database.BeginWriteTransactionAsync(ct);
        // Conditional on the stamp this caller's token carries: a reset or another change meanwhile wins, this one is refused.
        var changed = await db.Users.Where(u => u.Id == id && u.SecurityStamp == stamp)
            .ExecuteUpdateAsync(s => s
                .SetProperty(u => u.PasswordHash, newHash)
                .SetProperty(u => u.SecurityStamp, newStamp)
                .SetProperty(u => u.MustChangePassword, false)
                .SetProperty(u => u.TemporaryPasswordExpiresAt, (DateTime?)null)
                .SetProperty(u => u.TemporaryPasswordUsedAt, (DateTime?)null), ct);
        if (changed == 0)
            return Problems.Conflict("Mật khẩu của tài khoản vừa được đổi hoặc cấp lại ở nơi khác; hãy đăng nhập lại rồi thử lại.");
        AuditLog.Add(db, http, now, AuditActions.PasswordChanged, userName,
            user.MustChangePassword ? "Đổi mật khẩu bắt buộc (mật khẩu khởi tạo hoặc tạm thời)." : "Tự đổi mật khẩu.");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        user.PasswordHash = newHash;
        user.SecurityStamp = newStamp;
        user.MustChangePassword = false;
        return TypedResults.Ok(AccessTokens.Session(user, jwt, now));
    }
}
