using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneStop.Api.Common;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Api.Features.Me;

public sealed record NotificationResponse(Guid Id, string Kind, string DossierCode, string Message, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

/// <summary>An officer's inbox (DESIGN §4.1, §10): work assigned, due dates near or passed, consultations asked of their unit.</summary>
public static class Notifications
{
    public static async Task<Ok<ListResponse<NotificationResponse>>> List(
        ClaimsPrincipal user, OneStopDbContext db, bool? unread, int? page, int? pageSize, CancellationToken ct)
    {
        var userName = user.ToActor().UserName;
        var query = db.Notifications.AsNoTracking().Where(n => n.UserName == userName);
        if (unread == true)
            query = query.Where(n => n.ReadAt == null);
        var paging = Paging.From(page, pageSize);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return TypedResults.Ok(new ListResponse<NotificationResponse>(
            items.Select(n => new NotificationResponse(n.Id, n.Kind, n.DossierCode, n.Message, n.CreatedAt.ToVietnam(), n.ReadAt.ToVietnam())).ToList(),
            total, paging.Page, paging.PageSize));
    }

    /// <summary>Marks one's own notification read; another person's answers 404 like a missing one.</summary>
    public static async Task<Results<Ok<NotificationResponse>, ProblemHttpResult>> MarkRead(
        Guid id, ClaimsPrincipal user, OneStopDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var userName = user.ToActor().UserName;
        var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == id && n.UserName == userName, ct);
        if (notification is null)
            return Problems.NotFound($"Không tìm thấy thông báo '{id}'.");
        notification.ReadAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new NotificationResponse(notification.Id, notification.Kind, notification.DossierCode, notification.Message,
            notification.CreatedAt.ToVietnam(), notification.ReadAt.ToVietnam()));
    }
}
