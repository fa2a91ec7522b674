using System.Globalization;
using OneStop.Domain.Calendar;
using OneStop.Infrastructure.Pdf;

namespace OneStop.Infrastructure.Documents;

/// <summary>
/// The result document the system issues when the officer attaches none: an A4 PDF naming the result, the
/// dossier and the applicant. It is then signed like any uploaded result (see <see cref="ResultIssuer"/>).
/// </summary>
public sealed class ResultDocumentRenderer : IResultDocumentRenderer
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public byte[] Render(ResultDocumentModel model)
    {
        var pdf = new PdfWriter($"{model.ResultName} — {model.DossierCode}");
        pdf.Centered("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, bold: true);
        pdf.Centered("Độc lập - Tự do - Hạnh phúc", 11);
        pdf.Space(16);
        pdf.Centered(model.UnitName.ToUpper(Vietnamese), 11);
        pdf.Space(10);
        pdf.Centered(model.ResultName.ToUpper(Vietnamese), 14, bold: true);
        pdf.Space(14);
        var issuedAt = model.IssuedAt.ToOffset(DeadlineCalculator.VietnamOffset);
        pdf.Paragraph($"Thủ tục: {model.ProcedureName}");
        pdf.Paragraph($"Mã hồ sơ: {model.DossierCode}");
        pdf.Paragraph($"Người nộp: {model.ApplicantName}");
        pdf.Paragraph($"Số định danh / mã số thuế: {model.ApplicantId}");
        pdf.Paragraph($"Ngày cấp: {issuedAt.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture)}");
        pdf.Paragraph($"Cán bộ trả kết quả: {model.IssuedBy}");
        if (model.DeclineReasons is { } reasons)
        {
            // Từ chối giải quyết (DESIGN §5): the applicant is told why, in writing, under the unit's signature.
            pdf.Space(10);
            pdf.Paragraph($"Sau khi xem xét hồ sơ, {model.UnitName} thông báo từ chối giải quyết yêu cầu của Ông/Bà {model.ApplicantName}.", bold: true);
            pdf.Paragraph($"Lý do: {reasons}");
            pdf.Paragraph("Người nộp hồ sơ có quyền khiếu nại, khởi kiện theo quy định của pháp luật về khiếu nại và tố tụng hành chính.", 10);
        }
        pdf.Space(14);
        pdf.Paragraph("Văn bản điện tử này được hệ thống OneStop ký số. Kiểm tra tính nguyên vẹn của tệp tại /api/public/verify.", 10);
        return pdf.Build();
    }
}
