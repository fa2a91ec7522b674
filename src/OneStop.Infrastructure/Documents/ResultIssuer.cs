using Microsoft.EntityFrameworkCore;
using OneStop.Domain.Definitions;
using OneStop.Domain.Documents;
using OneStop.Domain.Dossiers;
using OneStop.Infrastructure.Persistence;
using OneStop.Infrastructure.Signing;
using OneStop.Infrastructure.Storage;

namespace OneStop.Infrastructure.Documents;

/// <summary>What a generated result document shows.</summary>
public sealed record ResultDocumentModel(
    string UnitName, string DossierCode, string ProcedureName, string ResultName, string ApplicantName, string ApplicantId,
    DateTimeOffset IssuedAt, string IssuedBy);

/// <summary>Draws the result document when the officer resolves without attaching one.</summary>
public interface IResultDocumentRenderer
{
    byte[] Render(ResultDocumentModel model);
}

/// <summary>
/// Completes <c>resolve</c> (DESIGN §8): the result file — the one the officer uploaded, or one the system
/// draws from the dossier — is signed (CMS detached), attached to the dossier and, when the definition says
/// <c>storeInRepository</c>, put in the applicant's data repository. All in the caller's transaction.
/// </summary>
public sealed class ResultIssuer(OneStopDbContext db, IFileStore store, ResultSigner signer, IResultDocumentRenderer renderer, TimeProvider clock)
{
    public async Task IssueAsync(Dossier dossier, WorkflowDefinition definition, Guid? uploadedFileId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var result = definition.Result ?? new ResultSpec { Code = "KQ", Name = "Kết quả giải quyết" };
        var file = uploadedFileId is { } id
            ? await db.Files.FirstAsync(f => f.Id == id, ct)
            : await DrawAsync(dossier, definition, result, now, ct);
        file.ReferencedAt ??= now.UtcDateTime;

        byte[] content;
        await using (var stream = await store.OpenReadAsync(file.Sha256, ct))
        {
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, ct);
            content = buffer.ToArray();
        }
        db.ResultSignatures.Add(new ResultSignature(file.Id, file.Sha256, dossier.Code, signer.Sign(content), signer.SignerName,
            signer.Thumbprint, now.UtcDateTime));
        dossier.AttachResultFile(file.Id);

        if (result.StoreInRepository)
            db.RepositoryDocuments.Add(new RepositoryDocument(Guid.CreateVersion7(now), dossier.Applicant.IdNumber, result.Code, result.Name,
                file.Id, dossier.Code, now.UtcDateTime, validUntil: null, signed: true));
    }

    private async Task<StoredFile> DrawAsync(Dossier dossier, WorkflowDefinition definition, ResultSpec result, DateTimeOffset now, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().Where(u => u.Code == dossier.ReceivingUnitCode).Select(u => u.Name).FirstOrDefaultAsync(ct);
        var bytes = renderer.Render(new ResultDocumentModel(unit ?? dossier.ReceivingUnitCode, dossier.Code, definition.Name, result.Name,
            dossier.Applicant.FullName, dossier.Applicant.IdNumber, now, dossier.Result?.IssuedBy ?? "system"));
        var blob = await store.SaveAsync(new MemoryStream(bytes), long.MaxValue, ct);
        var file = new StoredFile
        {
            Id = Guid.CreateVersion7(now),
            Sha256 = blob.Sha256,
            Size = blob.Size,
            ContentType = FileTypes.Pdf,
            FileName = $"ket-qua-{dossier.Code}.pdf",
            UploadedBy = "system",
            UploadedAt = now.UtcDateTime,
        };
        db.Files.Add(file);
        return file;
    }

    /// <summary>The signature row when <paramref name="content"/> is, byte for byte, a result this system signed; otherwise null.</summary>
    public async Task<ResultSignature?> FindValidSignatureAsync(byte[] content, CancellationToken ct)
    {
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
        var candidates = await db.ResultSignatures.AsNoTracking().Where(s => s.Sha256 == sha).ToListAsync(ct);
        // Each result is checked against the certificate it names, kept in the database: another node's, or one since rotated.
        var certificates = await SigningCertificateStartup.LoadKnownAsync(db, candidates.Select(s => s.CertificateThumbprint), ct);
        return candidates.FirstOrDefault(s =>
            certificates.TryGetValue(s.CertificateThumbprint, out var certificate) && ResultSigner.Verify(content, s.Signature, certificate));
    }
}
