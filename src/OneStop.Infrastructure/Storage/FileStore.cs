using System.Security.Cryptography;

namespace OneStop.Infrastructure.Storage;

/// <summary>
/// Content-addressed blob storage: the same bytes are stored once, under their SHA-256. Two providers
/// (<c>OneStop:Storage:Provider</c>): <see cref="LocalFileStore"/> under the data folder, and
/// <see cref="DatabaseFileStore"/> in the shared database for several nodes.
/// </summary>
public interface IFileStore
{
    /// <summary>Streams <paramref name="content"/> to storage, hashing as it goes; refuses more than <paramref name="maxBytes"/>.</summary>
    Task<StoredBlob> SaveAsync(Stream content, long maxBytes, CancellationToken ct);

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

/// <summary>The embedded default: files under <c>{data}/files/ab/cd/abcd…</c>.</summary>
public sealed class LocalFileStore(string root) : IFileStore
{
    private const int HeadLength = StoredBlob.HeadLength;

    public async Task<StoredBlob> SaveAsync(Stream content, long maxBytes, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.Combine(root, "tmp"));
        var temp = Path.Combine(root, "tmp", Guid.NewGuid().ToString("N"));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var head = new MemoryStream();
        long size = 0;
        try
        {
            await using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    size += read;
                    if (size > maxBytes)
                        return new StoredBlob("", size, [], TooLarge: true);
                    if (head.Length < HeadLength)
                        head.Write(buffer, 0, (int)Math.Min(read, HeadLength - head.Length));
                    hash.AppendData(buffer, 0, read);
                    await output.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }
            var sha = Convert.ToHexStringLower(hash.GetHashAndReset());
            var target = PathOf(sha);
            if (!File.Exists(target))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Move(temp, target, overwrite: true);
            }
            return new StoredBlob(sha, size, head.ToArray(), TooLarge: false);
        }
        finally
        {
            if (File.Exists(temp))
                File.Delete(temp);
        }
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
}
