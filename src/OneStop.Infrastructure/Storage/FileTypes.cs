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

    /// <summary>The content type of an allowed file, or null.</summary>
    public static string? Detect(ReadOnlySpan<byte> head, Func<Stream> openWhole)
    {
        if (head.StartsWith("%PDF-"u8))
            return Pdf;
        if (head.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }))
            return Jpeg;
        if (head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
            return Png;
        if (head.StartsWith("PK\x03\x04"u8) && IsWordDocument(openWhole))
            return Docx;
        return LooksLikeXml(head) && ParsesAsXml(openWhole) ? Xml : null;
    }

    /// <summary>
    /// Reads the whole file as XML, streaming, with DTDs prohibited: a DOCTYPE (entity expansion, external entities)
    /// or anything malformed means it is not an XML paper we accept. Starting with '&lt;' proves nothing.
    /// </summary>
    private static bool ParsesAsXml(Func<Stream> openWhole)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            Async = false,
            CloseInput = true,
            IgnoreComments = true,
            IgnoreWhitespace = true,
        };
        try
        {
            using var reader = XmlReader.Create(openWhole(), settings);
            while (reader.Read())
            {
            }
            return true;
        }
        catch (Exception e) when (e is XmlException or ArgumentException)
        {
            // ArgumentException: bytes that are not valid in the encoding the document declares.
            return false;
        }
    }

    private static bool IsWordDocument(Func<Stream> openWhole)
    {
        try
        {
            using var stream = openWhole();
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
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
