using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneStop.Api.Common;
using OneStop.Infrastructure.Identity;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Api.Features.Admin.Users;

public static class ListUsers
{
    public static async Task<Results<Ok<ListResponse<UserResponse>>, ProblemHttpResult>> Handle(
        string? unit, string? role, int? page, int? pageSize, OneStopDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(role) && await AccountRules.CheckRolesAsync(db, [role], ct) is not null)
            return Problems.Of(StatusCodes.Status400BadRequest, "Yêu cầu không hợp lệ",
                $"Vai trò '{role}' không tồn tại; dùng reception, specialist, leader, admin, citizen hoặc vai trò của một quy trình.", "role");
        var paging = Paging.From(page, pageSize);
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrEmpty(unit))
            query = query.Where(u => u.UnitCode == unit);
        if (!string.IsNullOrEmpty(role))
            query = query.Where(u => ("," + u.Roles + ",").Contains("," + role + ","));
        var total = await query.CountAsync(ct);
        var users = await query.OrderBy(u => u.UserName).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return TypedResults.Ok(new ListResponse<UserResponse>(
            users.Select(u => UserResponse.From(u, now)).ToList(), total, paging.Page, paging.PageSize));
    }
}

public static class GetUser
{
    public static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> Handle(
        string userName, OneStopDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == userName, ct);
        return user is null
            ? Problems.NotFound($"Không tìm thấy tài khoản '{userName}'.")
            : TypedResults.Ok(UserResponse.From(user, clock.GetUtcNow().UtcDateTime));
    }
}
