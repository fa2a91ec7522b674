using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using OneStop.Api.Common;
using OneStop.Api.Features.Dossiers;
using OneStop.Domain.Documents;
using OneStop.Infrastructure.Definitions;
using OneStop.Infrastructure.Dossiers;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Api.Features.Documents;

public sealed record DigitizeRequest(Guid? FileId, Dictionary<string, string>? Fields);

public sealed class DigitizeRequestValidator : AbstractValidator<DigitizeRequest>
{
    public DigitizeRequestValidator()
    {
        RuleFor(r => r.FileId).NotNull().WithMessage("Phải gửi tệp bản quét (fileId) của giấy tờ đã số hóa.");
        // Keys must be fields the definition names (the domain checks); values are free text kept with the paper.
        RuleFor(r => r.Fields).Custom((fields, context) =>
        {
            foreach (var (key, value) in fields ?? [])
                if (value is { Length: > StoredLengths.DigitizedFieldValue })
                    context.AddFailure(StoredLengthRules.Failure($"fields.{key}", $"Trường '{key}'", StoredLengths.DigitizedFieldValue, value.Length));
        });
    }
}

/// <summary>
/// The counter digitizes a paper of a dossier: the scan is attached, the structured fields are kept, and a
/// reusable paper enters the applicant's data repository so it is never asked for again.
/// </summary>
public static class DigitizeDocument
{
    public static async Task<Results<Ok<DossierResponse>, ProblemHttpResult>> Handle(
        string code, string documentCode, DigitizeRequest request, HttpContext http, ClaimsPrincipal user, OneStopDbContext db,
        DefinitionCatalog catalog, DossierContextFactory contexts, TimeProvider clock, CancellationToken ct)
    {
        var actor = user.ToActor();
        var (dossier, problem) = await DossierAccess.LoadForWriteAsync(db, code, actor, http.Request, ct);
        if (dossier is null)
            return problem!;
        if (dossier.CheckDigitize(actor) is { } refusal)
            throw refusal;
        var engine = await catalog.GetPinnedAsync(db, dossier, ct);
        var context = await contexts.CreateAsync(engine, actor, ct);
        if (await DocumentReferences.CheckAsync(db, actor, dossier.Applicant.IdNumber,
                [new DocumentRequest(documentCode, request.FileId, null)], context.Today, ct) is { } badFile)
            return badFile;

        var digitized = dossier.Digitize(documentCode, request.FileId!.Value, request.Fields, context);
        await DocumentReferences.MarkUsedAsync(db, dossier.Code, [new DocumentRequest(documentCode, request.FileId, null)], context.UtcNow, ct);
        if (engine.Definition.Documents.FirstOrDefault(d => d.Code == documentCode) is { Reusable: true } requirement)
            db.RepositoryDocuments.Add(new RepositoryDocument(Guid.CreateVersion7(clock.GetUtcNow()), dossier.Applicant.IdNumber, requirement.Code,
                requirement.Name, digitized.FileId!.Value, dossier.Code, context.UtcNow, validUntil: null, signed: false));
        await db.SaveChangesAsync(ct);

        http.Response.Headers.ETag = ETags.For(dossier.Version);
        return TypedResults.Ok(DossierResponse.From(dossier, context, showSecret: true));
    }
}
