using System.Linq.Expressions;
using OneStop.Domain.Dossiers;

namespace OneStop.Infrastructure.Documents;

/// <summary>
/// Where a dossier can name a stored file: as a paper, as an issued result, or as a paper of a consultation answer.
/// One definition for the readers' check and the clean-up, so a new place to keep files cannot be missed by one of them.
/// </summary>
public static class FileReferences
{
    public static Expression<Func<Dossier, bool>> DossiersUsing(Guid fileId)
    {
        var text = fileId.ToString();
        return d => d.Documents.Any(x => x.FileId == fileId)
            || d.Results.Any(r => r.FileId == fileId)
            || d.Consultations.Any(c => c.DocumentFileIds != null && c.DocumentFileIds.Contains(text));
    }
}
