using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Infrastructure.Storage;

/// <summary>
/// Files in the shared database (<c>OneStop:Storage:Provider = Database</c>), so a file uploaded through one
/// node downloads through any other. Bytes travel in <see cref="ChunkSize"/> slices both ways: at most one
/// slice of a file is in memory at a time. Plain EF Core on every provider (bytea, varbinary(max), BLOB).
/// A staged upload is a <see cref="FileBlob"/> without a hash yet; keeping it gives it its hash.
/// </summary>
/// <remarks>
/// The store works through a context of its own (<see cref="OpenAsync"/>), so writing slices never flushes the
/// caller's pending changes. While the caller's context has a transaction open, that context shares the caller's
/// connection and transaction: what the store writes then commits or rolls back with the rows that name it (an
/// upload's keep, the clean-up's delete, a result drawn during an action), and SQLite, which lets one connection
/// write at a time, never waits on itself. Otherwise it has a connection of its own and commits slice by slice.
/// Scoped: the caller is the request's (or job's) <see cref="OneStopDbContext"/>.
/// </remarks>
public sealed class DatabaseFileStore(IServiceScopeFactory scopes, OneStopDbContext caller, TimeProvider clock) : IFileStore
{
    public const int ChunkSize = 256 * 1024;

    public async Task<StagedBlob> StageAsync(Stream content, long maxBytes, CancellationToken ct)
    {
        await using var session = await OpenAsync(ct);
        var db = session.Db;
        var blobId = Guid.CreateVersion7(clock.GetUtcNow());
        db.FileBlobs.Add(new FileBlob { Id = blobId, StartedAt = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        var staged = false;
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
                    return new DatabaseStagedBlob(this, Guid.Empty, "", size, [], tooLarge: true, parts: 0);
                if (parts == 0)
                    head = buffer[..Math.Min(filled, StoredBlob.HeadLength)];
                hash.AppendData(buffer, 0, filled);
                db.FileChunks.Add(new FileChunk { BlobId = blobId, Part = parts++, Data = buffer[..filled] });
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
            staged = true;
            return new DatabaseStagedBlob(this, blobId, Convert.ToHexStringLower(hash.GetHashAndReset()), size, head, tooLarge: false, parts);
        }
        finally
        {
            if (!staged)
                await DeleteBlobsAsync(db, [blobId], CancellationToken.None);
        }
    }

    public async Task KeepAsync(StagedBlob staged, CancellationToken ct)
    {
        if (staged is not DatabaseStagedBlob blob || blob.Store != this)
            throw new ArgumentException("The blob was staged by another store.", nameof(staged));
        if (blob.TooLarge)
            throw new InvalidOperationException("A blob over the size limit is never kept.");
        await using var session = await OpenAsync(ct);
        var db = session.Db;
        // Content-addressed: when the same bytes are stored already, ours are dropped (on dispose). Touching that copy
        // locks its row until the caller commits, so a clean-up deleting it meanwhile either went first — and then
        // nothing is touched and ours is kept — or has to wait for the caller, whose row then names the bytes.
        var sha = blob.Sha256;
        if (await db.FileBlobs.Where(b => b.Sha256 == sha && b.CompletedAt != null)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.CompletedAt, b => b.CompletedAt), ct) > 0)
            return;
        var now = clock.GetUtcNow().UtcDateTime;
        await db.FileBlobs.Where(b => b.Id == blob.Id).ExecuteUpdateAsync(s => s
            .SetProperty(b => b.Sha256, sha)
            .SetProperty(b => b.Size, blob.Size)
            .SetProperty(b => b.ChunkCount, blob.Parts)
            .SetProperty(b => b.CompletedAt, now), ct);
    }

    public async Task<Stream> OpenReadAsync(string sha256, CancellationToken ct)
    {
        StoredBlob.CheckDigest(sha256);
        var session = await OpenAsync(ct);
        try
        {
            var blob = await session.Db.FileBlobs.AsNoTracking()
                .Where(b => b.Sha256 == sha256 && b.CompletedAt != null)
                .OrderBy(b => b.CompletedAt)
                .FirstOrDefaultAsync(ct) ?? throw new FileNotFoundException($"No stored file with SHA-256 {sha256}.");
            return new DatabaseBlobStream(session, blob.Id, blob.Size);
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    public async Task<bool> ExistsAsync(string sha256, CancellationToken ct)
    {
        await using var session = await OpenAsync(ct);
        return await session.Db.FileBlobs.AnyAsync(b => b.Sha256 == sha256 && b.CompletedAt != null, ct);
    }

    public async Task DeleteAsync(string sha256, CancellationToken ct)
    {
        await using var session = await OpenAsync(ct);
        await DeleteBlobsAsync(session.Db, await session.Db.FileBlobs.Where(b => b.Sha256 == sha256).Select(b => b.Id).ToListAsync(ct), ct);
    }

    public async Task<int> DeleteAbandonedAsync(DateTime startedBefore, CancellationToken ct)
    {
        await using var session = await OpenAsync(ct);
        var abandoned = await session.Db.FileBlobs.Where(b => b.CompletedAt == null && b.StartedAt < startedBefore).Select(b => b.Id).ToListAsync(ct);
        return await DeleteBlobsAsync(session.Db, abandoned, ct);
    }

    /// <summary>A context for the store's own statements: see the remarks on the class.</summary>
    private async Task<StoreSession> OpenAsync(CancellationToken ct)
    {
        var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        if (caller.Database.CurrentTransaction is { } transaction)
        {
            db.Database.SetDbConnection(caller.Database.GetDbConnection());
            await db.Database.UseTransactionAsync(transaction.GetDbTransaction(), ct);
        }
        return new StoreSession(scope, db);
    }

    /// <summary>Slices first, then the blob rows: no slice is ever left without its blob.</summary>
    private static async Task<int> DeleteBlobsAsync(OneStopDbContext db, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
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

    /// <summary>A staged upload: its <see cref="FileBlob"/> row has no hash until kept; disposing removes it if it still has none.</summary>
    private sealed class DatabaseStagedBlob(DatabaseFileStore store, Guid id, string sha256, long size, byte[] head, bool tooLarge, int parts)
        : StagedBlob(sha256, size, head, tooLarge)
    {
        public DatabaseFileStore Store { get; } = store;
        public Guid Id { get; } = id;
        public int Parts { get; } = parts;

        public override async Task<Stream> OpenReadAsync(CancellationToken ct)
        {
            var session = await Store.OpenAsync(ct);
            return new DatabaseBlobStream(session, Id, Size);
        }

        public override async ValueTask DisposeAsync()
        {
            if (TooLarge)
                return;
            await using var session = await Store.OpenAsync(CancellationToken.None);
            var id = Id;
            // Kept (and committed) means it has its completion time; anything else — dropped as a duplicate, refused, or
            // kept in a transaction that rolled back — goes now.
            if (await session.Db.FileBlobs.AnyAsync(b => b.Id == id && b.CompletedAt == null))
                await DeleteBlobsAsync(session.Db, [id], CancellationToken.None);
        }
    }
}

/// <summary>The store's own context and the scope it came from; disposing both releases the context (never the caller's connection).</summary>
internal sealed class StoreSession(AsyncServiceScope scope, OneStopDbContext db) : IAsyncDisposable, IDisposable
{
    public OneStopDbContext Db { get; } = db;

    public ValueTask DisposeAsync() => scope.DisposeAsync();

    public void Dispose() => scope.Dispose();
}
