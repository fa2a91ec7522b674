using Microsoft.EntityFrameworkCore;

namespace OneStop.Infrastructure.Storage;

/// <summary>
/// A read-only, seekable view of a <see cref="FileBlob"/> that loads one slice at a time, when a read reaches
/// it. Seekable so a DOCX check can read a ZIP's directory at the end without the rest.
/// </summary>
internal sealed class DatabaseBlobStream(StoreSession session, Guid blobId, long length) : Stream
{
    private byte[] _chunk = [];
    private int _chunkPart = -1;
    private long _position;

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_position >= length || buffer.Length == 0)
            return 0;
        var part = (int)(_position / DatabaseFileStore.ChunkSize);
        if (part != _chunkPart)
            Load(part, session.Db.FileChunks.AsNoTracking().Where(c => c.BlobId == blobId && c.Part == part).Select(c => c.Data).Single());
        return CopyOut(buffer);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position >= length || buffer.Length == 0)
            return 0;
        var part = (int)(_position / DatabaseFileStore.ChunkSize);
        if (part != _chunkPart)
            Load(part, await session.Db.FileChunks.AsNoTracking().Where(c => c.BlobId == blobId && c.Part == part).Select(c => c.Data)
                .SingleAsync(cancellationToken));
        return CopyOut(buffer.Span);
    }

    private void Load(int part, byte[] data)
    {
        _chunk = data;
        _chunkPart = part;
    }

    private int CopyOut(Span<byte> buffer)
    {
        var offset = (int)(_position - (long)_chunkPart * DatabaseFileStore.ChunkSize);
        var count = Math.Min(buffer.Length, _chunk.Length - offset);
        if (count <= 0)
            throw new InvalidDataException($"Stored file {blobId} is shorter than its recorded size.");
        _chunk.AsSpan(offset, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        var target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => length + offset,
        };
        ArgumentOutOfRangeException.ThrowIfNegative(target, nameof(offset));
        _position = target;
        return _position;
    }

    public override void Flush() { }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            session.Dispose();
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await session.DisposeAsync();
        await base.DisposeAsync();
    }
}
