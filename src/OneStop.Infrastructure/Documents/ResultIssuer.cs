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
/// Completes <c>resolve</c> (DESIGN §8): each result of the definition — the file the officer uploaded for it, or
/// one the system draws from the dossier — is signed (CMS detached) unless the definition says <c>signed: false</c>,
/// attached to the dossier and, when the definition says <c>storeInRepository</c>, put in the applicant's data
/// repository. The signature is always the system certificate's; when an approval step <c>signs</c>, the leader
/// who approved is the signer the verification answer names. All in the caller's transaction.
/// </summary>
public sealed class ResultIssuer(OneStopDbContext db, IFileStore store, ResultSigner signer, IResultDocumentRenderer renderer, TimeProvider clock)
{
    public async Task IssueAsync(Dossier dossier, ProcedureModel model, IReadOnlyDictionary<string, Guid> uploadedFiles, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var definition = model.Definition;
        var specs = model.Results.Count > 0 ? model.Results : [new ResultSpec { Code = "KQ", Name = "Kết quả giải quyết", Signed = true }];
        foreach (var result in dossier.Results.Where(r => r.FileId is null).ToList())
        {
            var spec = specs.FirstOrDefault(s => s.Code == result.Code) ?? specs[0];
            var file = uploadedFiles.TryGetValue(result.Code, out var id)
                ? await db.Files.FirstAsync(f => f.Id == id, ct)
                : await DrawAsync(dossier, definition, spec, await SignerNameAsync(result, ct), now, ct);
            file.ReferencedAt ??= now.UtcDateTime;
            if (spec.Signed)
            {
                byte[] content;
                await using (var stream = await store.OpenReadAsync(file.Sha256, ct))
                {
                    using var buffer = new MemoryStream();
                    await stream.CopyToAsync(buffer, ct);
                    content = buffer.ToArray();
                }
                db.ResultSignatures.Add(new ResultSignature(file.Id, file.Sha256, dossier.Code, signer.Sign(content),
                    await SignerNameAsync(result, ct) ?? signer.SignerName, signer.Thumbprint, now.UtcDateTime));
            }
            dossier.AttachResultFile(result.Code, file.Id);

            if (spec.StoreInRepository)
                db.RepositoryDocuments.Add(new RepositoryDocument(Guid.CreateVersion7(now), dossier.Applicant.IdNumber, spec.Code, spec.Name,
                    file.Id, dossier.Code, now.UtcDateTime, validUntil: null, signed: spec.Signed));
        }
    }

    /// <summary>"Full Name (userName)" of the leader recorded as signer, or null when no approval step signs.</summary>
    private async Task<string?> SignerNameAsync(DossierResult result, CancellationToken ct)
    {
        if (result.SignedBy is not { } userName)
            return null;
        var fullName = await db.Users.AsNoTracking().Where(u => u.UserName == userName).Select(u => u.FullName).FirstOrDefaultAsync(ct);
        return fullName is null ? userName : $"{fullName} ({userName})";
    }

    private async Task<StoredFile> DrawAsync(Dossier dossier, WorkflowDefinition definition, ResultSpec result, string? signedBy, DateTimeOffset now,
        CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().Where(u => u.Code == dossier.ReceivingUnitCode).Select(u => u.Name).FirstOrDefaultAsync(ct);
        var bytes = renderer.Render(new ResultDocumentModel(unit ?? dossier.ReceivingUnitCode, dossier.Code, definition.Name, result.Name,
            dossier.Applicant.FullName, dossier.Applicant.IdNumber, now, signedBy ?? dossier.Result?.IssuedBy ?? "system"));
        var blob = await store.SaveAsync(new MemoryStream(bytes), long.MaxValue, ct);
        var file = new StoredFile
        {
            Id = Guid.CreateVersion7(now),
            Sha256 = blob.Sha256,
            Size = blob.Size,
            ContentType = FileTypes.Pdf,
            FileName = dossier.Results.Count > 1 ? $"ket-qua-{result.Code.ToLowerInvariant()}-{dossier.Code}.pdf" : $"ket-qua-{dossier.Code}.pdf",
            UploadedBy = "system",
            UploadedAt = now.UtcDateTime,
        };
        db.Files.Add(file);
        return file;
    }

    /// <summary>
    /// The signature row when a file whose SHA-256 is <paramref name="sha256"/> is, byte for byte, a result this system
    /// signed; otherwise null. Only the digest is needed, so the caller hashes the file as it streams.
    /// </summary>
    public async Task<ResultSignature?> FindValidSignatureAsync(byte[] sha256, CancellationToken ct)
    {
        var sha = Convert.ToHexStringLower(sha256);
        var candidates = await db.ResultSignatures.AsNoTracking().Where(s => s.Sha256 == sha).ToListAsync(ct);
        // Each result is checked against the certificate it names, kept in the database: another node's, or one since rotated.
        var certificates = await SigningCertificateStartup.LoadKnownAsync(db, candidates.Select(s => s.CertificateThumbprint), ct);
        return candidates.FirstOrDefault(s =>
            certificates.TryGetValue(s.CertificateThumbprint, out var certificate) && ResultSigner.VerifyDigest(sha256, s.Signature, certificate));
    }
}
