using System.Security.Cryptography;

namespace OneStop.Infrastructure.Storage;

/// <summary>
/// Content-addressed blob storage: the same bytes are stored once, under their SHA-256. Two providers
/// (<c>OneStop:Storage:Provider</c>): <see cref="LocalFileStore"/> under the data folder, and
/// <see cref="DatabaseFileStore"/> in the shared database for several nodes.
/// </summary>
public interface IFileStore
{
    /// <summary>
    /// Streams <paramref name="content"/> to a private place while hashing it; nothing is visible under its hash until
    /// <see cref="KeepAsync"/>. An upload stages, checks the type, writes its row and only then keeps the bytes, inside the
    /// row's transaction — so the clean-up, which deletes a blob only when no row names it, can never delete bytes
    /// that a row is about to name (identical uploads share one blob).
    /// </summary>
    Task<StagedBlob> StageAsync(Stream content, long maxBytes, CancellationToken ct);

    /// <summary>Puts staged bytes under their hash, unless the same bytes are there already.</summary>
    Task KeepAsync(StagedBlob staged, CancellationToken ct);

    /// <summary>A seekable stream over the stored bytes; the caller disposes it.</summary>
    Task<Stream> OpenReadAsync(string sha256, CancellationToken ct);

    Task<bool> ExistsAsync(string sha256, CancellationToken ct);

    Task DeleteAsync(string sha256, CancellationToken ct);

    /// <summary>Removes what uploads that never finished (a node died mid-upload) left behind before <paramref name="startedBefore"/>.</summary>
    Task<int> DeleteAbandonedAsync(DateTime startedBefore, CancellationToken ct);
}

/// <param name="Head">The first bytes, for checking the type by content.</param>
/// <param name="TooLarge">True when the stream went past the limit; nothing was kept.</param>
public sealed record StoredBlob(string Sha256, long Size, byte[] Head, bool TooLarge)
{
    public const int HeadLength = 4096;

    /// <summary>Refuses anything but a lower-case SHA-256 hex digest, so a name can never reach outside the store.</summary>
    public static void CheckDigest(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
            throw new ArgumentException("Not a SHA-256 hex digest.", nameof(sha256));
    }
}

public static class FileStoreExtensions
{
    /// <summary>
    /// Stages and keeps at once: for bytes the system made itself (a drawn result), which need no check before they
    /// are kept. Refuses more than <paramref name="maxBytes"/>.
    /// </summary>
    public static async Task<StoredBlob> SaveAsync(this IFileStore store, Stream content, long maxBytes, CancellationToken ct)
    {
        await using var staged = await store.StageAsync(content, maxBytes, ct);
        if (!staged.TooLarge)
            await store.KeepAsync(staged, ct);
        return new StoredBlob(staged.Sha256, staged.Size, staged.Head, staged.TooLarge);
    }
}

/// <summary>The embedded default: files under <c>{data}/files/ab/cd/abcd…</c>.</summary>
public sealed class LocalFileStore(string root) : IFileStore
{
    public async Task<StagedBlob> StageAsync(Stream content, long maxBytes, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.Combine(root, "tmp"));
        var temp = Path.Combine(root, "tmp", Guid.NewGuid().ToString("N"));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var head = new MemoryStream();
        long size = 0;
        try
        {
            await using var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            var buffer = new byte[81920];
            int read;
            while ((read = await content.ReadAsync(buffer, ct)) > 0)
            {
                size += read;
                if (size > maxBytes)
                {
                    await output.DisposeAsync();
                    File.Delete(temp);
                    return new LocalStagedBlob("", size, [], tooLarge: true, temp);
                }
                if (head.Length < StoredBlob.HeadLength)
                    head.Write(buffer, 0, (int)Math.Min(read, StoredBlob.HeadLength - head.Length));
                hash.AppendData(buffer, 0, read);
                await output.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }
        catch
        {
            if (File.Exists(temp))
                File.Delete(temp);
            throw;
        }
        return new LocalStagedBlob(Convert.ToHexStringLower(hash.GetHashAndReset()), size, head.ToArray(), tooLarge: false, temp);
    }

    public Task KeepAsync(StagedBlob staged, CancellationToken ct)
    {
        if (staged is not LocalStagedBlob local)
            throw new ArgumentException("The blob was staged by another store.", nameof(staged));
        if (local.TooLarge)
            throw new InvalidOperationException("A blob over the size limit is never kept.");
        var target = PathOf(local.Sha256);
        if (File.Exists(target))
            return Task.CompletedTask;
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(local.TemporaryPath, target, overwrite: true);
        return Task.CompletedTask;
    }

    public Task<Stream> OpenReadAsync(string sha256, CancellationToken ct) =>
        Task.FromResult<Stream>(new FileStream(PathOf(sha256), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true));

    public Task<bool> ExistsAsync(string sha256, CancellationToken ct) => Task.FromResult(File.Exists(PathOf(sha256)));

    public Task DeleteAsync(string sha256, CancellationToken ct)
    {
        if (File.Exists(PathOf(sha256)))
            File.Delete(PathOf(sha256));
        return Task.CompletedTask;
    }

    public Task<int> DeleteAbandonedAsync(DateTime startedBefore, CancellationToken ct)
    {
        var temp = new DirectoryInfo(Path.Combine(root, "tmp"));
        var deleted = 0;
        if (temp.Exists)
            foreach (var file in temp.EnumerateFiles().Where(f => f.LastWriteTimeUtc < startedBefore))
            {
                file.Delete();
                deleted++;
            }
        return Task.FromResult(deleted);
    }

    private string PathOf(string sha256)
    {
        StoredBlob.CheckDigest(sha256);
        return Path.Combine(root, sha256[..2], sha256[2..4], sha256);
    }

    /// <summary>Bytes in a temporary file under <c>{files}/tmp</c>; disposing removes the file unless it was kept (moved).</summary>
    private sealed class LocalStagedBlob(string sha256, long size, byte[] head, bool tooLarge, string temporaryPath)
        : StagedBlob(sha256, size, head, tooLarge)
    {
        public string TemporaryPath { get; } = temporaryPath;

        public override Task<Stream> OpenReadAsync(CancellationToken ct) =>
            Task.FromResult<Stream>(new FileStream(TemporaryPath, FileMode.Open, FileAccess.Read, FileShare.Read, 16 * 1024, useAsync: true));

        public override ValueTask DisposeAsync()
        {
            if (File.Exists(TemporaryPath))
                File.Delete(TemporaryPath);
            return ValueTask.CompletedTask;
        }
    }
}
