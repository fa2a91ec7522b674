using OneStop.Api.Common;

namespace OneStop.Api.Features.Dossiers;

public static class DossiersEndpoints
{
    public static IEndpointRouteBuilder MapDossiersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/dossiers").WithTags("Dossiers").RequireAuthorization();

        group.MapPost("/", SubmitDossier.Handle).Validate<SubmitDossierRequest>()
            .RequireAuthorization(Policies.Submitter)
            .WithSummary("Nộp / tiếp nhận hồ sơ mới (tôn trọng Idempotency-Key).");
        group.MapGet("/", ListDossiers.Handle).RequireAuthorization(Policies.Officer)
            .WithSummary("Hàng đợi xử lý của đơn vị: lọc theo trạng thái, bước, quá hạn, hạn trước ngày, từ khóa, người nhận việc (assignee=me|none).");
        group.MapGet("/{code}", GetDossier.Handle).WithSummary("Đọc hồ sơ (kèm ETag và các thao tác được phép).");
        group.MapPost("/{code}/actions/{action}", ActOnDossier.Handle).Validate<ActionBody>()
            .AddEndpointFilter<Payments.SendPaymentOrderFilter>()
            .WithSummary("Thực hiện một thao tác; cần If-Match với ETag của lần đọc gần nhất.");
        group.MapGet("/{code}/history", GetDossierHistory.Handle).WithSummary("Lịch sử xử lý hồ sơ.");
        group.MapPost("/{code}/claim", ClaimableWork.Claim).RequireAuthorization(Policies.Officer)
            .WithSummary("Nhận xử lý bước hiện tại (bước có \"assign\": \"claim\"); cần If-Match.");
        group.MapPost("/{code}/release", ClaimableWork.Release).RequireAuthorization(Policies.Officer)
            .WithSummary("Trả lại việc đã nhận (người giữ việc hoặc lãnh đạo); cần If-Match.");
        group.MapPost("/{code}/assign", ClaimableWork.Assign).RequireAuthorization(Policies.Officer)
            .WithSummary("Lãnh đạo giao việc của bước hiện tại cho một cán bộ (userName); cần If-Match.");
        group.MapPost("/{code}/consultations/{unitCode}", AnswerConsultationEndpoint.Handle).Validate<ConsultationAnswerRequest>()
            .RequireAuthorization(Policies.Officer)
            .WithSummary("Đơn vị được lấy ý kiến trả lời: agree | disagree, ý kiến, tài liệu; cần If-Match.");
        group.MapPost("/{code}/documents/{documentCode}/digitize", Documents.DigitizeDocument.Handle).Validate<Documents.DigitizeRequest>()
            .RequireAuthorization(Policies.Officer)
            .WithSummary("Cán bộ một cửa số hóa một giấy tờ (tệp bản quét + trường dữ liệu); giấy tờ dùng lại được vào kho dữ liệu của người nộp.");
        group.MapGet("/{code}/receipt", GetReceipt.Handle).Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .WithSummary("Giấy tiếp nhận hồ sơ và hẹn trả kết quả (PDF, Mẫu 01) của hồ sơ đã tiếp nhận.");
        group.MapGet("/{code}/papers/{kind}", GetReceipt.Paper).Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .WithSummary("Phiếu của Bộ phận Một cửa (PDF): receipt (Mẫu 01), supplement-request (Mẫu 02), refusal (Mẫu 03), apology (Mẫu 04), decline-notice (thông báo từ chối giải quyết đã ký).");
        group.MapPost("/{code}/rating", Ratings.RateDossier.Handle).Validate<Ratings.RatingRequest>()
            .WithSummary("Người nộp đánh giá mức độ hài lòng (1–5, kèm nhận xét) sau khi nhận kết quả; mỗi hồ sơ một lần.");
        return app;
    }
}
