using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneStop.Api.Common;
using OneStop.Domain;
using OneStop.Domain.Identifiers;
using OneStop.Infrastructure.Audit;
using OneStop.Infrastructure.Identity;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Api.Features.Admin.Users;

public sealed record CreateUserRequest(
    string? UserName, string? FullName, string? Password, IReadOnlyList<string>? Roles, string? UnitCode, string? PersonalId);

public sealed class CreateUserRequestValidator : AbstractValidator<CreateUserRequest>
{
    public CreateUserRequestValidator(PasswordPolicy passwords, TimeProvider clock)
    {
        RuleFor(r => r.UserName).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Phải nhập tên đăng nhập (userName).")
            .Matches("^[a-z0-9][a-z0-9._-]{2,63}$")
            .WithMessage("Tên đăng nhập gồm 3–64 ký tự: chữ thường không dấu, chữ số, dấu chấm, gạch dưới hoặc gạch ngang, bắt đầu bằng chữ hoặc số.")
            .Must(name => !ReservedUserNames.IsReserved(name))
            .WithMessage(r => $"Tên đăng nhập '{r.UserName}' được dành riêng cho hệ thống; hãy chọn tên khác.");
        RuleFor(r => r.FullName).Cascade(CascadeMode.Stop)
            .Must(name => !string.IsNullOrWhiteSpace(name)).WithMessage("Phải nhập họ tên (fullName).")
            .StoredLength(StoredLengths.FullName, "Họ tên (fullName)");
        RuleFor(r => r.Password).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Phải nhập mật khẩu (password).")
            .MaximumLength(AccountRules.PasswordMaxLength).WithMessage("Mật khẩu dài tối đa 128 ký tự.")
            .Custom((password, context) =>
            {
                foreach (var error in passwords.Check(password))
                    context.AddFailure(error);
            });
        RuleFor(r => r.Roles).RolesRules();
        RuleFor(r => r.UnitCode)
            .NotEmpty().When(r => AccountRules.HasOfficerRole(r.Roles))
            .WithMessage("Cán bộ (reception, specialist, leader) phải thuộc một đơn vị (unitCode).");
        RuleFor(r => r.UnitCode)
            .Empty().When(r => r.Roles is not null && !AccountRules.HasOfficerRole(r.Roles))
            .WithMessage("Chỉ cán bộ (reception, specialist, leader) mới thuộc đơn vị; bỏ unitCode.");
        RuleFor(r => r.PersonalId)
            .NotEmpty().When(r => r.Roles?.Contains(RoleNames.Citizen) == true)
            .WithMessage("Tài khoản công dân cần số định danh cá nhân (personalId).");
        RuleFor(r => r.PersonalId)
            .Custom((id, context) =>
            {
                var check = OneStop.Domain.Identifiers.PersonalId.Validate(id, VietnamTime.Today(clock));
                if (!check.IsValid)
                    context.AddFailure(check.Error!);
            })
            .When(r => !string.IsNullOrEmpty(r.PersonalId));
    }
}

public static class CreateUser
{
    public static async Task<Results<Created<UserResponse>, ProblemHttpResult>> Handle(
        CreateUserRequest request, HttpContext http, OneStopDbContext db, IPasswordHasher<UserAccount> hasher, TimeProvider clock, CancellationToken ct)
    {
        if (await db.Users.AnyAsync(u => u.UserName == request.UserName, ct))
            return Taken(request.UserName!);
        var personalId = request.PersonalId?.Trim();
        if (personalId is { Length: > 0 } && await db.Users.AnyAsync(u => u.PersonalId == personalId, ct))
            return Problems.Of(StatusCodes.Status409Conflict, "Tài khoản đã tồn tại",
                $"Số định danh {personalId} đã có tài khoản; mỗi người chỉ có một tài khoản.", "personalId");
        if (await AccountRules.CheckRolesAsync(db, request.Roles!, ct) is { } roleProblem)
            return roleProblem;
        var officer = AccountRules.HasOfficerRole(request.Roles);
        if (officer && await AccountRules.CheckUnitAsync(db, request.UnitCode!, clock, ct) is { } unitProblem)
            return unitProblem;

        var now = clock.GetUtcNow();
        var user = new UserAccount
        {
            Id = Guid.CreateVersion7(now),
            UserName = request.UserName!,
            FullName = request.FullName!.Trim(),
            Roles = AccountRoles.Join(request.Roles!),
            UnitCode = officer ? request.UnitCode : null,
            PersonalId = personalId is { Length: > 0 } ? personalId : null,
            SecurityStamp = UserAccount.NewSecurityStamp(),
        };
        user.PasswordHash = hasher.HashPassword(user, request.Password!);
        db.Users.Add(user);
        AuditLog.Add(db, http, now.UtcDateTime, AuditActions.AccountCreated, user.UserName, $"Vai trò: {user.Roles}; đơn vị: {user.UnitCode ?? "—"}.");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two admins creating the same name at once: the unique index decides.
            db.ChangeTracker.Clear();
            if (await db.Users.AnyAsync(u => u.UserName == user.UserName, ct))
                return Taken(user.UserName);
            throw;
        }
        return TypedResults.Created($"{AdminUsersEndpoints.UsersPath}/{user.UserName}", UserResponse.From(user, now.UtcDateTime));
    }

    private static ProblemHttpResult Taken(string userName) =>
        Problems.Of(StatusCodes.Status409Conflict, "Tài khoản đã tồn tại", $"Tên đăng nhập '{userName}' đã được dùng.", "userName");
}
