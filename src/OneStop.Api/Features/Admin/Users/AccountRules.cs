using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneStop.Api.Common;
using OneStop.Infrastructure.Identity;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Api.Features.Admin.Users;

/// <summary>What every account must satisfy (DESIGN §2), shared by creation and update.</summary>
public static class AccountRules
{
    public const int PasswordMaxLength = 128;

    public static bool HasOfficerRole(IEnumerable<string>? roles) => roles?.Any(AccountRoles.Officers.Contains) == true;

    /// <summary>Roles: at least one, each known, and a citizen account holds no other role.</summary>
    public static IRuleBuilderOptions<T, IReadOnlyList<string>?> RolesRules<T>(this IRuleBuilder<T, IReadOnlyList<string>?> rule) => rule
        .NotEmpty().WithMessage("Phải chọn ít nhất một vai trò: reception, specialist, leader, admin hoặc citizen.")
        .Must(roles => roles is null || roles.All(AccountRoles.IsKnown))
        .WithMessage("Vai trò không tồn tại; chỉ dùng reception, specialist, leader, admin hoặc citizen.")
        .Must(roles => roles is null || !roles.Contains(AccountRoles.Citizen) || roles.Distinct().Count() == 1)
        .WithMessage("Tài khoản công dân (citizen) không kiêm vai trò khác.");

    /// <summary>
    /// The unit an officer is to work at: it must exist and be in force today. A unit merged away is
    /// refused with the name of its successor rather than silently followed.
    /// </summary>
    public static async Task<ProblemHttpResult?> CheckUnitAsync(OneStopDbContext db, string code, TimeProvider clock, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == code, ct);
        if (unit is null)
            return Problems.Unprocessable($"Đơn vị '{code}' không tồn tại.", "unitCode");
        if (!unit.ToInfo().IsValidOn(VietnamTime.Today(clock)))
            return Problems.Unprocessable(
                unit.SuccessorCode is null
                    ? $"Đơn vị '{code}' đã ngừng hoạt động."
                    : $"Đơn vị '{code}' đã sáp nhập vào '{unit.SuccessorCode}'; hãy chọn đơn vị kế thừa.",
                "unitCode");
        return null;
    }
}
