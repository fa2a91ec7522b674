using System.Globalization;
using OneStop.Domain.Calendar;
using OneStop.Infrastructure.Pdf;
using UglyToad.PdfPig.Writer;

namespace OneStop.Infrastructure.Receipts;

/// <summary>One row of a paper's itemised list: a paper's code, its name, and what is asked of it.</summary>
public sealed record CounterPaperItem(string Code, string Name, string Reason);

/// <summary>
/// A counter paper other than the receipt (DESIGN §5): the supplement request (Mẫu 02), the refusal of reception
/// (Mẫu 03) or the apology (Mẫu 04), all drawn from the dossier's stored history, never typed by hand.
/// </summary>
public sealed record CounterPaper(
    int FormNumber,
    string Title,
    string UnitName,
    string DossierCode,
    string ProcedureName,
    string ApplicantName,
    string ApplicantIdNumber,
    DateTimeOffset IssuedAt,
    string? IssuedBy,
    IReadOnlyList<string> Paragraphs,
    IReadOnlyList<CounterPaperItem>? Items = null,
    string? Closing = null);

/// <summary>
/// Draws <see cref="CounterPaper"/>s as A4 PDFs in the layout of the one-stop forms: issuing unit and national motto,
/// number and date, title and the form's legal title, the applicant and procedure, the body, an itemised table where
/// the form has one, and the signature block. The same paper gives the same bytes.
/// </summary>
public sealed class CounterPaperRenderer
{
    public byte[] Render(CounterPaper paper)
    {
        ArgumentNullException.ThrowIfNull(paper);
        using var builder = new PdfDocumentBuilder();
        builder.DocumentInformation.Title = $"{paper.Title} {paper.DossierCode}";
        builder.DocumentInformation.Author = paper.UnitName;
        builder.DocumentInformation.Subject = paper.ProcedureName;
        builder.DocumentInformation.Creator = "OneStop";
        builder.DocumentInformation.CreationDate = PdfDocuments.PdfDate(paper.IssuedAt);

        var c = new PdfCanvas(builder);
        CounterPaperHeader.Draw(c, paper.UnitName, paper.DossierCode, paper.IssuedAt, paper.Title.ToUpper(CultureInfo.GetCultureInfo("vi-VN")),
            CounterForms.LegalTitle(paper.FormNumber));
        c.Field("Kính gửi:", $"Ông/Bà {paper.ApplicantName}", bold: true);
        c.Field("Số định danh / mã số thuế:", paper.ApplicantIdNumber);
        c.Field("Thủ tục:", paper.ProcedureName);
        c.Field("Mã hồ sơ:", paper.DossierCode);
        c.Y += 6;
        foreach (var paragraph in paper.Paragraphs)
        {
            c.Text(paragraph, c.Regular, c.Left, c.Width);
            c.Y += 4;
        }
        if (paper.Items is { Count: > 0 } items)
        {
            c.Y += 4;
            var widths = new[] { 30.0, 62.0, 0.0, 190.0 };
            widths[2] = c.Width - widths[0] - widths[1] - widths[3];
            string[] header = ["STT", "Mã", "Giấy tờ", "Nội dung cần bổ sung, hoàn thiện"];
            c.Row(widths, header, c.SmallBold, header: true);
            for (var i = 0; i < items.Count; i++)
                c.Row(widths, [(i + 1).ToString(CultureInfo.InvariantCulture), items[i].Code, items[i].Name, items[i].Reason], c.Small, header: false,
                    onNewPage: () => c.Row(widths, header, c.SmallBold, header: true));
            c.Y += 8;
        }
        if (paper.Closing is { } closing)
        {
            c.Text(closing, c.Regular, c.Left, c.Width);
            c.Y += 4;
        }
        CounterPaperHeader.Signature(c, "NGƯỜI LẬP PHIẾU", paper.IssuedBy);
        c.DrawFooters(page => $"{paper.DossierCode} · {CounterForms.LegalTitle(paper.FormNumber)} · Trang {page}/{c.PageCount}");
        return PdfDocuments.WithContentId(builder.Build());
    }
}

/// <summary>The heading every counter paper shares, and the signature block.</summary>
internal static class CounterPaperHeader
{
    public static void Draw(PdfCanvas c, string unitName, string number, DateTimeOffset at, string title, string legalTitle)
    {
        const double leftWidth = 210;
        var rightX = c.Left + leftWidth + 10;
        var rightWidth = c.Right - rightX;
        var top = c.Y;

        c.Text(unitName.ToUpper(CultureInfo.GetCultureInfo("vi-VN")), c.HeaderBold, c.Left, leftWidth, center: true);
        var leftBottom = c.Text("BỘ PHẬN MỘT CỬA", c.HeaderBold, c.Left, leftWidth, center: true);
        c.Rule(c.Left + leftWidth / 2 - 35, c.Left + leftWidth / 2 + 35, leftBottom + 3);
        c.Y = leftBottom + 8;
        leftBottom = c.Text($"Số: {number}", c.Small, c.Left, leftWidth, center: true);

        c.Y = top;
        c.Text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", c.HeaderBold, rightX, rightWidth, center: true);
        const string motto = "Độc lập - Tự do - Hạnh phúc";
        var mottoBottom = c.Text(motto, c.HeaderBold, rightX, rightWidth, center: true);
        var mottoWidth = c.Measure(motto, c.HeaderBold);
        c.Rule(rightX + (rightWidth - mottoWidth) / 2, rightX + (rightWidth + mottoWidth) / 2, mottoBottom + 3);
        c.Y += 8;
        var local = at.ToOffset(DeadlineCalculator.VietnamOffset);
        c.Text(string.Create(CultureInfo.InvariantCulture, $"Ngày {local:dd} tháng {local:MM} năm {local:yyyy}"), c.Regular, rightX, rightWidth, center: true);

        c.Y = Math.Max(c.Y, leftBottom) + 18;
        c.Text(title, c.Title, c.Left, c.Width, center: true);
        c.Text(legalTitle, c.Small, c.Left, c.Width, center: true);
        c.Y += 12;
    }

    public static void Signature(PdfCanvas c, string role, string? name)
    {
        c.EnsureSpace(100);
        var half = c.Width / 2;
        c.Text(role, c.Bold, c.Left + half, half, center: true);
        c.Text("(Ký và ghi rõ họ tên)", c.Small, c.Left + half, half, center: true);
        c.Y += 50;
        if (!string.IsNullOrWhiteSpace(name))
            c.Text(name, c.Bold, c.Left + half, half, center: true);
    }
}
