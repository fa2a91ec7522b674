using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using OneStop.Api.Common;
using OneStop.Infrastructure.NationalPortal;
using OneStop.Infrastructure.Persistence;
using OneStop.Infrastructure.Storage;

namespace OneStop.Api.Features.PortalFiles;

/// <summary>
/// The download links OneStop sends the national portal (<c>DuongDanTaiTepTin</c>, <c>DuongDanTepTinKetQua</c>):
/// anonymous, because the portal has no account here, but each token names one file and an expiry and is
/// protected against change (<see cref="PortalFileLinks"/>). A changed, made-up or expired token answers 404,
/// exactly like a file that does not exist.
/// </summary>
public static class PortalFilesEndpoints
{
    public static IEndpointRouteBuilder MapPortalFilesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(PortalFileLinks.RoutePrefix + "{token}", Download)
            .AllowAnonymous()
            .WithTags("National portal")
            .WithSummary("Tải tệp giấy tờ hoặc kết quả qua liên kết có chữ ký, có thời hạn, đã gửi Cổng DVCQG.");
        return app;
    }

    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Download(
        string token, PortalFileLinks links, OneStopDbContext db, IFileStore store, HttpResponse response, CancellationToken ct)
    {
        var file = links.Read(token) is { } fileId ? await db.Files.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId, ct) : null;
        if (file is null || !await store.ExistsAsync(file.Sha256, ct))
            return Problems.NotFound("Liên kết tải tệp không hợp lệ, đã hết hạn hoặc tệp không còn.");
        response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        // The link is the secret: keep shared caches from storing what it opens.
        response.Headers[HeaderNames.CacheControl] = "private, no-store";
        return TypedResults.File(await store.OpenReadAsync(file.Sha256, ct), file.ContentType, file.FileName);
    }
}
