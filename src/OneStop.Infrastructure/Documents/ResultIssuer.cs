using Microsoft.EntityFrameworkCore;
using OneStop.Domain.Definitions;
using OneStop.Domain.Documents;
using OneStop.Domain.Dossiers;
using OneStop.Domain.Dossiers.Actions;
using OneStop.Infrastructure.Persistence;
using OneStop.Infrastructure.Signing;
using OneStop.Infrastructure.Storage;

namespace OneStop.Infrastructure.Documents;

/// <summary>What a generated result document shows; a refusal notice (decline) also its reasons.</summary>
public sealed record ResultDocumentModel(
    string UnitName, string DossierCode, string ProcedureName, string ResultName, string ApplicantName, string ApplicantId,
    DateTimeOffset IssuedAt, string IssuedBy, string? DeclineReasons = null);

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
    public async Task IssueAsync(Dossier dossier, ProcedureModel model, IReadOnlyDictionary<string, Guid> uploadedFiles, CancellationToken ct,
        string? declineReasons = null)
    {
        var now = clock.GetUtcNow();
        var definition = model.Definition;
        // A declined dossier's one result is the unit's refusal notice: signed, about no one's rights, kept out of repositories.
        IReadOnlyList<ResultSpec> specs = declineReasons is not null
            ? [new ResultSpec { Code = Decline.NoticeCode, Name = Decline.NoticeName, Signed = true, StoreInRepository = false }]
            : model.Results.Count > 0 ? model.Results : [new ResultSpec { Code = "KQ", Name = "Kết quả giải quyết", Signed = true }];
        foreach (var result in dossier.Results.Where(r => r.FileId is null).ToList())
        {
            var spec = specs.FirstOrDefault(s => s.Code == result.Code) ?? specs[0];
            var file = uploadedFiles.TryGetValue(result.Code, out var id)
                ? await db.Files.FirstAsync(f => f.Id == id, ct)
                : await DrawAsync(dossier, definition, spec, await SignerNameAsync(result, ct), now, declineReasons, ct);
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
                db.RepositoryDocuments.Add(new RepositoryDocument(Guid.CreateVersion7(now), SubjectOf(dossier, spec), spec.Code, spec.Name,
                    file.Id, dossier.Code, now.UtcDateTime, validUntil: null, signed: spec.Signed));
        }
    }

    /// <summary>
    /// Whose repository a result goes to (DESIGN §8): the person it is about when the definition names the form field
    /// holding their personal ID (the child of a birth registration) and the form has a valid one, else the applicant.
    /// </summary>
    public static string SubjectOf(Dossier dossier, ResultSpec spec) =>
        spec.SubjectField is { } key && dossier.Form.TryGetValue(key, out var value) && value.ValueKind == System.Text.Json.JsonValueKind.String
            && value.GetString() is { } id && Domain.Identifiers.PersonalId.Validate(id).IsValid
            ? id
            : dossier.Applicant.IdNumber;

    /// <summary>"Full Name (userName)" of the leader recorded as signer, or null when no approval step signs.</summary>
    private async Task<string?> SignerNameAsync(DossierResult result, CancellationToken ct)
    {
        if (result.SignedBy is not { } userName)
            return null;
        var fullName = await db.Users.AsNoTracking().Where(u => u.UserName == userName).Select(u => u.FullName).FirstOrDefaultAsync(ct);
        return fullName is null ? userName : $"{fullName} ({userName})";
    }

    private async Task<StoredFile> DrawAsync(Dossier dossier, WorkflowDefinition definition, ResultSpec result, string? signedBy, DateTimeOffset now,
        string? declineReasons, CancellationToken ct)
    {
        // The unit that decided issues the result: the competent unit of an any-point dossier, else the receiving one.
        var issuer = dossier.HomeUnitCode;
        var unit = await db.Units.AsNoTracking().Where(u => u.Code == issuer).Select(u => u.Name).FirstOrDefaultAsync(ct);
        var bytes = renderer.Render(new ResultDocumentModel(unit ?? issuer, dossier.Code, definition.Name, result.Name,
            dossier.Applicant.FullName, dossier.Applicant.IdNumber, now, signedBy ?? dossier.Result?.IssuedBy ?? "system", declineReasons));
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
