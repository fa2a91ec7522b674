using System.Security.Cryptography;

namespace OneStop.Infrastructure.Storage;

/// <summary>Content-addressed blob storage: the same bytes are stored once, under their SHA-256.</summary>
public interface IFileStore
{
    /// <summary>Streams <paramref name="content"/> to storage, hashing as it goes; refuses more than <paramref name="maxBytes"/>.</summary>
    Task<StoredBlob> SaveAsync(Stream content, long maxBytes, CancellationToken ct);

    /// <summary>
    /// Streams <paramref name="content"/> to a private place while hashing it; nothing is visible under its hash until
    /// <see cref="Keep"/>. An upload stages, checks the type, writes its row and only then keeps the bytes, inside the
    /// row's transaction — so the clean-up, which deletes a blob only when no row names it, can never delete bytes
    /// that a row is about to name (identical uploads share one blob).
    /// </summary>
    Task<StagedBlob> StageAsync(Stream content, long maxBytes, CancellationToken ct);

    /// <summary>Puts staged bytes under their hash, unless the same bytes are there already.</summary>
    void Keep(StagedBlob staged);

    Stream OpenRead(string sha256);

    bool Exists(string sha256);

    void Delete(string sha256);
}

/// <param name="Head">The first bytes, for checking the type by content.</param>
/// <param name="TooLarge">True when the stream went past the limit; nothing was kept.</param>
public sealed record StoredBlob(string Sha256, long Size, byte[] Head, bool TooLarge);

/// <summary>Bytes streamed to a temporary file and hashed, not yet stored; disposing it removes what was not kept.</summary>
public sealed class StagedBlob(string sha256, long size, byte[] head, bool tooLarge, string temporaryPath) : IDisposable
{
    public string Sha256 { get; } = sha256;
    public long Size { get; } = size;
    /// <summary>The first bytes, for checking the type by content.</summary>
    public byte[] Head { get; } = head;
    /// <summary>True when the stream went past the limit; nothing is kept.</summary>
    public bool TooLarge { get; } = tooLarge;
    internal string TemporaryPath { get; } = temporaryPath;

    /// <summary>The staged bytes, for a check that needs the whole file (a DOCX's parts, an XML document).</summary>
    public Stream OpenRead() => new FileStream(TemporaryPath, FileMode.Open, FileAccess.Read, FileShare.Read, 16 * 1024, useAsync: true);

    public void Dispose()
    {
        if (File.Exists(TemporaryPath))
            File.Delete(TemporaryPath);
    }
}

/// <summary>The embedded default: files under <c>{data}/files/ab/cd/abcd…</c>.</summary>
public sealed class LocalFileStore(string root) : IFileStore
{
    private const int HeadLength = 4096;

    public async Task<StoredBlob> SaveAsync(Stream content, long maxBytes, CancellationToken ct)
    {
        using var staged = await StageAsync(content, maxBytes, ct);
        if (!staged.TooLarge)
            Keep(staged);
        return new StoredBlob(staged.Sha256, staged.Size, staged.Head, staged.TooLarge);
    }

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
                    return new StagedBlob("", size, [], tooLarge: true, temp);
                }
                if (head.Length < HeadLength)
                    head.Write(buffer, 0, (int)Math.Min(read, HeadLength - head.Length));
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
        return new StagedBlob(Convert.ToHexStringLower(hash.GetHashAndReset()), size, head.ToArray(), tooLarge: false, temp);
    }

    public void Keep(StagedBlob staged)
    {
        if (staged.TooLarge)
            throw new InvalidOperationException("A blob over the size limit is never kept.");
        var target = PathOf(staged.Sha256);
        if (File.Exists(target))
            return;
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(staged.TemporaryPath, target, overwrite: true);
    }

    public Stream OpenRead(string sha256) =>
        new FileStream(PathOf(sha256), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);

    public bool Exists(string sha256) => File.Exists(PathOf(sha256));

    public void Delete(string sha256)
    {
        if (File.Exists(PathOf(sha256)))
            File.Delete(PathOf(sha256));
    }

    private string PathOf(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
            throw new ArgumentException("Not a SHA-256 hex digest.", nameof(sha256));
        return Path.Combine(root, sha256[..2], sha256[2..4], sha256);
    }
}
