using System.IO.Compression;
using System.Text;
using System.Xml;

namespace OneStop.Infrastructure.Storage;

/// <summary>
/// The allow-list of DESIGN §8 / issue #5, decided by the bytes, never by the file name or the
/// client's Content-Type: an executable renamed <c>.pdf</c> is still an executable, and XML must parse as XML.
/// </summary>
public static class FileTypes
{
    public const string Pdf = "application/pdf";
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string Xml = "application/xml";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>
    /// The content type of an allowed file, or null; <paramref name="openWhole"/> is called only for a ZIP (DOCX), which
    /// needs a seekable stream, and for XML, which is read through once.
    /// </summary>
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
        return LooksLikeXml(head) && await ParsesAsXmlAsync(openWhole, ct) ? Xml : null;
    }

    /// <summary>
    /// Reads the whole file as XML, streaming, with DTDs prohibited: a DOCTYPE (entity expansion, external entities)
    /// or anything malformed means it is not an XML paper we accept. Starting with '&lt;' proves nothing.
    /// </summary>
    private static async Task<bool> ParsesAsXmlAsync(Func<CancellationToken, Task<Stream>> openWhole, CancellationToken ct)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            Async = true,
            CloseInput = true,
            IgnoreComments = true,
            IgnoreWhitespace = true,
        };
        try
        {
            using var reader = XmlReader.Create(await openWhole(ct), settings);
            while (await reader.ReadAsync())
                ct.ThrowIfCancellationRequested();
            return true;
        }
        catch (Exception e) when (e is XmlException or ArgumentException)
        {
            // ArgumentException: bytes that are not valid in the encoding the document declares.
            return false;
        }
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
