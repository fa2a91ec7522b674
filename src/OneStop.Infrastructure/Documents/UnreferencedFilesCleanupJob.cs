using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneStop.Infrastructure.Persistence;
using OneStop.Infrastructure.Storage;

namespace OneStop.Infrastructure.Documents;

/// <summary>
/// Deletes uploads that nothing referenced within the grace period (an abandoned online form), and their bytes
/// when no other row names them. Safe to run twice, on two nodes, and beside uploads and submissions:
/// <list type="bullet">
/// <item>each row is deleted by a statement that re-checks, at that moment, that it is still unreferenced — neither
/// marked used nor named by a dossier's paper or result or a repository document — so a submission that took the
/// file after the candidates were listed keeps it;</item>
/// <item>the blob is deleted only if, inside the same serializable transaction, no row names its hash; an upload
/// writes its row before it puts its bytes in place, in its own transaction (<see cref="IFileStore.StageAsync"/>),
/// so identical bytes uploaded meanwhile are either seen here or put back by that upload. The database store deletes
/// inside this transaction too (<see cref="DatabaseFileStore"/>).</item>
/// </list>
/// </summary>
public sealed class UnreferencedFilesCleanupJob(
    OneStopDbContext db, IFileStore store, IOptions<FileStorageOptions> options, TimeProvider clock, ILogger<UnreferencedFilesCleanupJob> logger)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - options.Value.UnreferencedGracePeriod;
        // Uploads a dead node never finished; an hour is far longer than any upload within the size limit takes.
        await store.DeleteAbandonedAsync(clock.GetUtcNow().UtcDateTime - TimeSpan.FromHours(1), ct);
        var candidates = await db.Files.AsNoTracking().Where(f => f.ReferencedAt == null && f.UploadedAt < cutoff)
            .OrderBy(f => f.UploadedAt).Take(500).Select(f => new { f.Id, f.Sha256 }).ToListAsync(ct);
        var deleted = 0;
        foreach (var candidate in candidates)
            if (await DeleteIfUnreferencedAsync(candidate.Id, candidate.Sha256, cutoff, ct))
                deleted++;
        if (deleted > 0)
            logger.LogInformation("Deleted {Count} unreferenced uploads older than {Cutoff:O}", deleted, cutoff);
        return deleted;
    }

    /// <summary>Deletes one upload if it is, right now, still unreferenced and older than <paramref name="cutoff"/>.</summary>
    internal async Task<bool> DeleteIfUnreferencedAsync(Guid id, string sha256, DateTime cutoff, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginWriteTransactionAsync(IsolationLevel.Serializable, ct);
        var usedByDossier = FileReferences.DossiersUsing(id);
        var removed = await db.Files
            .Where(f => f.Id == id && f.ReferencedAt == null && f.UploadedAt < cutoff
                && !db.RepositoryDocuments.Any(r => r.FileId == f.Id)
                && !db.Dossiers.Any(usedByDossier))
            .ExecuteDeleteAsync(ct);
        if (removed == 1 && !await db.Files.AnyAsync(f => f.Sha256 == sha256, ct))
            await store.DeleteAsync(sha256, ct);
        await transaction.CommitAsync(ct);
        return removed == 1;
    }
}
