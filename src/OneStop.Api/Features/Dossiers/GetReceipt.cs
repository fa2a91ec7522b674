using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneStop.Api.Common;
using OneStop.Domain.Dossiers;
using OneStop.Infrastructure.Persistence;
using OneStop.Infrastructure.Receipts;

namespace OneStop.Api.Features.Dossiers;

/// <summary>
/// <c>GET /api/dossiers/{code}/receipt</c>: the receipt PDF (phiếu tiếp nhận và hẹn trả kết quả) of a received
/// dossier, for the officers who may read it and its owner. It is drawn on demand from the stored dossier, so
/// a reprint shows the due date in force.
/// </summary>
public static class GetReceipt
{
    public const string PublicBaseUrlKey = "OneStop:PublicBaseUrl";

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Handle(
        string code, HttpContext http, ClaimsPrincipal user, OneStopDbContext db, IConfiguration configuration,
        ReceiptRenderer renderer, TimeProvider clock, CancellationToken ct)
    {
        var dossier = await DossierAccess.LoadAsync(db, code, tracking: false, ct);
        // Someone else's dossier answers exactly like a missing one: codes are guessable.
        if (dossier is null || !DossierAccess.CanRead(dossier, user.ToActor()))
            return Problems.NotFound($"Không tìm thấy hồ sơ '{code}'.");
        if (dossier.ReceivedAt is not { } receivedAt || dossier.Status is DossierStatus.Submitted or DossierStatus.NotAccepted)
            return Problems.Conflict($"Hồ sơ '{dossier.Code}' chưa được tiếp nhận nên chưa có phiếu tiếp nhận và hẹn trả kết quả.");

        var unitName = await db.Units.AsNoTracking().Where(u => u.Code == dossier.ReceivingUnitCode)
            .Select(u => u.Name).FirstOrDefaultAsync(ct) ?? dossier.ReceivingUnitCode;
        var procedureName = await db.DefinitionVersions.AsNoTracking()
            .Where(d => d.DefinitionId == dossier.ProcedureId && d.Version == dossier.DefinitionVersion)
            .Select(d => d.Name).FirstOrDefaultAsync(ct) ?? dossier.ProcedureId;
        var receiver = dossier.Events.Where(e => e.Action == DossierActions.Receive).MaxBy(e => e.Sequence)?.Actor;
        var receiverName = receiver is null ? null
            : await db.Users.AsNoTracking().Where(u => u.UserName == receiver).Select(u => u.FullName).FirstOrDefaultAsync(ct) ?? receiver;

        var applicant = dossier.Applicant;
        var model = new ReceiptModel(
            unitName,
            dossier.ReceivingUnitCode,
            dossier.Code,
            procedureName,
            applicant.FullName,
            applicant.IdNumber,
            applicant.Type,
            applicant.Phone,
            applicant.Address,
            dossier.Channel,
            dossier.Documents.Select(d => new ReceiptPaper(d.Code, d.Name, SourceOf(d), d.Digitized)).ToList(),
            receivedAt.ToVietnam(),
            dossier.DueDate.ToVietnam(),
            dossier.TrackingSecret,
            PublicBaseUrl(http.Request, configuration),
            clock.GetUtcNow(),
            receiverName);

        // Inline: browsers show it to print at the counter. Codes are [A-Za-z0-9.-], safe inside the quotes.
        http.Response.Headers.ContentDisposition = $"inline; filename=\"phieu-tiep-nhan-{dossier.Code}.pdf\"";
        return TypedResults.File(renderer.Render(model), "application/pdf");
    }

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
