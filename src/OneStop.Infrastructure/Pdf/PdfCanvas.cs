using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OneStop.Domain.Calendar;
using OneStop.Infrastructure.Receipts;
using QRCoder;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace OneStop.Infrastructure.Pdf;

/// <summary>
/// Document-level helpers every counter paper shares: a PDF date in Vietnam time, and a file identifier derived
/// from the content so that the same paper gives the same bytes.
/// </summary>
internal static class PdfDocuments
{
    public static string PdfDate(DateTimeOffset time)
    {
        var vietnam = time.ToOffset(DeadlineCalculator.VietnamOffset);
        return string.Create(CultureInfo.InvariantCulture, $"D:{vietnam:yyyyMMddHHmmss}+07'00'");
    }

    /// <summary>
    /// PdfPig writes a random file identifier (trailer <c>/ID</c>); replacing it, in place and at the same
    /// length, by a hash of the rest of the file makes equal receipts byte-identical. The identifier follows
    /// the cross-reference table, so no offset moves.
    /// </summary>
    public static byte[] WithContentId(byte[] pdf)
    {
        var marker = "/ID [ <"u8;
        var at = pdf.AsSpan().LastIndexOf(marker);
        const int hex = 32;
        var first = at + marker.Length;
        var second = first + hex + 2; // "><"
        if (at < 0 || second + hex > pdf.Length || pdf[first + hex] != (byte)'>' || pdf[first + hex + 1] != (byte)'<')
            return pdf;
        pdf.AsSpan(first, hex).Fill((byte)'0');
        pdf.AsSpan(second, hex).Fill((byte)'0');
        var id = Encoding.ASCII.GetBytes(Convert.ToHexString(SHA256.HashData(pdf))[..hex]);
        id.CopyTo(pdf, first);
        id.CopyTo(pdf, second);
        return pdf;
    }
}

internal readonly record struct PdfFace(PdfDocumentBuilder.AddedFont Font, bool IsBold, double Size)
{
    public double LineHeight => Size * 1.22;
    // DejaVu's ascender is 0.93 em: the baseline sits that far below the top of a line.
    public double Ascent => Size * 0.93;
}

/// <summary>A top-to-bottom writer over A4 pages (y grows downwards) that wraps text and starts new pages.</summary>
internal sealed class PdfCanvas
{
    private const double MarginLeft = 56;
    private const double MarginRight = 42;
    private const double MarginTop = 42;
    private const double MarginBottom = 50;
    private const double PageWidth = 595.28;
    private const double PageHeight = 841.89;

    private readonly PdfDocumentBuilder _builder;
    private readonly List<PdfPageBuilder> _pages = [];

    public PdfCanvas(PdfDocumentBuilder builder)
    {
        _builder = builder;
        var (regular, bold) = ReceiptFonts.AddTo(builder);
        Regular = new PdfFace(regular, false, 11);
        Bold = new PdfFace(bold, true, 11);
        HeaderBold = new PdfFace(bold, true, 10.5);
        Title = new PdfFace(bold, true, 14);
        Small = new PdfFace(regular, false, 9);
        SmallBold = new PdfFace(bold, true, 9);
        Footer = new PdfFace(regular, false, 7.5);
        NewPage();
    }

    public PdfFace Regular { get; }
    public PdfFace Bold { get; }
    public PdfFace HeaderBold { get; }
    public PdfFace Title { get; }
    public PdfFace Small { get; }
    public PdfFace SmallBold { get; }
    public PdfFace Footer { get; }

    public double Y { get; set; }
    public double Left => MarginLeft;
    public double Right => PageWidth - MarginRight;
    public double Width => Right - Left;
    public int PageCount => _pages.Count;
    private PdfPageBuilder Page => _pages[^1];

    /// <summary>Starts a new page when <paramref name="height"/> does not fit; true when it did.</summary>
    public bool EnsureSpace(double height)
    {
        if (Y + height <= PageHeight - MarginBottom)
            return false;
        NewPage();
        return true;
    }

    public double Measure(string text, PdfFace face) => Width0(Printable(text, face), face);

    /// <summary>Draws wrapped text from <see cref="Y"/> down and returns the new <see cref="Y"/>.</summary>
    public double Text(string text, PdfFace face, double x, double width, bool center = false)
    {
        foreach (var line in Wrap(Printable(text, face), face, width))
        {
            EnsureSpace(face.LineHeight);
            var offset = center ? (width - Width0(line, face)) / 2 : 0;
            Draw(line, face, x + offset, Y);
            Y += face.LineHeight;
        }
        return Y;
    }

    /// <summary>"Label: value", the value wrapping under itself.</summary>
    public void Field(string label, string value, bool bold = false)
    {
        EnsureSpace(Regular.LineHeight);
        var top = Y;
        var labelWidth = Measure(label, Regular) + 5;
        Draw(Printable(label, Regular), Regular, Left, top);
        Text(value, bold ? Bold : Regular, Left + labelWidth, Width - labelWidth);
        Y = Math.Max(Y, top + Regular.LineHeight) + 3;
    }

    /// <summary>One bordered table row as tall as its tallest cell.</summary>
    public void Row(double[] widths, string[] cells, PdfFace face, bool header, Action? onNewPage = null)
    {
        const double pad = 4;
        var lines = cells.Select((cell, i) => Wrap(Printable(cell, face), face, widths[i] - 2 * pad)).ToList();
        var height = lines.Max(l => l.Count) * face.LineHeight + 2 * pad;
        if (EnsureSpace(height))
            onNewPage?.Invoke();
        var x = Left;
        for (var i = 0; i < cells.Length; i++)
        {
            var bottomLeft = new PdfPoint(x, PageHeight - Y - height);
            if (header)
            {
                Page.SetTextAndFillColor(235, 235, 235);
                Page.DrawRectangle(bottomLeft, widths[i], height, 0, fill: true);
                Page.ResetColor();
            }
            Page.DrawRectangle(bottomLeft, widths[i], height, 0.6);
            var y = Y + pad;
            foreach (var line in lines[i])
            {
                var offset = header || i == 0 ? (widths[i] - Width0(line, face)) / 2 : pad;
                Draw(line, face, x + offset, y);
                y += face.LineHeight;
            }
            x += widths[i];
        }
        Y += height;
    }

    public void Rule(double x1, double x2, double y) =>
        Page.DrawLine(new PdfPoint(x1, PageHeight - y), new PdfPoint(x2, PageHeight - y), 0.6);

    /// <summary>The QR code as vector squares: sharp at any zoom or print resolution.</summary>
    public void QrCode(string text, double x, double y, double size)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix; // includes the 4-module quiet zone
        var module = size / matrix.Count;
        Page.SetTextAndFillColor(0, 0, 0);
        for (var row = 0; row < matrix.Count; row++)
        {
            for (var col = 0; col < matrix.Count; col++)
            {
                if (!matrix[row][col])
                    continue;
                var run = 1;
                while (col + run < matrix.Count && matrix[row][col + run])
                    run++;
                // A hair of overlap with the row below so renderers leave no seams between rows.
                Page.DrawRectangle(new PdfPoint(x + col * module, PageHeight - y - (row + 1) * module - 0.05),
                    run * module, module + 0.05, 0, fill: true);
                col += run - 1;
            }
        }
        Page.ResetColor();
    }

    public void DrawFooters(Func<int, string> text)
    {
        for (var i = 0; i < _pages.Count; i++)
        {
            var line = Printable(text(i + 1), Footer);
            var page = _pages[i];
            page.SetTextAndFillColor(110, 110, 110);
            page.AddText(line, Footer.Size, new PdfPoint(Right - Width0(line, Footer, page), MarginBottom - 26), Footer.Font);
            page.ResetColor();
        }
    }

    private void NewPage()
    {
        _pages.Add(_builder.AddPage(PageSize.A4));
        Y = MarginTop;
    }

    private void Draw(string text, PdfFace face, double x, double top)
    {
        if (text.Length > 0)
            Page.AddText(text, face.Size, new PdfPoint(x, PageHeight - top - face.Ascent), face.Font);
    }

    private double Width0(string text, PdfFace face, PdfPageBuilder? page = null)
    {
        if (text.Length == 0)
            return 0;
        var letters = (page ?? Page).MeasureText(text, face.Size, new PdfPoint(0, 0), face.Font);
        return letters.Count == 0 ? 0 : letters[^1].EndBaseLine.X - letters[0].StartBaseLine.X;
    }

    /// <summary>
    /// Composed (NFC) text with control characters as spaces and anything the font lacks as '?':
    /// Vietnamese typed with combining marks then uses the font's precomposed letters.
    /// </summary>
    private string Printable(string text, PdfFace face)
    {
        var result = new StringBuilder(text.Length);
        var elements = StringInfo.GetTextElementEnumerator(text.Normalize(NormalizationForm.FormC));
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            result.Append(element.Any(char.IsControl) ? " "
                : ReceiptFonts.CanDraw(Page, face.Font, face.IsBold, element) ? element
                : "?");
        }
        return result.ToString();
    }

    /// <summary>Greedy word wrap; a word longer than the line (a URL) is broken between letters.</summary>
    private List<string> Wrap(string text, PdfFace face, double width)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : $"{line} {word}";
            if (Width0(candidate, face) <= width)
            {
                line.Clear().Append(candidate);
                continue;
            }
            if (line.Length > 0)
                lines.Add(line.ToString());
            line.Clear();
            var letters = StringInfo.GetTextElementEnumerator(word);
            while (letters.MoveNext())
            {
                var letter = letters.GetTextElement();
                if (line.Length > 0 && Width0(line + letter, face) > width)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                }
                line.Append(letter);
            }
        }
        if (line.Length > 0 || lines.Count == 0)
            lines.Add(line.ToString());
        return lines;
    }
}
