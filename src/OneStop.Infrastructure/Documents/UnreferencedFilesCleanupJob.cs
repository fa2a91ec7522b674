using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneStop.Infrastructure.Persistence;
using OneStop.Infrastructure.Storage;

namespace OneStop.Infrastructure.Documents;

/// <summary>
/// Deletes uploads that nothing referenced within the grace period (an abandoned online form), and their
/// bytes when no other row shares them. Safe to run twice or on two nodes: it only deletes what is still unreferenced.
/// </summary>
public sealed class UnreferencedFilesCleanupJob(
    OneStopDbContext db, IFileStore store, IOptions<FileStorageOptions> options, TimeProvider clock, ILogger<UnreferencedFilesCleanupJob> logger)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - options.Value.UnreferencedGracePeriod;
        // Uploads a dead node never finished; an hour is far longer than any upload within the size limit takes.
        await store.DeleteAbandonedAsync(clock.GetUtcNow().UtcDateTime - TimeSpan.FromHours(1), ct);
        var stale = await db.Files.Where(f => f.ReferencedAt == null && f.UploadedAt < cutoff).Take(500).ToListAsync(ct);
        if (stale.Count == 0)
            return 0;
        db.Files.RemoveRange(stale);
        await db.SaveChangesAsync(ct);
        foreach (var sha in stale.Select(f => f.Sha256).Distinct())
            if (!await db.Files.AnyAsync(f => f.Sha256 == sha, ct))
                await store.DeleteAsync(sha, ct);
        logger.LogInformation("Deleted {Count} unreferenced uploads older than {Cutoff:O}", stale.Count, cutoff);
        return stale.Count;
    }
}
