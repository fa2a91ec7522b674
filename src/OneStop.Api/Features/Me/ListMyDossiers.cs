using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneStop.Api.Common;
using OneStop.Api.Features.Dossiers;
using OneStop.Api.Features.Packages;
using OneStop.Domain.Packages;
using OneStop.Domain.Dossiers;
using OneStop.Infrastructure.Definitions;
using OneStop.Infrastructure.Dossiers;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Api.Features.Me;

public sealed record MyDossierItem(
    string Code,
    string ProcedureId,
    string ProcedureName,
    string Status,
    int StatusCode,
    StepResponse CurrentStep,
    string Channel,
    string ReceivingUnitCode,
    DateTimeOffset? DueDate,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? ReturnedAt,
    string? ExpectedFromYou,
    IReadOnlyList<string> AvailableActions,
    string Kind = "dossier",
    IReadOnlyList<PackageMemberResponse>? Members = null);

public static class ListMyDossiers
{
    /// <summary>
    /// The caller's dossiers, newest first: those they submitted online and those filed at a counter in
    /// their personal ID (the same ownership rule as <see cref="Dossier.IsOwner"/>). A package's members are
    /// grouped under it (<c>kind: "package"</c> with <c>members</c>), not listed on their own.
    /// </summary>
    public static async Task<Ok<ListResponse<MyDossierItem>>> Handle(
        ClaimsPrincipal user, OneStopDbContext db, DefinitionCatalog catalog, DossierContextFactory contexts, TimeProvider clock,
        int? page, int? pageSize, CancellationToken ct)
    {
        var actor = user.ToActor();
        var userName = actor.UserName;
        var personalId = actor.PersonalId;
        var query = db.Dossiers.AsNoTracking().Where(d => d.PackageCode == null)
            .Where(d => d.OwnerUserName == userName || (personalId != null && d.Applicant.IdNumber == personalId));
        var packages = db.DossierPackages.AsNoTracking()
            .Where(p => p.OwnerUserName == userName || (personalId != null && p.Applicant.IdNumber == personalId));

        // Both lists newest first; one page of the two merged needs at most the first skip + pageSize of each.
        var paging = Paging.From(page, pageSize);
        var total = await query.CountAsync(ct) + await packages.CountAsync(ct);
        var dossiers = await query
            .OrderByDescending(d => d.SubmittedAt).ThenByDescending(d => d.Code)
            .Take(paging.Skip + paging.PageSize)
            .Include(d => d.Events).AsSplitQuery()
            .ToListAsync(ct);
        var ownPackages = await packages.OrderByDescending(p => p.SubmittedAt).ThenByDescending(p => p.Code)
            .Take(paging.Skip + paging.PageSize).ToListAsync(ct);
        var page1 = dossiers.Select(d => (d.SubmittedAt, d.Code, Dossier: (Dossier?)d, Package: (DossierPackage?)null))
            .Concat(ownPackages.Select(p => (p.SubmittedAt, p.Code, Dossier: (Dossier?)null, Package: (DossierPackage?)p)))
            .OrderByDescending(x => x.SubmittedAt).ThenByDescending(x => x.Code, StringComparer.Ordinal)
            .Skip(paging.Skip).Take(paging.PageSize).ToList();

        var (units, deadlines) = await contexts.LoadReferenceDataAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var items = new List<MyDossierItem>(page1.Count);
        foreach (var entry in page1)
        {
            if (entry.Package is { } package)
            {
                items.Add(await PackageItemAsync(package, actor, db, catalog, contexts, ct));
                continue;
            }
            var d = entry.Dossier!;
            var engine = await catalog.GetPinnedAsync(db, d, ct);
            var context = new DossierContext(engine, units, deadlines, actor, now);
            var step = engine.Definition.FindStep(d.CurrentStepId);
            items.Add(new MyDossierItem(
                d.Code, d.ProcedureId, engine.Definition.Name, d.Status.ToString(), (int)d.Status,
                new StepResponse(d.CurrentStepId, step?.Name ?? d.CurrentStepId, step?.Kind ?? "", step?.Role ?? ""),
                d.Channel.ToString().ToLowerInvariant(), d.ReceivingUnitCode,
                d.DueDate.ToVietnam(), d.SubmittedAt.ToVietnam(), d.ResolvedAt.ToVietnam(), d.ReturnedAt.ToVietnam(),
                ExpectedFromApplicant(d), d.AvailableActions(context)));
        }
        return TypedResults.Ok(new ListResponse<MyDossierItem>(items, total, paging.Page, paging.PageSize));
    }

    private static async Task<MyDossierItem> PackageItemAsync(
        DossierPackage package, Actor actor, OneStopDbContext db, DefinitionCatalog catalog, DossierContextFactory contexts, CancellationToken ct)
    {
        var read = await PackageReads.ResponseAsync(package, actor, db, catalog, contexts, showSecret: false, ct);
        var expected = read.Members.Select(m => m.ExpectedFromYou is { } what && m.Status != PackageReads.WaitingStatus ? $"{m.ProcedureName}: {what}" : null)
            .OfType<string>().ToList();
        return new MyDossierItem(read.Code, read.ProcedureId, read.ProcedureName, read.Status, read.StatusCode,
            new StepResponse("", "", "", ""), read.Channel, read.ReceivingUnitCode,
            read.Members.Select(m => m.DueDate).Where(d => d is not null).Max(), read.SubmittedAt,
            null, read.Members.All(m => m.ReturnedAt is not null) ? read.Members.Max(m => m.ReturnedAt) : null,
            expected.Count == 0 ? null : string.Join(" ", expected), read.AvailableActions, "package", read.Members);
    }

    /// <summary>One sentence of what the applicant has to do next; null while the ball is in the unit's court.</summary>
    public static string? ExpectedFromApplicant(Dossier dossier) => dossier.Status switch
    {
        DossierStatus.Submitted => "Chờ cán bộ tiếp nhận",
        DossierStatus.SupplementRequested => LastComment(dossier, DossierActions.RequestSupplement) is { } what
            ? $"Nộp bổ sung giấy tờ theo yêu cầu: {what}"
            : "Nộp bổ sung giấy tờ theo yêu cầu",
        DossierStatus.AwaitingPayment => dossier.FeeAmount > 0
            ? $"Nộp phí, lệ phí {VietnameseAmount(dossier.FeeAmount)} đồng theo thông báo"
            : "Nộp phí, lệ phí theo thông báo",
        DossierStatus.Resolved => "Đến nhận kết quả tại bộ phận một cửa",
        _ => null,
    };

    /// <summary>1.250.000: Vietnamese groups thousands with dots, whatever the server's culture.</summary>
    private static string VietnameseAmount(decimal amount) =>
        amount.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.');

    private static string? LastComment(Dossier dossier, string action) =>
        dossier.Events.Where(e => e.Action == action).MaxBy(e => e.Sequence)?.Comment;
}
