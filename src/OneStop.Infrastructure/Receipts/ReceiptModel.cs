using OneStop.Domain.Dossiers;

namespace OneStop.Infrastructure.Receipts;

/// <summary>How a paper reached the unit, as the receipt states it.</summary>
public enum ReceiptPaperSource
{
    /// <summary>The original was seen at the counter (recorded by code alone).</summary>
    SeenAtCounter,
    /// <summary>An uploaded file.</summary>
    File,
    /// <summary>Reused from the citizen's data repository (kho dữ liệu) instead of submitted again.</summary>
    Repository,
}

/// <summary>A paper as the receipt lists it: what it is, whether an original or a copy (Mẫu 01), how many, and how it came.</summary>
public sealed record ReceiptPaper(string Code, string Name, ReceiptPaperSource Source, bool Digitized = false, string PaperForm = PaperForms.Copy, int Copies = 1);

/// <summary>Everything a receipt (phiếu tiếp nhận và hẹn trả kết quả) prints; built by the API from a received dossier.</summary>
/// <param name="PublicBaseUrl">Where citizens reach the API, e.g. <c>https://motcua.example.gov.vn</c>; the QR code links to public tracking there.</param>
/// <param name="PrintedAt">When this copy is printed: the only time the renderer writes that is not the dossier's own.</param>
/// <param name="ProcessingTime">The procedure's processing time as the law states it, e.g. "01 ngày làm việc", "Trong ngày".</param>
/// <param name="ResultDelivery">Where and how the result is handed over (the counter, another unit's counter, or by post).</param>
public sealed record ReceiptModel(
    string UnitName,
    string UnitCode,
    string DossierCode,
    string ProcedureName,
    string ApplicantName,
    string ApplicantIdNumber,
    ApplicantType ApplicantType,
    string? ApplicantPhone,
    string? ApplicantAddress,
    Channel Channel,
    IReadOnlyList<ReceiptPaper> Papers,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? DueDate,
    string TrackingSecret,
    string PublicBaseUrl,
    DateTimeOffset PrintedAt,
    string? ReceivedBy = null,
    string? ProcessingTime = null,
    string? ResultDelivery = null)
{
    /// <summary>The public tracking address the QR code encodes (DESIGN §10 <c>GET /api/public/dossiers/{code}?secret=</c>).</summary>
    public string TrackingUrl =>
        $"{PublicBaseUrl.TrimEnd('/')}/api/public/dossiers/{Uri.EscapeDataString(DossierCode)}?secret={Uri.EscapeDataString(TrackingSecret)}";
}
