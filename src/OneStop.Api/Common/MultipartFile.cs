using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace OneStop.Api.Common;

/// <summary>
/// Finds the first file part of a <c>multipart/form-data</c> request without buffering it: the caller reads
/// <see cref="MultipartSection.Body"/> as a stream. Minimal APIs' <c>IFormFile</c> would buffer the whole form.
/// </summary>
public static class MultipartFile
{
    public sealed record Part(Stream Body, string? FileName);

    /// <summary>The file part, or a 400 naming the <c>file</c> field when the request has none.</summary>
    public static async Task<(Part? File, ProblemHttpResult? Problem)> FirstAsync(HttpRequest request, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 } boundary)
            return (null, Problems.Of(StatusCodes.Status400BadRequest, "Yêu cầu không hợp lệ", "Gửi tệp dạng multipart/form-data với trường 'file'.", "file"));

        var reader = new MultipartReader(boundary, request.Body);
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) && disposition.IsFileDisposition())
                return (new Part(section.Body, HeaderUtilities.RemoveQuotes(disposition.FileName).Value), null);
        }
        return (null, Problems.Of(StatusCodes.Status400BadRequest, "Yêu cầu không hợp lệ", "Không thấy tệp nào trong trường 'file'.", "file"));
    }
}
