using System.Buffers;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Api.Common;
using OneStop.Domain.Documents;
using OneStop.Domain.Dossiers;
using OneStop.Infrastructure.Audit;
using OneStop.Infrastructure.Definitions;
using OneStop.Infrastructure.Documents;
using OneStop.Infrastructure.Persistence;
using OneStop.Infrastructure.Storage;

namespace OneStop.Api.Features.Documents;

public sealed record RepositoryDocumentResponse(
    Guid Id, string OwnerId, string TypeCode, string Name, Guid FileId, string? SourceDossierCode, DateTimeOffset IssuedAt,
    DateOnly? ValidUntil, bool Digitized, bool Signed, int ReuseCount, bool Valid, bool UsableFor);

public sealed record VerifyResponse(bool Valid, string? DossierCode, string? SignedBy, DateTimeOffset? SignedAt);

public static class DocumentsEndpoints
{
    public static IEndpointRouteBuilder MapDocumentsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me/documents", MyDocuments).RequireAuthorization(Policies.Citizen).WithTags("Data repository")
            .WithSummary("Kho dữ liệu của tôi: giấy tờ đã số hóa và kết quả đã ký, dùng lại được cho hồ sơ sau.");
        app.MapGet("/api/repository/{ownerId}/documents", OwnerDocuments).RequireAuthorization(Policies.Officer).WithTags("Data repository")
            .WithSummary("Cán bộ xem giấy tờ dùng lại được của người nộp, chỉ khi có hồ sơ của người đó tại đơn vị mình (?dossier=) " +
                "hoặc, ở một cửa, cho người đang nộp (?purpose=); mọi lần xem được ghi nhật ký. Tùy chọn ?procedureId= đánh dấu giấy tờ thủ tục cần.");
        app.MapPost("/api/public/verify", Verify).AllowAnonymous().DisableAntiforgery().WithTags("Public").RequireRateLimiting(RateLimits.Public)
            .WithSummary("Kiểm tra một tệp có phải kết quả nguyên vẹn do hệ thống ký hay không.");
        return app;
    }

    public static async Task<Ok<ListResponse<RepositoryDocumentResponse>>> MyDocuments(
        ClaimsPrincipal user, OneStopDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var ownerId = user.ToActor().PersonalId ?? "";
        return TypedResults.Ok(await ListAsync(db, ownerId, null, VietnamTime.Today(clock), ct));
    }

    public static async Task<Results<Ok<ListResponse<RepositoryDocumentResponse>>, ProblemHttpResult>> OwnerDocuments(
        string ownerId, string? procedureId, string? dossier, string? purpose, HttpContext http, ClaimsPrincipal user,
        OneStopDbContext db, DefinitionCatalog catalog, TimeProvider clock, CancellationToken ct)
    {
        var owner = ownerId.Trim();
        var (grant, refused) = await RepositoryAccess.CheckAsync(db, user.ToActor(), owner, dossier, purpose, ct);
        if (grant is null)
            return refused!;
        IReadOnlySet<string>? wanted = null;
        if (!string.IsNullOrWhiteSpace(procedureId))
        {
            var engine = await catalog.GetCurrentAsync(db, procedureId, ct);
            if (engine is null)
                return Problems.NotFound($"Không tìm thấy thủ tục '{procedureId}'.");
            wanted = engine.Definition.Documents.Where(d => d.Reusable).Select(d => d.Code).ToHashSet();
        }
        var list = await ListAsync(db, owner, wanted, VietnamTime.Today(clock), ct);
        AuditLog.Add(db, http, clock.GetUtcNow().UtcDateTime, AuditActions.RepositoryRead, owner, grant.Purpose, grant.DossierCode);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(list);
    }

    private static async Task<ListResponse<RepositoryDocumentResponse>> ListAsync(
        OneStopDbContext db, string ownerId, IReadOnlySet<string>? wanted, DateOnly today, CancellationToken ct)
    {
        var documents = await db.RepositoryDocuments.AsNoTracking().Where(d => d.OwnerId == ownerId)
            .OrderByDescending(d => d.IssuedAt).ToListAsync(ct);
        var items = documents.Select(d =>
        {
            var valid = d.WhyNotReusable(ownerId, d.TypeCode, today) is null;
            return new RepositoryDocumentResponse(d.Id, d.OwnerId, d.TypeCode, d.Name, d.FileId, d.SourceDossierCode, d.IssuedAt.ToVietnam(),
                d.ValidUntil, d.Digitized, d.Signed, d.ReuseCount, valid, valid && (wanted?.Contains(d.TypeCode) ?? true));
        }).ToList();
        return new ListResponse<RepositoryDocumentResponse>(items, items.Count, 1, items.Count);
    }

    /// <summary>
    /// Anyone may check a result file; the answer names the dossier and signer, never personal data. The file streams
    /// through SHA-256 in a small pooled buffer and is never held: what one anonymous request costs is that buffer,
    /// and how many run at once is capped by the public concurrency limit (<see cref="RateLimits"/>).
    /// </summary>
    public static async Task<Results<Ok<VerifyResponse>, ProblemHttpResult>> Verify(
        HttpRequest request, ResultIssuer issuer, IOptions<FileStorageOptions> options, CancellationToken ct)
    {
        var limit = options.Value.MaxBytes;
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
            bodyLimit.MaxRequestBodySize = limit + 64 * 1024;
        var (part, problem) = await MultipartFile.FirstAsync(request, ct);
        if (part is null)
            return problem!;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            long size = 0;
            int read;
            while ((read = await part.Body.ReadAsync(buffer, ct)) > 0)
            {
                size += read;
                if (size > limit)
                    return Problems.Of(StatusCodes.Status413PayloadTooLarge, "Tệp quá lớn", "Tệp cần kiểm tra vượt quá giới hạn tải lên.", "file");
                hash.AppendData(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        var signature = await issuer.FindValidSignatureAsync(hash.GetHashAndReset(), ct);
        return TypedResults.Ok(signature is null
            ? new VerifyResponse(false, null, null, null)
            : new VerifyResponse(true, signature.DossierCode, signature.SignedBy, signature.SignedAt.ToVietnam()));
    }
}
