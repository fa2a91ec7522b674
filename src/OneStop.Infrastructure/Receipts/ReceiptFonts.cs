using System.Collections.Concurrent;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace OneStop.Infrastructure.Receipts;

/// <summary>
/// DejaVu Sans, embedded in this assembly (see Fonts/LICENSE): the standard PDF fonts have no Vietnamese
/// letters, so every PDF we draw embeds a subset of these. Nothing here is global PDF-library state: each
/// document adds the faces itself, so concurrent renders need no coordination.
/// </summary>
internal static class ReceiptFonts
{
    private static readonly Lazy<byte[]> RegularBytes = new(() => Load("DejaVuSans.ttf"));
    private static readonly Lazy<byte[]> BoldBytes = new(() => Load("DejaVuSans-Bold.ttf"));

    // Which text elements each face can draw, learnt once per process: PdfPig throws on a missing glyph.
    private static readonly ConcurrentDictionary<(bool Bold, string Element), bool> Drawable = new();

    public static (PdfDocumentBuilder.AddedFont Regular, PdfDocumentBuilder.AddedFont Bold) AddTo(PdfDocumentBuilder builder) =>
        (builder.AddTrueTypeFont(RegularBytes.Value), builder.AddTrueTypeFont(BoldBytes.Value));

    /// <summary>True when <paramref name="element"/> (one text element) has glyphs in the face.</summary>
    public static bool CanDraw(PdfPageBuilder page, PdfDocumentBuilder.AddedFont font, bool bold, string element) =>
        Drawable.GetOrAdd((bold, element), key =>
        {
            try
            {
                page.MeasureText(key.Element, 10, new PdfPoint(0, 0), font);
                return true;
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        });

    private static byte[] Load(string file)
    {
        var name = $"{typeof(ReceiptFonts).Namespace}.Fonts.{file}";
        using var stream = typeof(ReceiptFonts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded font '{name}' is missing from {typeof(ReceiptFonts).Assembly.GetName().Name}.");
        using var copy = new MemoryStream((int)stream.Length);
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
