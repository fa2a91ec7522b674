using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneStop.Api.Common;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Api.Features.Admin.Sync;

/// <summary>
/// One outbox message as an admin needs it: <c>type</c> is the DVCQG service; <c>state</c> is <c>Pending</c>,
/// <c>Delivered</c> or <c>DeadLettered</c>; <c>statusCode</c> is the status it reports (TrangThaiHoSo or TrangThai).
/// </summary>
public sealed record SyncMessageResponse(
    long Id, string DossierCode, int Sequence, string IdempotencyKey, string Type, int? StatusCode, string State,
    int Attempts, DateTimeOffset CreatedAt, DateTimeOffset? NextAttemptAt, DateTimeOffset? DeliveredAt, DateTimeOffset? RequeuedAt, string? LastError)
{
    public static SyncMessageResponse From(OutboxMessage m) => new(
        m.Id, m.DossierCode, m.Sequence, m.IdempotencyKey, m.Type, StatusOf(m.Payload), m.State.ToString(), m.Attempts,
        m.CreatedAt.ToVietnam(), m.NextAttemptAt.ToVietnam(), m.DeliveredAt.ToVietnam(), m.RequeuedAt.ToVietnam(), m.LastError);

    private static int? StatusOf(string payload)
    {
        try
        {
            using var json = JsonDocument.Parse(payload);
            // A dossier entry's TrangThaiHoSo or a progress step's TrangThai: DVCQG codes, written as strings.
            var root = json.RootElement;
            return (root.TryGetProperty("TrangThaiHoSo", out var status) || root.TryGetProperty("TrangThai", out status))
                && status.ValueKind == JsonValueKind.String && int.TryParse(status.GetString(), out var code) ? code : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>
/// Counts by state (<c>failed</c> = pending messages that have failed at least once and wait for their next
/// attempt), the age in seconds of the oldest pending message (null when nothing is pending), and the
/// messages that need attention — dead-lettered or failing — newest first, paged.
/// </summary>
public sealed record SyncStatusResponse(
    int Pending, int Delivered, int Failed, int DeadLettered, double? OldestPendingAgeSeconds,
    IReadOnlyList<SyncMessageResponse> Items, int Total, int Page, int PageSize);

public static class GetSyncStatus
{
    public static async Task<Ok<SyncStatusResponse>> Handle(int? page, int? pageSize, OneStopDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var paging = Paging.From(page, pageSize);
        var counts = await db.Outbox.AsNoTracking()
            .GroupBy(m => m.State)
            .Select(g => new { State = g.Key, Count = g.Count(), Failing = g.Count(m => m.Attempts > 0) })
            .ToListAsync(ct);
        int Count(OutboxState state) => counts.FirstOrDefault(c => c.State == state)?.Count ?? 0;
        var oldestPending = await db.Outbox.AsNoTracking()
            .Where(m => m.State == OutboxState.Pending)
            .OrderBy(m => m.CreatedAt)
            .Select(m => (DateTime?)m.CreatedAt)
            .FirstOrDefaultAsync(ct);

        var attention = db.Outbox.AsNoTracking()
            .Where(m => m.State == OutboxState.DeadLettered || (m.State == OutboxState.Pending && m.Attempts > 0));
        var total = await attention.CountAsync(ct);
        var items = await attention.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);

        var now = clock.GetUtcNow().UtcDateTime;
        return TypedResults.Ok(new SyncStatusResponse(
            Count(OutboxState.Pending), Count(OutboxState.Delivered),
            counts.FirstOrDefault(c => c.State == OutboxState.Pending)?.Failing ?? 0,
            Count(OutboxState.DeadLettered),
            oldestPending is { } oldest ? Math.Max(0, (now - oldest).TotalSeconds) : null,
            items.Select(SyncMessageResponse.From).ToList(), total, paging.Page, paging.PageSize));
    }
}
