using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneStop.Api.Common;
using OneStop.Domain;
using OneStop.Domain.Dossiers;
using OneStop.Infrastructure.Definitions;
using OneStop.Infrastructure.Dossiers;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Api.Features.Dossiers;

public sealed record QueueItem(
    string Code, string ProcedureId, string ProcedureName, string Status, int StatusCode, StepResponse CurrentStep,
    string CurrentUnitCode, string ApplicantName, DateTimeOffset SubmittedAt, DateTimeOffset? DueDate, DateTimeOffset? StepDueDate,
    bool Overdue, bool DueSoon, bool StepOverdue, bool StepDueSoon, string? Assignee);

public static class ListDossiers
{
    /// <summary>An officer's work queue: dossiers now at their unit (admins: any unit), soonest due first.</summary>
    public static async Task<Results<Ok<ListResponse<QueueItem>>, ProblemHttpResult>> Handle(
        ClaimsPrincipal user, OneStopDbContext db, DefinitionCatalog catalog, DossierContextFactory contexts, TimeProvider clock,
        string? unit, string? status, string? step, bool? overdue, DateTimeOffset? dueBefore, string? q, string? assignee, int? page, int? pageSize,
        CancellationToken ct)
    {
        var actor = user.ToActor();
        var unitCode = string.IsNullOrWhiteSpace(unit) ? actor.UnitCode : unit.Trim();
        if (!actor.Has(RoleNames.Admin) && !string.Equals(unitCode, actor.UnitCode, StringComparison.OrdinalIgnoreCase))
            return Problems.Of(StatusCodes.Status403Forbidden, "Không có quyền", "Cán bộ chỉ xem hàng đợi của đơn vị mình.", "unit");

        var query = db.Dossiers.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(unitCode) && !(actor.Has(RoleNames.Admin) && string.IsNullOrWhiteSpace(unit)))
            query = query.Where(d => d.CurrentUnitCode == unitCode);
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!TryParseStatus(status, out var wanted))
                return Problems.Of(StatusCodes.Status400BadRequest, "Yêu cầu không hợp lệ",
                    $"Trạng thái '{status}' không tồn tại; dùng tên (Received…) hoặc mã 1–10.", "status");
            query = query.Where(d => d.Status == wanted);
        }
        if (!string.IsNullOrWhiteSpace(step))
            query = query.Where(d => d.CurrentStepId == step);
        var now = clock.GetUtcNow().UtcDateTime;
        if (overdue is not null)
        {
            // An online dossier not yet received is overdue once its reception due date has passed (DESIGN §6).
            query = overdue.Value
                ? query.Where(d => (d.Status == DossierStatus.Received || d.Status == DossierStatus.InProgress) && d.DueDate < now
                                   || d.Status == DossierStatus.Submitted && d.ReceptionDueDate < now)
                : query.Where(d => !((d.Status == DossierStatus.Received || d.Status == DossierStatus.InProgress) && d.DueDate < now
                                     || d.Status == DossierStatus.Submitted && d.ReceptionDueDate < now));
        }
        if (dueBefore is not null)
        {
            var limit = dueBefore.Value.UtcDateTime;
            query = query.Where(d => d.DueDate != null && d.DueDate <= limit);
        }
        // Claimable work (DESIGN §4.1): what I hold, or what nobody holds yet.
        switch (assignee?.Trim())
        {
            case null or "":
                break;
            case "me":
                query = query.Where(d => d.AssigneeUserName == actor.UserName);
                break;
            case "none":
                query = query.Where(d => d.AssigneeUserName == null);
                break;
            default:
                return Problems.Of(StatusCodes.Status400BadRequest, "Yêu cầu không hợp lệ", "assignee chỉ nhận me hoặc none.", "assignee");
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            query = query.Where(d => d.Code.Contains(term) || d.Applicant.FullName.Contains(term) || d.Applicant.IdNumber == term);
        }

        var paging = Paging.From(page, pageSize);
        var total = await query.CountAsync(ct);
        // The page in two steps: which dossiers, from the queue index alone (IX_Dossiers_Queue*: unit, filters and sort
        // keys, and the id), then those few whole — instead of sorting every dossier of the unit with all its columns.
        var ids = await query
            .OrderBy(d => (d.DueDate ?? d.ReceptionDueDate) == null).ThenBy(d => d.DueDate ?? d.ReceptionDueDate).ThenBy(d => d.SubmittedAt)
            .Skip(paging.Skip).Take(paging.PageSize)
            .Select(d => d.Id)
            .ToListAsync(ct);
        var position = ids.Select((id, index) => (id, index)).ToDictionary(p => p.id, p => p.index);
        var dossiers = ids.Count == 0 ? []
            : (await db.Dossiers.AsNoTracking().Where(d => ids.Contains(d.Id)).ToListAsync(ct)).OrderBy(d => position[d.Id]).ToList();

        var (units, deadlines) = await contexts.LoadReferenceDataAsync(ct);
        var items = new List<QueueItem>(dossiers.Count);
        foreach (var d in dossiers)
        {
            var engine = await catalog.GetPinnedAsync(db, d, ct);
            var context = new DossierContext(engine, units, deadlines, actor, now);
            var s = engine.Step(d.CurrentStepId);
            var flags = Deadline.Of(d, context);
            items.Add(new QueueItem(d.Code, d.ProcedureId, engine.Definition.Name, d.Status.ToString(), (int)d.Status,
                new StepResponse(d.CurrentStepId, s?.Name ?? d.CurrentStepId, s?.Kind ?? "", s?.Role ?? "", s?.Claimable ?? false),
                d.CurrentUnitCode, d.Applicant.FullName, d.SubmittedAt.ToVietnam(), d.DueDate.ToVietnam(), d.StepDueDate.ToVietnam(),
                flags.Overdue, flags.DueSoon, flags.StepOverdue, flags.StepDueSoon, d.AssigneeUserName));
        }
        return TypedResults.Ok(new ListResponse<QueueItem>(items, total, paging.Page, paging.PageSize));
    }

    private static bool TryParseStatus(string text, out DossierStatus status) =>
        int.TryParse(text, out var number)
            ? Enum.IsDefined(status = (DossierStatus)number)
            : Enum.TryParse(text, ignoreCase: true, out status) && !int.TryParse(text, out _);
}
