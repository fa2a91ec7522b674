using Microsoft.EntityFrameworkCore;
using OneStop.Domain.Dossiers;
using OneStop.Infrastructure.Notifications;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Infrastructure.Events;

/// <summary>
/// Turns "the leaders of unit 60 should hear of this" into one inbox line per account holding that role at that
/// unit today, in the same transaction as the change that asked for it.
/// </summary>
public sealed class NotificationHandler(TimeProvider clock) : IDomainEventHandler
{
    public async Task HandleAsync(IDomainEvent domainEvent, OneStopDbContext db, CancellationToken ct)
    {
        if (domainEvent is not NotificationRequested request)
            return;
        var recipients = new List<string>();
        if (request.UserName is { } one)
            recipients.Add(one);
        if (request.UnitCode is { } unit && request.Roles.Count > 0)
        {
            var officers = await db.Users.AsNoTracking().Where(u => u.UnitCode == unit)
                .Select(u => new { u.UserName, u.Roles }).ToListAsync(ct);
            recipients.AddRange(officers
                .Where(o => o.Roles.Split(',', StringSplitOptions.TrimEntries).Intersect(request.Roles).Any())
                .Select(o => o.UserName));
        }
        var now = clock.GetUtcNow();
        foreach (var userName in recipients.Distinct(StringComparer.Ordinal))
            db.Notifications.Add(new Notification
            {
                Id = Guid.CreateVersion7(now),
                UserName = userName,
                Kind = request.Kind,
                DossierCode = request.DossierCode,
                Message = request.Message,
                CreatedAt = now.UtcDateTime,
            });
    }
}
