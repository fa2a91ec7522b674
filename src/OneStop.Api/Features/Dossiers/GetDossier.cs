using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OneStop.Api.Common;
using OneStop.Api.Features.Packages;
using OneStop.Infrastructure.Definitions;
using OneStop.Infrastructure.Dossiers;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Api.Features.Dossiers;

public static class GetDossier
{
    public static async Task<Results<Ok<DossierResponse>, Ok<PackageResponse>, ProblemHttpResult>> Handle(
        string code, HttpContext http, ClaimsPrincipal user, OneStopDbContext db,
        DefinitionCatalog catalog, DossierContextFactory contexts, CancellationToken ct)
    {
        var actor = user.ToActor();
        // A package's code reads the package with every member (DESIGN §4.2).
        if (await PackageAccess.LoadAsync(db, code, tracking: false, ct) is { } package)
        {
            if (!await PackageAccess.CanReadAsync(package, actor, db, ct))
                return Problems.NotFound($"Không tìm thấy hồ sơ '{code}'.");
            http.Response.Headers.ETag = ETags.For(package.Version);
            return TypedResults.Ok(await PackageReads.ResponseAsync(package, actor, db, catalog, contexts, showSecret: true, ct));
        }
        var dossier = await DossierAccess.LoadAsync(db, code, tracking: false, ct);
        // Someone else's dossier answers exactly like a missing one: codes are guessable.
        if (dossier is null || !DossierAccess.CanRead(dossier, actor))
            return Problems.NotFound($"Không tìm thấy hồ sơ '{code}'.");
        var engine = await catalog.GetPinnedAsync(db, dossier, ct);
        http.Response.Headers.ETag = ETags.For(dossier.Version);
        return TypedResults.Ok(DossierResponse.From(dossier, await contexts.CreateAsync(engine, actor, ct), showSecret: true));
    }
}

public static class GetDossierHistory
{
    public static async Task<Results<Ok<ListResponse<HistoryEventResponse>>, ProblemHttpResult>> Handle(
        string code, ClaimsPrincipal user, OneStopDbContext db, CancellationToken ct)
    {
        var dossier = await DossierAccess.LoadAsync(db, code, tracking: false, ct);
        if (dossier is null && await PackageAccess.LoadAsync(db, code, tracking: false, ct) is { } package
            && await PackageAccess.CanReadAsync(package, user.ToActor(), db, ct))
            return Problems.NotFound($"Hồ sơ liên thông {code} không có lịch sử riêng: mỗi hồ sơ thành phần ghi lịch sử của mình — " +
                string.Join(", ", package.Members.Where(m => m.DossierCode is not null).Select(m => m.DossierCode)) + ".");
        if (dossier is null || !DossierAccess.CanRead(dossier, user.ToActor()))
            return Problems.NotFound($"Không tìm thấy hồ sơ '{code}'.");
        var items = dossier.Events.OrderBy(e => e.Sequence).Select(e => new HistoryEventResponse(
            e.Sequence, e.At.ToVietnam(), e.Action, e.Actor, e.UnitCode, e.FromStatus?.ToString(), e.ToStatus.ToString(),
            e.FromStep, e.ToStep, e.ToUnitCode, e.Comment, e.DueDate.ToVietnam())).ToList();
        return TypedResults.Ok(new ListResponse<HistoryEventResponse>(items, items.Count, 1, items.Count));
    }
}
