using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneStop.Api.Common;
using OneStop.Api.Features.Dossiers;
using OneStop.Domain.Dossiers;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Api.Features.Documents;

/// <summary>
/// Checks the files and repository documents a submission or supplement points at: a file must be the
/// caller's own upload; a repository document must belong to the applicant, be of the paper's type and
/// still be valid. Then marks them used, recording each reuse (it feeds the reuse rate).
/// </summary>
public static class DocumentReferences
{
    public static async Task<ProblemHttpResult?> CheckAsync(
        OneStopDbContext db, Actor actor, string applicantId, IReadOnlyList<DocumentRequest> documents, DateOnly today, CancellationToken ct)
    {
        for (var i = 0; i < documents.Count; i++)
        {
            var document = documents[i];
            if (document.FileId is { } fileId
                && !await db.Files.AnyAsync(f => f.Id == fileId && f.UploadedBy == actor.UserName, ct))
                return Problems.Unprocessable("Tệp đính kèm không tồn tại hoặc không do bạn tải lên.", $"documents[{i}].fileId");
            if (document.RepositoryDocumentId is { } repositoryId)
            {
                var stored = await db.RepositoryDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == repositoryId, ct);
                var why = stored is null ? "Giấy tờ trong kho dữ liệu không tồn tại." : stored.WhyNotReusable(applicantId, document.Code!.Trim(), today);
                if (why is not null)
                    return Problems.Unprocessable(why, $"documents[{i}].repositoryDocumentId");
            }
        }
        return null;
    }

    /// <summary>Call after the domain accepted the papers and before saving, so it all commits together.</summary>
    public static async Task MarkUsedAsync(OneStopDbContext db, string dossierCode, IReadOnlyList<DocumentRequest> documents, DateTime now, CancellationToken ct)
    {
        foreach (var document in documents)
        {
            if (document.FileId is { } fileId && await db.Files.FindAsync([fileId], ct) is { ReferencedAt: null } file)
                file.ReferencedAt = now;
            if (document.RepositoryDocumentId is { } repositoryId && await db.RepositoryDocuments.FindAsync([repositoryId], ct) is { } stored)
                db.DocumentReuses.Add(stored.RecordReuse(dossierCode, now));
        }
    }
}
