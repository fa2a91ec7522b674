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
using OneStop.Infrastructure.Packages;
using OneStop.Infrastructure.Persistence;
using OneStop.Api.Features.Packages;
using OneStop.Infrastructure.Telemetry;
using OneStop.Infrastructure.Units;

namespace OneStop.Api.Features.Dossiers;

/// <summary>One paper a supplement request asks for: its code (KHAC for a paper the procedure does not list) and why.</summary>
public sealed record SupplementItemRequest(string? Code, string? Reason);

/// <summary>
/// An action's body (DESIGN §10); <see cref="Items"/> is the itemised list of <c>request-supplement</c> (Mẫu 02).
/// </summary>
public sealed record ActionBody(
    string? Comment, string? To, string? ToUnit, IReadOnlyList<DocumentRequest>? Documents, DateTimeOffset? NewDueDate,
    IReadOnlyDictionary<string, JsonElement>? Form = null, IReadOnlyList<SupplementItemRequest>? Items = null);

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
    public static async Task<Results<Ok<DossierResponse>, Ok<PackageResponse>, ProblemHttpResult>> Handle(
        string code, string action, ActionBody? body, HttpContext http, ClaimsPrincipal user, OneStopDbContext db,
        DefinitionCatalog catalog, DossierContextFactory contexts, OneStopMetrics metrics, PackageProgress packages, CancellationToken ct)
    {
        if (!DossierActions.All.Contains(action))
            return Problems.NotFound($"Thao tác '{action}' không tồn tại. Các thao tác: {string.Join(", ", DossierActions.All)}.");
        var request = body ?? new ActionBody(null, null, null, null, null);
        if (await PackageAccess.LoadAsync(db, code, tracking: true, ct) is { } package)
            return await WithdrawPackage.HandleAsync(package, action, request.Comment, user.ToActor(), http, db, catalog, contexts, ct) switch
            {
                { Result: Ok<PackageResponse> ok } => ok,
                { Result: ProblemHttpResult problem } => problem,
                var other => throw new InvalidOperationException($"Unexpected result {other.Result}."),
            };
        var papers = request.Documents ?? [];
        return await ActCoreAsync(code, action, user.ToActor(), papers, http, db, catalog, contexts, metrics, packages,
            _ => Task.FromResult<ActionRequest?>(new ActionRequest(request.Comment, request.To, request.ToUnit,
                papers.Select(SubmitDossier.ToSubmission).ToList(),
                request.NewDueDate, request.Form,
                Items: request.Items?.Select(i => new SupplementItem(i?.Code ?? "", i?.Reason ?? "")).ToList())), ct) switch
        {
            { Result: Ok<DossierResponse> ok } => ok,
            { Result: ProblemHttpResult problem } => problem,
            var other => throw new InvalidOperationException($"Unexpected result {other.Result}."),
        };
    }

    /// <summary>
    /// Claims, releases, assignments and opinions go this way too. They never resolve, refuse or stop a dossier, so a
    /// package has nothing to follow after them.
    /// </summary>
    public static Task<Results<Ok<DossierResponse>, ProblemHttpResult>> ActAsync(
        string code, string action, Actor actor, IReadOnlyList<DocumentRequest> papers, HttpContext http, OneStopDbContext db,
        DefinitionCatalog catalog, DossierContextFactory contexts, OneStopMetrics metrics, Func<DossierContext, Task<ActionRequest?>> buildRequest,
        CancellationToken ct) =>
        ActCoreAsync(code, action, actor, papers, http, db, catalog, contexts, metrics, packages: null, buildRequest, ct);

    /// <summary>
    /// Every write to a dossier goes this way: load it (404 when the caller may not see it, 412 on a stale
    /// <c>If-Match</c>), check the papers it references, let the domain act — its events fill the outbox, issue
    /// the results and notify, in the same transaction — and answer with the dossier as the caller now sees it.
    /// The units the dossier leaves and lands at are held open until the commit (<see cref="UnitLocks"/>): a merge
    /// that ended one of them meanwhile answers 409 and nothing of the action is saved.
    /// A package member's action is followed, in the same transaction, by what its package makes of it: members
    /// that may start now start, members that never will are cancelled (DESIGN §4.2).
    /// </summary>
    private static async Task<Results<Ok<DossierResponse>, ProblemHttpResult>> ActCoreAsync(
        string code, string action, Actor actor, IReadOnlyList<DocumentRequest> papers, HttpContext http, OneStopDbContext db,
        DefinitionCatalog catalog, DossierContextFactory contexts, OneStopMetrics metrics, PackageProgress? packages,
        Func<DossierContext, Task<ActionRequest?>> buildRequest,
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
        await using var transaction = await db.Database.BeginWriteTransactionAsync(ct);
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
        if (dossier.PackageCode is not null && packages is not null)
        {
            await packages.FollowAsync(dossier, ct);
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
        metrics.ActionTaken(action);

        http.Response.Headers.ETag = ETags.For(dossier.Version);
        return TypedResults.Ok(DossierResponse.From(dossier, context, showSecret: true));
    }

    private static async Task<bool> VersionMovedAsync(OneStopDbContext db, Guid id, int loadedVersion, CancellationToken ct) =>
        await db.Dossiers.AsNoTracking().Where(d => d.Id == id).Select(d => d.Version).FirstAsync(ct) != loadedVersion;
}
