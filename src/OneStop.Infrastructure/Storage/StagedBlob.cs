namespace OneStop.Infrastructure.Storage;

/// <summary>
/// Bytes streamed to the store and hashed, not yet stored under their hash (<see cref="IFileStore.StageAsync"/>);
/// disposing it removes what was not kept.
/// </summary>
public abstract class StagedBlob(string sha256, long size, byte[] head, bool tooLarge) : IAsyncDisposable
{
    public string Sha256 { get; } = sha256;

    public long Size { get; } = size;

    /// <summary>The first bytes, for checking the type by content.</summary>
    public byte[] Head { get; } = head;

    /// <summary>True when the stream went past the limit; nothing is kept.</summary>
    public bool TooLarge { get; } = tooLarge;

    /// <summary>The staged bytes, seekable, for a check that needs the whole file (a DOCX's parts, an XML document).</summary>
    public abstract Task<Stream> OpenReadAsync(CancellationToken ct);

    public abstract ValueTask DisposeAsync();
}
