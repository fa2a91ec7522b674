using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using OneStop.Api.Common;
using OneStop.Domain;
using OneStop.Api.Features.Dossiers;
using OneStop.Domain.Dossiers;
using OneStop.Infrastructure.Documents;
using OneStop.Infrastructure.Persistence;
using OneStop.Infrastructure.Storage;

namespace OneStop.Api.Features.Files;

public sealed record FileResponse(Guid Id, string Sha256, long Size, string ContentType, string FileName);

public static class FilesEndpoints
{
    public static IEndpointRouteBuilder MapFilesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/files").WithTags("Files").RequireAuthorization();
        group.MapPost("/", Upload).DisableAntiforgery()
            .WithSummary("Tải lên một tệp (multipart/form-data, trường 'file'): PDF, JPEG, PNG, XML hoặc DOCX, tối đa 20 MB.");
        group.MapGet("/{id:guid}", Download).WithSummary("Tải về một tệp mà bạn được phép xem.");
        return app;
    }

    /// <summary>Streams the first file part to storage while hashing it: a large file is never held in memory.</summary>
    public static async Task<Results<Created<FileResponse>, ProblemHttpResult>> Upload(
        HttpRequest request, ClaimsPrincipal user, OneStopDbContext db, IFileStore store, IOptions<FileStorageOptions> options,
        TimeProvider clock, CancellationToken ct)
    {
        var limit = options.Value.MaxBytes;
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
            bodyLimit.MaxRequestBodySize = limit + 64 * 1024;
        var (part, problem) = await MultipartFile.FirstAsync(request, ct);
        if (part is null)
            return problem!;
        await using var staged = await store.StageAsync(part.Body, limit, ct);
        if (staged.TooLarge)
            return Problems.Of(StatusCodes.Status413PayloadTooLarge, "Tệp quá lớn",
                $"Tệp vượt quá giới hạn {limit / (1024 * 1024)} MB.", "file");
        // A refused type was only staged: nothing of it is kept, and no blob another row names is touched.
        var contentType = await FileTypes.DetectAsync(staged.Head, staged.OpenReadAsync, ct);
        if (contentType is null)
            return Problems.Of(StatusCodes.Status415UnsupportedMediaType, "Loại tệp không được chấp nhận",
                "Chỉ nhận tệp PDF, JPEG, PNG, XML (đúng cú pháp, không có DTD) hoặc DOCX (kiểm tra theo nội dung tệp, không theo tên).", "file");
        var name = Path.GetFileName(part.FileName ?? "").Trim();
        var file = new StoredFile
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            Sha256 = staged.Sha256,
            Size = staged.Size,
            ContentType = contentType,
            FileName = name.Length == 0 ? "tep" : name[..Math.Min(name.Length, 200)],
            UploadedBy = user.Identity!.Name!,
            UploadedAt = clock.GetUtcNow().UtcDateTime,
        };
        // The row first, then the bytes, in one transaction: the clean-up deletes a blob only when no row names it
        // (UnreferencedFilesCleanupJob), so between the two it sees our row or waits for our commit — never a gap.
        await using var transaction = await db.Database.BeginWriteTransactionAsync(ct);
        db.Files.Add(file);
        await db.SaveChangesAsync(ct);
        await store.KeepAsync(staged, ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Created($"/api/files/{file.Id}", new FileResponse(file.Id, file.Sha256, file.Size, file.ContentType, file.FileName));
    }

    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Download(
        Guid id, ClaimsPrincipal user, OneStopDbContext db, IFileStore store, HttpResponse response, CancellationToken ct)
    {
        var file = await db.Files.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct);
        if (file is null || !await CanReadAsync(file, user.ToActor(), db, ct))
            return Problems.NotFound("Không tìm thấy tệp.");
        response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        return TypedResults.File(await store.OpenReadAsync(file.Sha256, ct), file.ContentType, file.FileName);
    }

    /// <summary>The uploader, an admin, whoever may read a dossier that uses the file, or the owner of a repository copy.</summary>
    private static async Task<bool> CanReadAsync(StoredFile file, Actor actor, OneStopDbContext db, CancellationToken ct)
    {
        if (file.UploadedBy == actor.UserName || actor.Has(RoleNames.Admin))
            return true;
        if (actor.PersonalId is not null && await db.RepositoryDocuments.AnyAsync(d => d.FileId == file.Id && d.OwnerId == actor.PersonalId, ct))
            return true;
        var codes = await db.Dossiers.AsNoTracking()
            .Where(FileReferences.DossiersUsing(file.Id))
            .Select(d => d.Code).Take(20).ToListAsync(ct);
        foreach (var code in codes)
            if (await DossierAccess.LoadAsync(db, code, tracking: false, ct) is { } dossier && DossierAccess.CanRead(dossier, actor))
                return true;
        return false;
    }
}
