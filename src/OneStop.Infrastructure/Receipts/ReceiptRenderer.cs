using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OneStop.Domain.Calendar;
using OneStop.Domain.Dossiers;
using QRCoder;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using OneStop.Infrastructure.Pdf;
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
    /// <summary>The title of Mẫu 01 (Circular 03/2025/TT-VPCP, as Circular 01/2018/TT-VPCP before it).</summary>
    public const string Title = "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ";

    private const string TimeFormat = "dd/MM/yyyy HH:mm";
    private const double QrSize = 120;

    public byte[] Render(ReceiptModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var builder = new PdfDocumentBuilder();
        builder.DocumentInformation.Title = $"Giấy tiếp nhận hồ sơ và hẹn trả kết quả {model.DossierCode}";
        builder.DocumentInformation.Author = model.UnitName;
        builder.DocumentInformation.Subject = model.ProcedureName;
        builder.DocumentInformation.Creator = "OneStop";
        builder.DocumentInformation.CreationDate = PdfDocuments.PdfDate(model.PrintedAt);

        var canvas = new PdfCanvas(builder);
        DrawHeader(canvas, model);
        DrawApplicant(canvas, model);
        DrawPapers(canvas, model.Papers);
        DrawTimes(canvas, model);
        DrawTracking(canvas, model);
        DrawSignatures(canvas, model);
        canvas.DrawFooters(page => $"{model.DossierCode} · In lúc {Format(model.PrintedAt)} · Trang {page}/{canvas.PageCount}");
        return PdfDocuments.WithContentId(builder.Build());
    }

    public static string Format(DateTimeOffset time) =>
        time.ToOffset(DeadlineCalculator.VietnamOffset).ToString(TimeFormat, CultureInfo.InvariantCulture);

    private static void DrawHeader(PdfCanvas c, ReceiptModel model)
    {
        const double leftWidth = 210;
        var rightX = c.Left + leftWidth + 10;
        var rightWidth = c.Right - rightX;
        var top = c.Y;

        c.Text(model.UnitName.ToUpper(CultureInfo.GetCultureInfo("vi-VN")), c.HeaderBold, c.Left, leftWidth, center: true);
        var leftBottom = c.Text("BỘ PHẬN MỘT CỬA", c.HeaderBold, c.Left, leftWidth, center: true);
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
        c.Text(CounterForms.LegalTitle(CounterForms.Receipt), c.Small, c.Left, c.Width, center: true);
        c.Y += 3;
        c.Text($"Mã hồ sơ: {model.DossierCode}", c.Bold, c.Left, c.Width, center: true);
        c.Y += 14;
    }

    private static void DrawApplicant(PdfCanvas c, ReceiptModel model)
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

    private static void DrawPapers(PdfCanvas c, IReadOnlyList<ReceiptPaper> papers)
    {
        c.Text($"Thành phần hồ sơ gồm {papers.Count} loại giấy tờ:", c.Regular, c.Left, c.Width);
        c.Y += 4;
        // The short headings ("STT", "Số lượng") stay on one line; longer cells wrap inside their column.
        var widths = new[] { 30.0, 50.0, 0.0, 100.0, 56.0, 106.0 };
        widths[2] = c.Width - widths.Sum();
        string[] header = ["STT", "Mã", "Tên giấy tờ", "Bản chính / bản sao", "Số lượng", "Cách nộp"];
        c.Row(widths, header, c.SmallBold, header: true);
        for (var i = 0; i < papers.Count; i++)
        {
            var paper = papers[i];
            var how = paper.Source switch
            {
                ReceiptPaperSource.SeenAtCounter => "Nộp tại quầy",
                ReceiptPaperSource.File => "Tệp điện tử",
                ReceiptPaperSource.Repository => "Tái sử dụng từ kho dữ liệu",
                _ => paper.Source.ToString(),
            };
            if (paper.Digitized && paper.Source != ReceiptPaperSource.Repository)
                how += " (đã số hóa)";
            // A table that runs onto a new page repeats its header there.
            c.Row(widths, [(i + 1).ToString(CultureInfo.InvariantCulture), paper.Code, paper.Name, PaperForms.Describe(paper.PaperForm),
                    paper.Copies.ToString(CultureInfo.InvariantCulture), how], c.Small, header: false,
                onNewPage: () => c.Row(widths, header, c.SmallBold, header: true));
        }
        c.Y += 12;
    }

    private static void DrawTimes(PdfCanvas c, ReceiptModel model)
    {
        c.Field("Thời gian nhận hồ sơ:", Format(model.ReceivedAt));
        if (!string.IsNullOrWhiteSpace(model.ProcessingTime))
            c.Field("Thời gian giải quyết:", model.ProcessingTime);
        c.Field("Thời gian hẹn trả kết quả:", model.DueDate is { } due ? Format(due) : "chưa xác định", bold: true);
        if (!string.IsNullOrWhiteSpace(model.ResultDelivery))
            c.Field("Nhận kết quả:", model.ResultDelivery);
        c.Field("Mã tra cứu hồ sơ:", model.TrackingSecret, bold: true);
        c.Y += 10;
    }

    private static void DrawTracking(PdfCanvas c, ReceiptModel model)
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

    private static void DrawSignatures(PdfCanvas c, ReceiptModel model)
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
}
