using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneStop.Api.Common;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Api.Features.Admin.Users;

/// <summary>One audit record: <c>actor</c> did <c>action</c> to <c>subject</c> (an account, or the owner of a data repository).</summary>
public sealed record AuditResponse(long Id, DateTimeOffset At, string Actor, string Action, string Subject, string? DossierCode, string? Detail, string? ClientAddress);

public static class ListAudit
{
    /// <summary>Newest first; filter by <c>subject</c> (whom), <c>actor</c> (who) or <c>action</c>.</summary>
    public static async Task<Ok<ListResponse<AuditResponse>>> Handle(
        string? subject, string? actor, string? action, int? page, int? pageSize, OneStopDbContext db, CancellationToken ct)
    {
        var paging = Paging.From(page, pageSize);
        var query = db.AuditRecords.AsNoTracking();
        if (!string.IsNullOrEmpty(subject))
            query = query.Where(a => a.Subject == subject);
        if (!string.IsNullOrEmpty(actor))
            query = query.Where(a => a.Actor == actor);
        if (!string.IsNullOrEmpty(action))
            query = query.Where(a => a.Action == action);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return TypedResults.Ok(new ListResponse<AuditResponse>(
            rows.Select(a => new AuditResponse(a.Id, a.At.ToVietnam(), a.Actor, a.Action, a.Subject, a.DossierCode, a.Detail, a.ClientAddress)).ToList(),
            total, paging.Page, paging.PageSize));
    }
}
