using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneStop.Api.Common;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Api.Features.Admin.Users;

/// <summary>One sign-in attempt; <c>reason</c> is one of <see cref="OneStop.Infrastructure.Identity.SignInReasons"/>: <c>ok</c>, <c>wrong-password</c>, <c>unknown-user</c>, <c>locked-out</c>, <c>disabled</c>, <c>temp-used</c>, <c>temp-expired</c>, <c>must-change</c>.</summary>
public sealed record SignInResponse(long Id, DateTimeOffset At, string UserName, bool Succeeded, string Reason, string? ClientAddress);

public static class ListSignIns
{
    public static async Task<Ok<ListResponse<SignInResponse>>> Handle(
        string? userName, int? page, int? pageSize, OneStopDbContext db, CancellationToken ct)
    {
        var paging = Paging.From(page, pageSize);
        var query = db.SignInAudits.AsNoTracking();
        if (!string.IsNullOrEmpty(userName))
            query = query.Where(a => a.UserName == userName);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return TypedResults.Ok(new ListResponse<SignInResponse>(
            rows.Select(a => new SignInResponse(a.Id, a.At.ToVietnam(), a.UserName, a.Succeeded, a.Reason, a.ClientAddress)).ToList(),
            total, paging.Page, paging.PageSize));
    }
}
