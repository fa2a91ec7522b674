using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneStop.Api.Common;
using OneStop.Domain.Calendar;
using OneStop.Domain.Definitions;
using OneStop.Domain.Dossiers;
using OneStop.Domain.Dossiers.Actions;
using OneStop.Infrastructure.Definitions;
using OneStop.Infrastructure.Persistence;
using OneStop.Infrastructure.Receipts;
using OneStop.Infrastructure.Storage;

namespace OneStop.Api.Features.Dossiers;

/// <summary>
/// <c>GET /api/dossiers/{code}/papers/{kind}</c> (DESIGN §5): the counter's papers as PDFs, drawn on demand from the
/// stored dossier and its history, for the officers who may read it and its owner — the receipt (Mẫu 01, also at
/// <c>/receipt</c>), the supplement request with its itemised list (Mẫu 02), the refusal of reception (Mẫu 03), the
/// apology with its new date (Mẫu 04) and the signed refusal notice of <c>decline</c> (the issued result itself).
/// A paper the dossier has no reason for answers 409.
/// </summary>
public static class GetReceipt
{
    public const string PublicBaseUrlKey = "OneStop:PublicBaseUrl";

    public static readonly IReadOnlyList<string> Kinds = ["receipt", "supplement-request", "refusal", "apology", "decline-notice"];

    public static Task<Results<FileContentHttpResult, FileStreamHttpResult, ProblemHttpResult>> Handle(
        string code, HttpContext http, ClaimsPrincipal user, OneStopDbContext db, IConfiguration configuration, DefinitionCatalog catalog,
        ReceiptRenderer renderer, CounterPaperRenderer papers, IFileStore store, TimeProvider clock, CancellationToken ct) =>
        Paper(code, "receipt", http, user, db, configuration, catalog, renderer, papers, store, clock, ct);

    public static async Task<Results<FileContentHttpResult, FileStreamHttpResult, ProblemHttpResult>> Paper(
        string code, string kind, HttpContext http, ClaimsPrincipal user, OneStopDbContext db, IConfiguration configuration, DefinitionCatalog catalog,
        ReceiptRenderer renderer, CounterPaperRenderer papers, IFileStore store, TimeProvider clock, CancellationToken ct)
    {
        if (!Kinds.Contains(kind))
            return Problems.NotFound($"Không có loại phiếu '{kind}'; các loại: {string.Join(", ", Kinds)}.");
        var dossier = await DossierAccess.LoadAsync(db, code, tracking: false, ct);
        // Someone else's dossier answers exactly like a missing one: codes are guessable.
        if (dossier is null || !DossierAccess.CanRead(dossier, user.ToActor()))
            return Problems.NotFound($"Không tìm thấy hồ sơ '{code}'.");
        var definition = (await catalog.GetPinnedAsync(db, dossier, ct)).Definition;
        var names = await UnitNamesAsync(db, dossier, ct);

        switch (kind)
        {
            case "receipt":
                if (dossier.ReceivedAt is not { } receivedAt || dossier.Status is DossierStatus.Submitted or DossierStatus.NotAccepted)
                    return Problems.Conflict($"Hồ sơ '{dossier.Code}' chưa được tiếp nhận nên chưa có giấy tiếp nhận và hẹn trả kết quả.");
                var model = new ReceiptModel(
                    names(dossier.ReceivingUnitCode), dossier.ReceivingUnitCode, dossier.Code, definition.Name,
                    dossier.Applicant.FullName, dossier.Applicant.IdNumber, dossier.Applicant.Type, dossier.Applicant.Phone, dossier.Applicant.Address,
                    dossier.Channel,
                    dossier.Documents.Select(d => new ReceiptPaper(d.Code, d.Name, SourceOf(d), d.Digitized, d.PaperForm, d.Copies)).ToList(),
                    receivedAt.ToVietnam(), dossier.DueDate.ToVietnam(), dossier.TrackingSecret, PublicBaseUrl(http.Request, configuration),
                    clock.GetUtcNow(), await FullNameAsync(db, Last(dossier, DossierActions.Receive)?.Actor, ct),
                    ProcessingTime(definition.ProcessingTime), Delivery(dossier, names));
                return Pdf(http, $"phieu-tiep-nhan-{dossier.Code}.pdf", renderer.Render(model));

            case "supplement-request":
                if (Last(dossier, DossierActions.RequestSupplement) is not { } request)
                    return Problems.Conflict($"Hồ sơ '{dossier.Code}' chưa có yêu cầu bổ sung, hoàn thiện hồ sơ.");
                var items = request.Details is null ? [] : JsonSerializer.Deserialize<List<ItemDetail>>(request.Details, Json) ?? [];
                return Pdf(http, $"phieu-yeu-cau-bo-sung-{dossier.Code}.pdf", papers.Render(new CounterPaper(
                    CounterForms.SupplementRequest, "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ", names(request.UnitCode ?? dossier.CurrentUnitCode),
                    dossier.Code, definition.Name, dossier.Applicant.FullName, dossier.Applicant.IdNumber, request.At.ToVietnam(),
                    await FullNameAsync(db, request.Actor, ct),
                    [$"Hồ sơ của Ông/Bà cần được bổ sung, hoàn thiện các nội dung dưới đây. {request.Comment}",
                     "Thời gian giải quyết tạm dừng từ khi có yêu cầu này đến khi nhận đủ giấy tờ bổ sung."],
                    items.Select(i => new CounterPaperItem(i.Code, i.Name, i.Reason)).ToList(),
                    "Yêu cầu bổ sung được nêu một lần, đầy đủ; Ông/Bà nộp giấy tờ bổ sung tại nơi đã nộp hồ sơ hoặc trực tuyến.")));

            case "refusal":
                if (dossier.Status != DossierStatus.NotAccepted || Last(dossier, DossierActions.Refuse) is not { } refusal)
                    return Problems.Conflict($"Hồ sơ '{dossier.Code}' không bị từ chối tiếp nhận.");
                return Pdf(http, $"phieu-tu-choi-{dossier.Code}.pdf", papers.Render(new CounterPaper(
                    CounterForms.Refusal, "Phiếu từ chối tiếp nhận giải quyết hồ sơ", names(refusal.UnitCode ?? dossier.ReceivingUnitCode),
                    dossier.Code, definition.Name, dossier.Applicant.FullName, dossier.Applicant.IdNumber, refusal.At.ToVietnam(),
                    await FullNameAsync(db, refusal.Actor, ct),
                    [$"Bộ phận Một cửa không tiếp nhận hồ sơ của Ông/Bà vì lý do sau: {refusal.Comment}",
                     "Xin thông báo để Ông/Bà biết và thực hiện."])));

            case "apology":
                if (Last(dossier, DossierActions.Apologize) is not { } apology)
                    return Problems.Conflict($"Hồ sơ '{dossier.Code}' không có văn bản xin lỗi và hẹn lại ngày trả.");
                var previous = apology.Details is null ? null : JsonSerializer.Deserialize<ApologyDetail>(apology.Details, Json)?.PreviousDueDate;
                return Pdf(http, $"van-ban-xin-loi-{dossier.Code}.pdf", papers.Render(new CounterPaper(
                    CounterForms.Apology, "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết", names(apology.UnitCode ?? dossier.CurrentUnitCode),
                    dossier.Code, definition.Name, dossier.Applicant.FullName, dossier.Applicant.IdNumber, apology.At.ToVietnam(),
                    await FullNameAsync(db, apology.Actor, ct),
                    [$"Hồ sơ của Ông/Bà hẹn trả kết quả {(previous is { } was ? VietnamDates.Format(was) : "")} nhưng chưa giải quyết kịp vì lý do: {apology.Comment}",
                     $"Chúng tôi xin lỗi Ông/Bà và hẹn lại thời gian trả kết quả: {(apology.DueDate is { } due ? VietnamDates.Format(due) : "")}.",
                     "Sự chậm trễ này được ghi nhận: hồ sơ vẫn được tính là quá hạn so với ngày hẹn ban đầu."])));

            default:
                if (dossier.Outcome != Outcomes.Declined || dossier.Results.FirstOrDefault(r => r.Code == Decline.NoticeCode)?.FileId is not { } fileId)
                    return Problems.Conflict($"Hồ sơ '{dossier.Code}' không bị từ chối giải quyết.");
                // The signed notice itself: the same bytes /api/public/verify recognises.
                var file = await db.Files.AsNoTracking().FirstAsync(f => f.Id == fileId, ct);
                http.Response.Headers.ContentDisposition = $"inline; filename=\"thong-bao-tu-choi-giai-quyet-{dossier.Code}.pdf\"";
                return TypedResults.Stream(await store.OpenReadAsync(file.Sha256, ct), FileTypes.Pdf);
        }
    }

    private sealed record ItemDetail(string Code, string Name, string Reason);

    private sealed record ApologyDetail(DateTime? PreviousDueDate);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static DossierEvent? Last(Dossier dossier, string action) => dossier.Events.Where(e => e.Action == action).MaxBy(e => e.Sequence);

    private static FileContentHttpResult Pdf(HttpContext http, string name, byte[] bytes)
    {
        // Inline: browsers show it to print at the counter. Codes are [A-Za-z0-9.-], safe inside the quotes.
        http.Response.Headers.ContentDisposition = $"inline; filename=\"{name}\"";
        return TypedResults.File(bytes, "application/pdf");
    }

    /// <summary>The processing time as the receipt states it.</summary>
    internal static string ProcessingTime(Duration? time) => time switch
    {
        null => "",
        { SameDay: true } => "Trong ngày làm việc (tiếp nhận sau 15 giờ: trong ngày làm việc tiếp theo)",
        { WholeWorkingDays: { } days } => string.Create(CultureInfo.InvariantCulture, $"{days:00} ngày làm việc"),
        { WorkingDays: { } days } => $"{days.ToString("0.##", CultureInfo.GetCultureInfo("vi-VN"))} ngày làm việc",
        { WorkingHours: { } hours } => $"{hours.ToString("0.##", CultureInfo.GetCultureInfo("vi-VN"))} giờ làm việc",
        _ => "",
    };

    /// <summary>Where the applicant gets the result, as they chose (DESIGN §3).</summary>
    private static string Delivery(Dossier dossier, Func<string?, string> names) => dossier.ReturnAt switch
    {
        ReturnPoints.Post => $"Qua dịch vụ bưu chính công ích, gửi từ {names(dossier.ReturnUnitCode)} đến địa chỉ của người nộp",
        _ => $"Tại Bộ phận Một cửa — {names(dossier.ReturnUnitCode)}",
    };

    private static async Task<Func<string?, string>> UnitNamesAsync(OneStopDbContext db, Dossier dossier, CancellationToken ct)
    {
        var codes = new[] { dossier.ReceivingUnitCode, dossier.CurrentUnitCode, dossier.CompetentUnitCode }
            .Concat(dossier.Events.Select(e => e.UnitCode)).Where(c => c is not null).Distinct().ToList();
        var names = await db.Units.AsNoTracking().Where(u => codes.Contains(u.Code)).ToDictionaryAsync(u => u.Code, u => u.Name, ct);
        return code => code is not null && names.TryGetValue(code, out var name) ? name : code ?? "";
    }

    private static async Task<string?> FullNameAsync(OneStopDbContext db, string? userName, CancellationToken ct) =>
        userName is null ? null
        : await db.Users.AsNoTracking().Where(u => u.UserName == userName).Select(u => u.FullName).FirstOrDefaultAsync(ct) ?? userName;

    private static ReceiptPaperSource SourceOf(DossierDocument document) =>
        document.RepositoryDocumentId is not null ? ReceiptPaperSource.Repository
        : document.FileId is not null ? ReceiptPaperSource.File
        : ReceiptPaperSource.SeenAtCounter;

    /// <summary>The configured public address, else the address this request came in on.</summary>
    private static string PublicBaseUrl(HttpRequest request, IConfiguration configuration)
    {
        var configured = configuration[PublicBaseUrlKey];
        return string.IsNullOrWhiteSpace(configured)
            ? $"{request.Scheme}://{request.Host}{request.PathBase}"
            : configured.TrimEnd('/');
    }
}
