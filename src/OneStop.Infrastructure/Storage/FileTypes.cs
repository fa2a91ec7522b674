using System.IO.Compression;
using System.Text;

namespace OneStop.Infrastructure.Storage;

/// <summary>
/// The allow-list of DESIGN §8 / issue #5, decided by the bytes, never by the file name or the
/// client's Content-Type: an executable renamed <c>.pdf</c> is still an executable.
/// </summary>
public static class FileTypes
{
    public const string Pdf = "application/pdf";
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string Xml = "application/xml";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>The content type of an allowed file, or null; <paramref name="openWhole"/> is called only for a ZIP (DOCX) and must be seekable.</summary>
    public static async Task<string?> DetectAsync(byte[] head, Func<CancellationToken, Task<Stream>> openWhole, CancellationToken ct)
    {
        if (head.AsSpan().StartsWith("%PDF-"u8))
            return Pdf;
        if (head.AsSpan().StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }))
            return Jpeg;
        if (head.AsSpan().StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
            return Png;
        if (head.AsSpan().StartsWith("PK\x03\x04"u8))
            return await IsWordDocumentAsync(openWhole, ct) ? Docx : null;
        return LooksLikeXml(head) ? Xml : null;
    }

    private static async Task<bool> IsWordDocumentAsync(Func<CancellationToken, Task<Stream>> openWhole, CancellationToken ct)
    {
        try
        {
            await using var stream = await openWhole(ct);
            // The ZIP directory sits at the end: a seekable stream reads it without the rest.
            await using var zip = await ZipArchive.CreateAsync(stream, ZipArchiveMode.Read, leaveOpen: false, entryNameEncoding: null, ct);
            return zip.GetEntry("[Content_Types].xml") is not null && zip.GetEntry("word/document.xml") is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static bool LooksLikeXml(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }))
            head = head[3..];
        var text = Encoding.UTF8.GetString(head[..Math.Min(head.Length, 256)]).TrimStart();
        return text.StartsWith("<?xml", StringComparison.Ordinal) || text.StartsWith('<') && !text.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase) && !text.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }
}
