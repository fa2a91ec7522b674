using OneStop.Api.Common;
using OneStop.Infrastructure.Identity;

namespace OneStop.Api.Features.Admin.Users;

/// <summary>An account as administrators see it: never the password hash.</summary>
public sealed record UserResponse(
    string UserName, string FullName, IReadOnlyList<string> Roles, string? UnitCode, string? PersonalId,
    int FailedAttempts, DateTimeOffset? LockedOutUntil, bool Disabled, bool MustChangePassword)
{
    public static UserResponse From(UserAccount user, DateTime utcNow) => new(
        user.UserName, user.FullName, AccountRoles.Join(user.RoleSet).Split(',', StringSplitOptions.RemoveEmptyEntries), user.UnitCode, user.PersonalId,
        user.AccessFailedCount, user.IsLockedOut(utcNow) ? user.LockoutEnd!.Value.ToVietnam() : null, user.IsDisabled, user.MustChangePassword);
}
