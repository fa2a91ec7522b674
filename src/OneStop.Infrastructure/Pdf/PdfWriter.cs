using UglyToad.PdfPig.Core;
using OneStop.Infrastructure.Receipts;
using UglyToad.PdfPig.Writer;

namespace OneStop.Infrastructure.Pdf;

/// <summary>
/// A small top-down A4 writer over PdfPig's document builder (Apache-2.0). Text is set in the embedded
/// DejaVu Sans, which has every Vietnamese letter; PDF's standard fonts have none of them.
/// </summary>
/// <remarks>
/// We write PDFs with PdfPig rather than PDFsharp: the only PDFsharp on our package source (6.5.0) is
/// AGPL-3.0-only, which would bind every province running OneStop to the AGPL.
/// </remarks>
public sealed class PdfWriter
{
    public const double Margin = 56;

    private readonly PdfDocumentBuilder _builder = new();
    private readonly PdfDocumentBuilder.AddedFont _regular;
    private readonly PdfDocumentBuilder.AddedFont _bold;
    private readonly PdfPageBuilder _page;

    public PdfWriter(string title)
    {
        _builder.DocumentInformation.Title = title;
        _builder.DocumentInformation.Producer = "OneStop";
        (_regular, _bold) = ReceiptFonts.AddTo(_builder);
        _page = _builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        Y = _page.PageSize.Height - Margin;
    }

    /// <summary>The baseline of the next line, from the bottom of the page.</summary>
    public double Y { get; private set; }

    public double Width => _page.PageSize.Width - 2 * Margin;

    /// <summary>Writes one centred line.</summary>
    public void Centered(string text, double size, bool bold = false)
    {
        var font = bold ? _bold : _regular;
        var width = Measure(text, size, font);
        _page.AddText(text, size, new PdfPoint(Margin + Math.Max(0, (Width - width) / 2), Y), font);
        Y -= size * 1.5;
    }

    /// <summary>Writes a paragraph, wrapped at the page width (optionally indented).</summary>
    public void Paragraph(string text, double size = 11, bool bold = false, double indent = 0)
    {
        var font = bold ? _bold : _regular;
        var line = "";
        foreach (var word in text.Split(' '))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && Measure(candidate, size, font) > Width - indent)
            {
                _page.AddText(line, size, new PdfPoint(Margin + indent, Y), font);
                Y -= size * 1.45;
                line = word;
            }
            else
            {
                line = candidate;
            }
        }
        _page.AddText(line, size, new PdfPoint(Margin + indent, Y), font);
        Y -= size * 1.45;
    }

    public void Space(double points) => Y -= points;

    public byte[] Build() => _builder.Build();

    private double Measure(string text, double size, PdfDocumentBuilder.AddedFont font)
    {
        var letters = _page.MeasureText(text, size, new PdfPoint(0, 0), font);
        return letters.Count == 0 ? 0 : letters.Max(l => l.EndBaseLine.X) - letters.Min(l => l.StartBaseLine.X);
    }
}
