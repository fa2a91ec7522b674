using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Infrastructure.Storage;

/// <summary>
/// Files in the shared database (<c>OneStop:Storage:Provider = Database</c>), so a file uploaded through one
/// node downloads through any other. Bytes travel in <see cref="ChunkSize"/> slices both ways: at most one
/// slice of a file is in memory at a time. Plain EF Core on every provider (bytea, varbinary(max), BLOB).
/// </summary>
/// <remarks>
/// Each call works in a scope of its own — its own connection, outside the caller's unit of work — so writing
/// slices never flushes the caller's pending changes, and a half-written upload is never part of them.
/// </remarks>
public sealed class DatabaseFileStore(IServiceScopeFactory scopes, TimeProvider clock) : IFileStore
{
    public const int ChunkSize = 256 * 1024;

    public async Task<StoredBlob> SaveAsync(Stream content, long maxBytes, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var blobId = Guid.CreateVersion7(clock.GetUtcNow());
        db.FileBlobs.Add(new FileBlob { Id = blobId, StartedAt = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        var kept = false;
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[ChunkSize];
            byte[] head = [];
            long size = 0;
            var parts = 0;
            int filled;
            while ((filled = await FillAsync(content, buffer, ct)) > 0)
            {
                size += filled;
                if (size > maxBytes)
                    return new StoredBlob("", size, [], TooLarge: true);
                if (parts == 0)
                    head = buffer[..Math.Min(filled, StoredBlob.HeadLength)];
                hash.AppendData(buffer, 0, filled);
                db.FileChunks.Add(new FileChunk { BlobId = blobId, Part = parts++, Data = buffer[..filled] });
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
            var sha = Convert.ToHexStringLower(hash.GetHashAndReset());
            // Content-addressed: the same bytes already stored are kept once (ours go in the finally).
            if (await db.FileBlobs.AnyAsync(b => b.Sha256 == sha && b.CompletedAt != null, ct))
                return new StoredBlob(sha, size, head, TooLarge: false);
            var now = clock.GetUtcNow().UtcDateTime;
            await db.FileBlobs.Where(b => b.Id == blobId).ExecuteUpdateAsync(s => s
                .SetProperty(b => b.Sha256, sha)
                .SetProperty(b => b.Size, size)
                .SetProperty(b => b.ChunkCount, parts)
                .SetProperty(b => b.CompletedAt, now), ct);
            kept = true;
            return new StoredBlob(sha, size, head, TooLarge: false);
        }
        finally
        {
            if (!kept)
                await DeleteBlobsAsync(db, db.FileBlobs.Where(b => b.Id == blobId).Select(b => b.Id), CancellationToken.None);
        }
    }

    public async Task<Stream> OpenReadAsync(string sha256, CancellationToken ct)
    {
        StoredBlob.CheckDigest(sha256);
        var scope = scopes.CreateAsyncScope();
        try
        {
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            var blob = await db.FileBlobs.AsNoTracking()
                .Where(b => b.Sha256 == sha256 && b.CompletedAt != null)
                .OrderBy(b => b.CompletedAt)
                .FirstOrDefaultAsync(ct) ?? throw new FileNotFoundException($"No stored file with SHA-256 {sha256}.");
            return new DatabaseBlobStream(scope, db, blob.Id, blob.Size);
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
    }

    public async Task<bool> ExistsAsync(string sha256, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        return await db.FileBlobs.AnyAsync(b => b.Sha256 == sha256 && b.CompletedAt != null, ct);
    }

    public async Task DeleteAsync(string sha256, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        await DeleteBlobsAsync(db, db.FileBlobs.Where(b => b.Sha256 == sha256).Select(b => b.Id), ct);
    }

    public async Task<int> DeleteAbandonedAsync(DateTime startedBefore, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        return await DeleteBlobsAsync(db, db.FileBlobs.Where(b => b.CompletedAt == null && b.StartedAt < startedBefore).Select(b => b.Id), ct);
    }

    /// <summary>Slices first, then the blob rows: no slice is ever left without its blob.</summary>
    private static async Task<int> DeleteBlobsAsync(OneStopDbContext db, IQueryable<Guid> blobIds, CancellationToken ct)
    {
        var ids = await blobIds.ToListAsync(ct);
        if (ids.Count == 0)
            return 0;
        await db.FileChunks.Where(c => ids.Contains(c.BlobId)).ExecuteDeleteAsync(ct);
        return await db.FileBlobs.Where(b => ids.Contains(b.Id)).ExecuteDeleteAsync(ct);
    }

    /// <summary>Reads until <paramref name="buffer"/> is full or the stream ends: every slice but the last is whole.</summary>
    private static async Task<int> FillAsync(Stream content, byte[] buffer, CancellationToken ct)
    {
        var filled = 0;
        int read;
        while (filled < buffer.Length && (read = await content.ReadAsync(buffer.AsMemory(filled), ct)) > 0)
            filled += read;
        return filled;
    }
}
