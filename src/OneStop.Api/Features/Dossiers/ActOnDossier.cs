using System.Security.Claims;
using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneStop.Api.Common;
using OneStop.Api.Features.Documents;
using OneStop.Domain.Dossiers;
using OneStop.Domain.Dossiers.Actions;
using OneStop.Infrastructure.Definitions;
using OneStop.Infrastructure.Dossiers;
using OneStop.Infrastructure.Persistence;
using OneStop.Infrastructure.Telemetry;
using OneStop.Infrastructure.Units;

namespace OneStop.Api.Features.Dossiers;

public sealed record ActionBody(
    string? Comment, string? To, string? ToUnit, IReadOnlyList<DocumentRequest>? Documents, DateTimeOffset? NewDueDate,
    IReadOnlyDictionary<string, JsonElement>? Form = null);

public sealed class ActionBodyValidator : AbstractValidator<ActionBody>
{
    public ActionBodyValidator()
    {
        RuleFor(b => b.Comment).StoredLength(StoredLengths.Comment, "Ý kiến xử lý (comment)");
        RuleFor(b => b.To).StoredLength(StoredLengths.StepId, "Bước chuyển đến (to)");
        RuleFor(b => b.ToUnit).StoredLength(StoredLengths.UnitCode, "Đơn vị chuyển đến (toUnit)");
        RuleForEach(b => b.Documents).ChildRules(d =>
            d.RuleFor(x => x.Code).NotEmpty().WithMessage("Mỗi giấy tờ phải có mã (code).")
                .StoredLength(StoredLengths.DocumentCode, "Mã giấy tờ (code)"));
    }
}

public static class ActOnDossier
{
    public static async Task<Results<Ok<DossierResponse>, ProblemHttpResult>> Handle(
        string code, string action, ActionBody? body, HttpContext http, ClaimsPrincipal user, OneStopDbContext db,
        DefinitionCatalog catalog, DossierContextFactory contexts, OneStopMetrics metrics, CancellationToken ct)
    {
        if (!DossierActions.All.Contains(action))
            return Problems.NotFound($"Thao tác '{action}' không tồn tại. Các thao tác: {string.Join(", ", DossierActions.All)}.");
        var request = body ?? new ActionBody(null, null, null, null, null);
        var papers = request.Documents ?? [];
        return await ActAsync(code, action, user.ToActor(), papers, http, db, catalog, contexts, metrics,
            _ => Task.FromResult<ActionRequest?>(new ActionRequest(request.Comment, request.To, request.ToUnit,
                papers.Select(d => new DocumentSubmission(d.Code!.Trim(), d.FileId, d.RepositoryDocumentId)).ToList(),
                request.NewDueDate, request.Form)), ct);
    }

    /// <summary>
    /// Every write to a dossier goes this way: load it (404 when the caller may not see it, 412 on a stale
    /// <c>If-Match</c>), check the papers it references, let the domain act — its events fill the outbox, issue
    /// the results and notify, in the same transaction — and answer with the dossier as the caller now sees it.
    /// The units the dossier leaves and lands at are held open until the commit (<see cref="UnitLocks"/>): a merge
    /// that ended one of them meanwhile answers 409 and nothing of the action is saved.
    /// </summary>
    public static async Task<Results<Ok<DossierResponse>, ProblemHttpResult>> ActAsync(
        string code, string action, Actor actor, IReadOnlyList<DocumentRequest> papers, HttpContext http, OneStopDbContext db,
        DefinitionCatalog catalog, DossierContextFactory contexts, OneStopMetrics metrics, Func<DossierContext, Task<ActionRequest?>> buildRequest,
        CancellationToken ct)
    {
        var (dossier, problem) = await DossierAccess.LoadForWriteAsync(db, code, actor, http.Request, ct);
        if (dossier is null)
            return problem!;

        var model = await catalog.GetPinnedAsync(db, dossier, ct);
        var context = await contexts.CreateAsync(model, actor, ct);
        if (await DocumentReferences.CheckAsync(db, actor, dossier.Applicant.IdNumber, papers, context.Today, ct) is { } badReference)
            return badReference;
        if (await buildRequest(context) is not { } request)
            return Problems.Unprocessable("Yêu cầu không hợp lệ.");
        var fromUnit = dossier.CurrentUnitCode;
        dossier.Act(action, request, context);
        // A result file is the result's, not a dossier paper: it is referenced when the result is issued.
        if (action != DossierActions.Resolve)
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
