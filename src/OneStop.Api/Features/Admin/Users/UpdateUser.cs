using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneStop.Api.Common;
using OneStop.Infrastructure.Audit;
using OneStop.Domain;
using OneStop.Infrastructure.Identity;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Api.Features.Admin.Users;

/// <summary>Only the fields given change. Roles without an officer role take the account out of its unit.</summary>
public sealed record UpdateUserRequest(string? FullName, IReadOnlyList<string>? Roles, string? UnitCode);

public sealed class UpdateUserRequestValidator : AbstractValidator<UpdateUserRequest>
{
    public UpdateUserRequestValidator()
    {
        RuleFor(r => r).Must(r => r.FullName is not null || r.Roles is not null || r.UnitCode is not null)
            .OverridePropertyName("body").WithMessage("Không có gì để cập nhật: gửi ít nhất một trong fullName, roles, unitCode.");
        RuleFor(r => r.FullName).Cascade(CascadeMode.Stop)
            .Must(name => !string.IsNullOrWhiteSpace(name)).WithMessage("Họ tên (fullName) không được để trống.")
            .StoredLength(StoredLengths.FullName, "Họ tên (fullName)")
            .When(r => r.FullName is not null);
        RuleFor(r => r.Roles).RolesRules().When(r => r.Roles is not null);
        RuleFor(r => r.UnitCode).NotEmpty().WithMessage("Mã đơn vị (unitCode) không được để trống.")
            .StoredLength(StoredLengths.UnitCode, "Mã đơn vị (unitCode)").When(r => r.UnitCode is not null);
    }
}

public static class UpdateUser
{
    public static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> Handle(
        string userName, UpdateUserRequest request, HttpContext http, OneStopDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == userName, ct);
        if (user is null)
            return Problems.NotFound($"Không tìm thấy tài khoản '{userName}'.");

        var roles = request.Roles ?? user.RoleSet.ToList();
        if (request.Roles is not null && await AccountRules.CheckRolesAsync(db, request.Roles, ct) is { } roleProblem)
            return roleProblem;
        var officer = AccountRules.HasOfficerRole(roles);
        var unitCode = officer ? request.UnitCode ?? user.UnitCode : null;
        if (!officer && request.UnitCode is not null)
            return Problems.Unprocessable("Chỉ cán bộ (reception, specialist, leader) mới thuộc đơn vị; bỏ unitCode hoặc giao vai trò cán bộ.", "unitCode");
        if (officer && unitCode is null)
            return Problems.Unprocessable("Cán bộ (reception, specialist, leader) phải thuộc một đơn vị (unitCode).", "unitCode");
        if (officer && unitCode != user.UnitCode && await AccountRules.CheckUnitAsync(db, unitCode!, clock, ct) is { } unitProblem)
            return unitProblem;
        if (roles.Contains(RoleNames.Citizen) && user.PersonalId is null)
            return Problems.Unprocessable("Tài khoản này không có số định danh cá nhân nên không thể là công dân; hãy tạo tài khoản công dân riêng.", "roles");
        if (user.RoleSet.Contains(RoleNames.Admin) && !roles.Contains(RoleNames.Admin)
            && !await db.Users.AnyAsync(u => u.Id != user.Id && u.DisabledAt == null && ("," + u.Roles + ",").Contains(",admin,"), ct))
            return Problems.Conflict("Đây là quản trị viên cuối cùng; hãy giao vai trò admin cho tài khoản khác trước.");

        var before = $"{user.FullName}; {user.Roles}; {user.UnitCode ?? "—"}";
        if (request.FullName is not null)
            user.FullName = request.FullName.Trim();
        user.Roles = AccountRoles.Join(roles);
        user.UnitCode = unitCode;
        AuditLog.Add(db, http, clock.GetUtcNow().UtcDateTime, AuditActions.AccountUpdated, user.UserName,
            $"{before} → {user.FullName}; {user.Roles}; {user.UnitCode ?? "—"}");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(UserResponse.From(user, clock.GetUtcNow().UtcDateTime));
    }
}

public static class UnlockUser
{
    public static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> Handle(
        string userName, HttpContext http, OneStopDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == userName, ct);
        if (user is null)
            return Problems.NotFound($"Không tìm thấy tài khoản '{userName}'.");
        user.AccessFailedCount = 0;
        user.LockoutEnd = null;
        AuditLog.Add(db, http, clock.GetUtcNow().UtcDateTime, AuditActions.AccountUnlocked, user.UserName);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(UserResponse.From(user, clock.GetUtcNow().UtcDateTime));
    }
}
