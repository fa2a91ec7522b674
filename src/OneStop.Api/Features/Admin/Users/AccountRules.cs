using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneStop.Api.Common;
using OneStop.Domain;
using OneStop.Domain.Definitions;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Api.Features.Admin.Users;

/// <summary>What every account must satisfy (DESIGN §2), shared by creation and update.</summary>
public static class AccountRules
{
    public const int PasswordMaxLength = 128;

    public static bool HasOfficerRole(IEnumerable<string>? roles) => roles?.Any(RoleNames.IsOfficerRole) == true;

    /// <summary>Roles: at least one, each well formed, and a citizen account holds no other role. Known ones: <see cref="CheckRolesAsync"/>.</summary>
    public static IRuleBuilderOptions<T, IReadOnlyList<string>?> RolesRules<T>(this IRuleBuilder<T, IReadOnlyList<string>?> rule) => rule
        .NotEmpty().WithMessage("Phải chọn ít nhất một vai trò: reception, specialist, leader, admin, citizen hoặc vai trò của quy trình (ví dụ appraiser).")
        .Must(roles => roles is null || roles.All(r => r is not null && System.Text.RegularExpressions.Regex.IsMatch(r, "^[a-z][a-z0-9-]{1,31}$")))
        .WithMessage("Tên vai trò gồm chữ thường không dấu, số và gạch nối (2–32 ký tự).")
        .Must(roles => roles is null || !roles.Contains(RoleNames.Citizen) || roles.Distinct().Count() == 1)
        .WithMessage("Tài khoản công dân (citizen) không kiêm vai trò khác.");

    /// <summary>
    /// Roles are data (DESIGN §4.1): an account may hold the built-in roles and any role a stored definition lists in
    /// its <c>roles</c>, so an agency's <c>appraiser</c> exists once a procedure consults with it. Anything else is a typo.
    /// </summary>
    public static async Task<ProblemHttpResult?> CheckRolesAsync(OneStopDbContext db, IReadOnlyList<string> roles, CancellationToken ct)
    {
        var known = RoleNames.BuiltIn.ToHashSet(StringComparer.Ordinal);
        if (roles.All(known.Contains))
            return null;
        foreach (var json in await db.DefinitionVersions.AsNoTracking().Select(v => v.Json).ToListAsync(ct))
            known.UnionWith(WorkflowDefinition.Parse(json).Roles ?? []);
        var unknown = roles.Where(r => !known.Contains(r)).ToList();
        return unknown.Count == 0 ? null
            : Problems.Of(StatusCodes.Status400BadRequest, "Yêu cầu không hợp lệ",
                $"Vai trò {string.Join(", ", unknown.Select(r => $"'{r}'"))} không tồn tại; dùng: {string.Join(", ", known.Order(StringComparer.Ordinal))}.", "roles");
    }

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
