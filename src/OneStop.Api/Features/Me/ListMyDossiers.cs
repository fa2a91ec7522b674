using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneStop.Api.Common;
using OneStop.Api.Features.Dossiers;
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
    IReadOnlyList<string> AvailableActions);

public static class ListMyDossiers
{
    /// <summary>
    /// The caller's dossiers, newest first: those they submitted online and those filed at a counter in
    /// their personal ID (the same ownership rule as <see cref="Dossier.IsOwner"/>).
    /// </summary>
    public static async Task<Ok<ListResponse<MyDossierItem>>> Handle(
        ClaimsPrincipal user, OneStopDbContext db, DefinitionCatalog catalog, DossierContextFactory contexts, TimeProvider clock,
        int? page, int? pageSize, CancellationToken ct)
    {
        var actor = user.ToActor();
        var userName = actor.UserName;
        var personalId = actor.PersonalId;
        var query = db.Dossiers.AsNoTracking()
            .Where(d => d.OwnerUserName == userName || (personalId != null && d.Applicant.IdNumber == personalId));

        var paging = Paging.From(page, pageSize);
        var total = await query.CountAsync(ct);
        var dossiers = await query
            .OrderByDescending(d => d.SubmittedAt).ThenByDescending(d => d.Code)
            .Skip(paging.Skip).Take(paging.PageSize)
            .Include(d => d.Events).AsSplitQuery()
            .ToListAsync(ct);

        var units = await contexts.LoadUnitsAsync(ct);
        var deadlines = await contexts.LoadDeadlinesAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var items = new List<MyDossierItem>(dossiers.Count);
        foreach (var d in dossiers)
        {
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
