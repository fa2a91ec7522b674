using Microsoft.AspNetCore.Http.HttpResults;
using OneStop.Api.Common;
using OneStop.Api.Features.Dossiers;
using OneStop.Domain.Dossiers;
using OneStop.Domain.Packages;
using OneStop.Infrastructure.Definitions;
using OneStop.Infrastructure.Dossiers;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Api.Features.Packages;

/// <summary>
/// <c>POST /api/dossiers/{packageCode}/actions/withdraw</c> (DESIGN §4.2): the owner, or the counter that received the
/// package, withdraws it. Members still waiting never start; started members not yet resolved are asked to be
/// withdrawn, each with its own <c>withdraw</c> event (their units then stop them); resolved ones keep their results.
/// All of it in one transaction. Every other action is taken on the members themselves.
/// </summary>
public static class WithdrawPackage
{
    public static async Task<Results<Ok<PackageResponse>, ProblemHttpResult>> HandleAsync(
        DossierPackage package, string action, string? reason, Actor actor, HttpContext http, OneStopDbContext db, DefinitionCatalog catalog,
        DossierContextFactory contexts, CancellationToken ct)
    {
        if (!await PackageAccess.CanReadAsync(package, actor, db, ct))
            return Problems.NotFound($"Không tìm thấy hồ sơ '{package.Code}'.");
        if (action != DossierActions.Withdraw)
            return Problems.Conflict($"Hồ sơ liên thông {package.Code} chỉ có thao tác rút hồ sơ (withdraw); thao tác '{action}' thực hiện trên từng hồ sơ thành phần: " +
                string.Join(", ", package.Members.Where(m => m.DossierCode is not null).Select(m => m.DossierCode)) + ".");
        if (ETags.CheckIfMatch(http.Request, package.Version) is { } stale)
            return Problems.PreconditionFailed(stale);
        if (!package.MayWithdraw(actor))
            return Problems.Of(StatusCodes.Status403Forbidden, "Thao tác bị từ chối", "Chỉ người nộp hồ sơ hoặc cán bộ một cửa của đơn vị tiếp nhận được rút hồ sơ liên thông.");

        await using var transaction = await db.Database.BeginWriteTransactionAsync(ct);
        var started = package.Withdraw(contexts.UtcNow);
        var comment = $"Rút theo hồ sơ liên thông {package.Code}" + (string.IsNullOrWhiteSpace(reason) ? "." : $": {reason.Trim()}");
        comment = comment.Length > StoredLengths.Comment ? comment[..StoredLengths.Comment] : comment;
        foreach (var member in started)
        {
            var dossier = await DossierAccess.LoadAsync(db, member.DossierCode!, tracking: true, ct);
            if (dossier is null || !dossier.WithdrawsWithPackage)
                continue;
            var model = await catalog.GetPinnedAsync(db, dossier, ct);
            dossier.WithdrawWithPackage(await contexts.CreateAsync(model, actor, ct), comment);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        http.Response.Headers.ETag = ETags.For(package.Version);
        return TypedResults.Ok(await PackageReads.ResponseAsync(package, actor, db, catalog, contexts, showSecret: true, ct));
    }
}
