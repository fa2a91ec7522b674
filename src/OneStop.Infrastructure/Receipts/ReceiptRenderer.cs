using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OneStop.Domain.Calendar;
using OneStop.Domain.Dossiers;
using QRCoder;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace OneStop.Infrastructure.Receipts;

/// <summary>
/// Draws the receipt (phiếu tiếp nhận và hẹn trả kết quả, DESIGN §8) as an A4 PDF after the layout of the
/// one-stop forms: unit and national motto, the applicant, the papers received, the receipt and due times,
/// the tracking secret and a QR code to public tracking. Reads no clock, and the same model gives the same
/// bytes: every time printed comes from the model.
/// </summary>
/// <remarks>
/// Written with PdfPig's document builder (Apache-2.0). PDFsharp 6.5 was the first choice but is licensed
/// AGPL-3.0-only and refuses to run until that licence (or a commercial one) is accepted in code.
/// </remarks>
public sealed class ReceiptRenderer
{
    public const string Title = "PHIẾU TIẾP NHẬN VÀ HẸN TRẢ KẾT QUẢ";

    private const string TimeFormat = "dd/MM/yyyy HH:mm";
    private const double QrSize = 120;

    public byte[] Render(ReceiptModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var builder = new PdfDocumentBuilder();
        builder.DocumentInformation.Title = $"Phiếu tiếp nhận và hẹn trả kết quả {model.DossierCode}";
        builder.DocumentInformation.Author = model.UnitName;
        builder.DocumentInformation.Subject = model.ProcedureName;
        builder.DocumentInformation.Creator = "OneStop";
        builder.DocumentInformation.CreationDate = PdfDate(model.PrintedAt);

        var canvas = new Canvas(builder);
        DrawHeader(canvas, model);
        DrawApplicant(canvas, model);
        DrawPapers(canvas, model.Papers);
        DrawTimes(canvas, model);
        DrawTracking(canvas, model);
        DrawSignatures(canvas, model);
        canvas.DrawFooters(page => $"{model.DossierCode} · In lúc {Format(model.PrintedAt)} · Trang {page}/{canvas.PageCount}");
        return WithContentId(builder.Build());
    }

    public static string Format(DateTimeOffset time) =>
        time.ToOffset(DeadlineCalculator.VietnamOffset).ToString(TimeFormat, CultureInfo.InvariantCulture);

    private static void DrawHeader(Canvas c, ReceiptModel model)
    {
        const double leftWidth = 210;
        var rightX = c.Left + leftWidth + 10;
        var rightWidth = c.Right - rightX;
        var top = c.Y;

        var leftBottom = c.Text(model.UnitName.ToUpper(CultureInfo.GetCultureInfo("vi-VN")), c.HeaderBold, c.Left, leftWidth, center: true);
        c.Rule(c.Left + leftWidth / 2 - 35, c.Left + leftWidth / 2 + 35, leftBottom + 3);

        c.Y = top;
        c.Text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", c.HeaderBold, rightX, rightWidth, center: true);
        const string motto = "Độc lập - Tự do - Hạnh phúc";
        var mottoBottom = c.Text(motto, c.HeaderBold, rightX, rightWidth, center: true);
        var mottoWidth = c.Measure(motto, c.HeaderBold);
        c.Rule(rightX + (rightWidth - mottoWidth) / 2, rightX + (rightWidth + mottoWidth) / 2, mottoBottom + 3);
        c.Y += 8;
        var received = model.ReceivedAt.ToOffset(DeadlineCalculator.VietnamOffset);
        c.Text(string.Create(CultureInfo.InvariantCulture, $"Ngày {received:dd} tháng {received:MM} năm {received:yyyy}"),
            c.Regular, rightX, rightWidth, center: true);

        c.Y = Math.Max(c.Y, leftBottom) + 22;
        c.Text(Title, c.Title, c.Left, c.Width, center: true);
        c.Y += 3;
        c.Text($"Mã hồ sơ: {model.DossierCode}", c.Bold, c.Left, c.Width, center: true);
        c.Y += 14;
    }

    private static void DrawApplicant(Canvas c, ReceiptModel model)
    {
        var organisation = model.ApplicantType == ApplicantType.Organisation;
        c.Text($"{model.UnitName} tiếp nhận hồ sơ của:", c.Regular, c.Left, c.Width);
        c.Y += 2;
        c.Field(organisation ? "Tổ chức:" : "Ông/Bà:", model.ApplicantName, bold: true);
        c.Field(organisation ? "Mã số thuế:" : "Số định danh cá nhân:", model.ApplicantIdNumber);
        if (!string.IsNullOrWhiteSpace(model.ApplicantAddress))
            c.Field("Địa chỉ:", model.ApplicantAddress);
        if (!string.IsNullOrWhiteSpace(model.ApplicantPhone))
            c.Field("Số điện thoại:", model.ApplicantPhone);
        c.Field("Nội dung yêu cầu giải quyết:", model.ProcedureName, bold: true);
        c.Field("Hình thức nộp:", model.Channel switch
        {
            Channel.Counter => "Trực tiếp tại Bộ phận Một cửa",
            Channel.Online => "Trực tuyến qua Cổng Dịch vụ công",
            Channel.Post => "Qua dịch vụ bưu chính công ích",
            _ => model.Channel.ToString(),
        });
        c.Y += 6;
    }

    private static void DrawPapers(Canvas c, IReadOnlyList<ReceiptPaper> papers)
    {
        c.Text($"Thành phần hồ sơ gồm {papers.Count} loại giấy tờ:", c.Regular, c.Left, c.Width);
        c.Y += 4;
        var widths = new[] { 30.0, 62.0, 0.0, 140.0 };
        widths[2] = c.Width - widths[0] - widths[1] - widths[3];
        string[] header = ["STT", "Mã", "Tên giấy tờ", "Hình thức"];
        c.Row(widths, header, c.SmallBold, header: true);
        for (var i = 0; i < papers.Count; i++)
        {
            var paper = papers[i];
            var form = paper.Source switch
            {
                ReceiptPaperSource.SeenAtCounter => "Bản chính, đối chiếu tại quầy",
                ReceiptPaperSource.File => "Tệp điện tử",
                ReceiptPaperSource.Repository => "Tái sử dụng từ kho dữ liệu",
                _ => paper.Source.ToString(),
            };
            if (paper.Digitized && paper.Source != ReceiptPaperSource.Repository)
                form += " (đã số hóa)";
            // A table that runs onto a new page repeats its header there.
            c.Row(widths, [(i + 1).ToString(CultureInfo.InvariantCulture), paper.Code, paper.Name, form], c.Small, header: false,
                onNewPage: () => c.Row(widths, header, c.SmallBold, header: true));
        }
        c.Y += 12;
    }

    private static void DrawTimes(Canvas c, ReceiptModel model)
    {
        c.Field("Thời gian nhận hồ sơ:", Format(model.ReceivedAt));
        c.Field("Thời gian hẹn trả kết quả:", model.DueDate is { } due ? Format(due) : "chưa xác định", bold: true);
        c.Field("Mã tra cứu hồ sơ:", model.TrackingSecret, bold: true);
        c.Y += 10;
    }

    private static void DrawTracking(Canvas c, ReceiptModel model)
    {
        c.EnsureSpace(QrSize + 4);
        var top = c.Y;
        c.QrCode(model.TrackingUrl, c.Left, top, QrSize);
        var x = c.Left + QrSize + 12;
        var width = c.Right - x;
        c.Y = top + 16;
        c.Text("Tra cứu tình trạng hồ sơ: quét mã QR hoặc truy cập địa chỉ", c.Small, x, width);
        c.Text(model.TrackingUrl, c.Small, x, width);
        c.Y += 4;
        c.Text($"Mã hồ sơ: {model.DossierCode} · Mã tra cứu: {model.TrackingSecret}", c.Small, x, width);
        c.Text("Giữ bí mật mã tra cứu; xuất trình phiếu này khi nhận kết quả.", c.Small, x, width);
        c.Y = Math.Max(c.Y, top + QrSize) + 12;
    }

    private static void DrawSignatures(Canvas c, ReceiptModel model)
    {
        c.EnsureSpace(110);
        var half = c.Width / 2;
        var top = c.Y;
        c.Text("NGƯỜI NỘP HỒ SƠ", c.Bold, c.Left, half, center: true);
        c.Text("(Ký và ghi rõ họ tên)", c.Small, c.Left, half, center: true);
        c.Y = top;
        c.Text("NGƯỜI TIẾP NHẬN HỒ SƠ", c.Bold, c.Left + half, half, center: true);
        c.Text("(Ký và ghi rõ họ tên)", c.Small, c.Left + half, half, center: true);
        c.Y += 55;
        if (!string.IsNullOrWhiteSpace(model.ReceivedBy))
            c.Text(model.ReceivedBy, c.Bold, c.Left + half, half, center: true);
    }

    private static string PdfDate(DateTimeOffset time)
    {
        var vietnam = time.ToOffset(DeadlineCalculator.VietnamOffset);
        return string.Create(CultureInfo.InvariantCulture, $"D:{vietnam:yyyyMMddHHmmss}+07'00'");
    }

    /// <summary>
    /// PdfPig writes a random file identifier (trailer <c>/ID</c>); replacing it, in place and at the same
    /// length, by a hash of the rest of the file makes equal receipts byte-identical. The identifier follows
    /// the cross-reference table, so no offset moves.
    /// </summary>
    private static byte[] WithContentId(byte[] pdf)
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

    private readonly record struct Face(PdfDocumentBuilder.AddedFont Font, bool IsBold, double Size)
    {
        public double LineHeight => Size * 1.22;
        // DejaVu's ascender is 0.93 em: the baseline sits that far below the top of a line.
        public double Ascent => Size * 0.93;
    }

    /// <summary>A top-to-bottom writer over A4 pages (y grows downwards) that wraps text and starts new pages.</summary>
    private sealed class Canvas
    {
        private const double MarginLeft = 56;
        private const double MarginRight = 42;
        private const double MarginTop = 42;
        private const double MarginBottom = 50;
        private const double PageWidth = 595.28;
        private const double PageHeight = 841.89;

        private readonly PdfDocumentBuilder _builder;
        private readonly List<PdfPageBuilder> _pages = [];

        public Canvas(PdfDocumentBuilder builder)
        {
            _builder = builder;
            var (regular, bold) = ReceiptFonts.AddTo(builder);
            Regular = new Face(regular, false, 11);
            Bold = new Face(bold, true, 11);
            HeaderBold = new Face(bold, true, 10.5);
            Title = new Face(bold, true, 14);
            Small = new Face(regular, false, 9);
            SmallBold = new Face(bold, true, 9);
            Footer = new Face(regular, false, 7.5);
            NewPage();
        }

        public Face Regular { get; }
        public Face Bold { get; }
        public Face HeaderBold { get; }
        public Face Title { get; }
        public Face Small { get; }
        public Face SmallBold { get; }
        public Face Footer { get; }

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

        public double Measure(string text, Face face) => Width0(Printable(text, face), face);

        /// <summary>Draws wrapped text from <see cref="Y"/> down and returns the new <see cref="Y"/>.</summary>
        public double Text(string text, Face face, double x, double width, bool center = false)
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
        public void Row(double[] widths, string[] cells, Face face, bool header, Action? onNewPage = null)
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

        private void Draw(string text, Face face, double x, double top)
        {
            if (text.Length > 0)
                Page.AddText(text, face.Size, new PdfPoint(x, PageHeight - top - face.Ascent), face.Font);
        }

        private double Width0(string text, Face face, PdfPageBuilder? page = null)
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
        private string Printable(string text, Face face)
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
        private List<string> Wrap(string text, Face face, double width)
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
}
