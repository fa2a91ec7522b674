namespace OneStop.Infrastructure.Storage;

/// <summary>
/// One stored copy of some bytes in the database (<c>OneStop:Storage:Provider = Database</c>), cut into
/// <see cref="FileChunk"/> rows so neither an upload nor a download ever holds the whole file in memory.
/// The hash is known only once the last byte arrived: until then <see cref="Sha256"/> is null and the row
/// marks an upload in progress (or abandoned, if its node died: the clean-up job removes those).
/// </summary>
public sealed class FileBlob
{
    public Guid Id { get; set; }
    /// <summary>Null while the upload runs. Not unique: two nodes storing the same bytes at once keep two copies, which is harmless.</summary>
    public string? Sha256 { get; set; }
    public long Size { get; set; }
    public int ChunkCount { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
}

/// <summary>One slice of a <see cref="FileBlob"/>, in order of <see cref="Part"/> from 0.</summary>
public sealed class FileChunk
{
    public Guid BlobId { get; set; }
    public int Part { get; set; }
    public byte[] Data { get; set; } = [];
}
