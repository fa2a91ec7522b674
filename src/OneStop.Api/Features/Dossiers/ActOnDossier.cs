using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneStop.Api.Common;
using OneStop.Api.Features.Documents;
using OneStop.Infrastructure.Documents;
using OneStop.Domain.Dossiers;
using OneStop.Infrastructure.Definitions;
using OneStop.Infrastructure.Dossiers;
using OneStop.Infrastructure.Persistence;
using OneStop.Infrastructure.Telemetry;
using OneStop.Infrastructure.Units;

namespace OneStop.Api.Features.Dossiers;

public sealed record ActionBody(string? Comment, string? To, string? ToUnit, IReadOnlyList<DocumentRequest>? Documents, DateTimeOffset? NewDueDate);

public sealed class ActionBodyValidator : AbstractValidator<ActionBody>
{
    public ActionBodyValidator()
    {
        RuleFor(b => b.Comment).MaximumLength(2000).WithMessage("Ý kiến xử lý dài tối đa 2000 ký tự.");
        RuleForEach(b => b.Documents).ChildRules(d =>
            d.RuleFor(x => x.Code).NotEmpty().WithMessage("Mỗi giấy tờ phải có mã (code)."));
    }
}

public static class ActOnDossier
{
    public static async Task<Results<Ok<DossierResponse>, ProblemHttpResult>> Handle(
        string code, string action, ActionBody? body, HttpContext http, ClaimsPrincipal user, OneStopDbContext db,
        DefinitionCatalog catalog, DossierContextFactory contexts, ResultIssuer issuer, OneStopMetrics metrics, CancellationToken ct)
    {
        if (!DossierActions.All.Contains(action))
            return Problems.NotFound($"Thao tác '{action}' không tồn tại. Các thao tác: {string.Join(", ", DossierActions.All)}.");
        var actor = user.ToActor();
        var (dossier, problem) = await DossierAccess.LoadForWriteAsync(db, code, actor, http.Request, ct);
        if (dossier is null)
            return problem!;

        var engine = await catalog.GetPinnedAsync(db, dossier, ct);
        var context = await contexts.CreateAsync(engine, actor, ct);
        var request = body ?? new ActionBody(null, null, null, null, null);
        var papers = request.Documents ?? [];
        if (await DocumentReferences.CheckAsync(db, actor, dossier.Applicant.IdNumber, papers, context.Today, ct) is { } badReference)
            return badReference;
        // The result file travels with resolve; every other action's papers are dossier papers.
        var resultFile = action == DossierActions.Resolve ? papers.FirstOrDefault(p => p.FileId is not null)?.FileId : null;
        var fromUnit = dossier.CurrentUnitCode;
        dossier.Act(action, new ActionRequest(request.Comment, request.To, request.ToUnit,
            action == DossierActions.Resolve ? null : papers.Select(d => new DocumentSubmission(d.Code!.Trim(), d.FileId, d.RepositoryDocumentId)).ToList(),
            request.NewDueDate), context);
        if (action == DossierActions.Resolve)
            await issuer.IssueAsync(dossier, engine.Definition, resultFile, ct);
        else
            await DocumentReferences.MarkUsedAsync(db, dossier.Code, papers, context.UtcNow, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // A merge of either unit in the meantime wins or waits: the dossier never lands at a unit that has ended.
        if (await UnitLocks.HoldOpenAsync(db, [fromUnit, dossier.CurrentUnitCode], context.Today, ct) is [var ended, ..])
            return Problems.Conflict($"Đơn vị '{ended}' vừa được sáp nhập hoặc ngừng hoạt động trong lúc xử lý; hãy đọc lại hồ sơ rồi thao tác.");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
        {
            // A concurrent action may have won the race: its event took our sequence number before the version check ran.
            await transaction.RollbackAsync(ct);
            if (await VersionMovedAsync(db, dossier.Id, dossier.Version - 1, ct))
                return Problems.PreconditionFailed("Hồ sơ vừa được người khác thay đổi cùng lúc; hãy đọc lại rồi thao tác.");
            throw;
        }
        await transaction.CommitAsync(ct);
        metrics.ActionTaken(action);

        http.Response.Headers.ETag = ETags.For(dossier.Version);
        return TypedResults.Ok(DossierResponse.From(dossier, context, showSecret: true));
    }

    private static async Task<bool> VersionMovedAsync(OneStopDbContext db, Guid id, int loadedVersion, CancellationToken ct) =>
        await db.Dossiers.AsNoTracking().Where(d => d.Id == id).Select(d => d.Version).FirstAsync(ct) != loadedVersion;
}
