using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneStop.Api.Common;
using OneStop.Domain.Definitions;
using OneStop.Domain.Dossiers;
using OneStop.Domain.Simulation;
using OneStop.Infrastructure.Definitions;
using OneStop.Infrastructure.Dossiers;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Api.Features.Definitions;

/// <summary><c>POST /api/workflow-definitions/{id}/simulate {last}</c>: how many of the latest closed dossiers to replay.</summary>
public sealed record SimulateRequest(int? Last);

public sealed class SimulateRequestValidator : AbstractValidator<SimulateRequest>
{
    public const int MaxDossiers = 500;

    public SimulateRequestValidator() =>
        RuleFor(r => r.Last).NotNull().WithMessage("Phải nêu số hồ sơ đã kết thúc cần chạy lại (last).")
            .InclusiveBetween(1, MaxDossiers).WithMessage($"last phải từ 1 đến {MaxDossiers}.");
}

public sealed record SimulatedStep(string Id, string Name, DateTimeOffset EnteredAt, DateTimeOffset? DueDate, DateTimeOffset? LeftAt, bool Late);

public sealed record SimulatedDivergence(int Sequence, DateTimeOffset At, string Action, string Actor, string StepId, string Reason);

/// <summary>One replayed dossier: how it really ended, how it would end under the draft, and the steps it would wait in.</summary>
public sealed record SimulatedDossier(
    string Code, string OriginalStatus, string? SimulatedStatus, bool EndsDifferently, SimulatedDivergence? StoppedAt,
    bool OriginallyLate, bool Late, bool MissesDueDate, DateTimeOffset? DueDate, IReadOnlyList<string> LateSteps, IReadOnlyList<SimulatedStep> Steps);

/// <summary>The replay's verdict: which dossiers would end differently and which would be late, each with its steps.</summary>
public sealed record SimulationResponse(
    string DefinitionId, int DraftVersion, int Replayed, IReadOnlyList<string> EndingDifferently, IReadOnlyList<string> Late,
    IReadOnlyList<SimulatedDossier> Dossiers);

/// <summary>
/// What-if before publishing (DESIGN §10): the last N closed dossiers of the procedure are replayed through its draft
/// (<see cref="DossierReplay"/>) — same actions, same people, same times, on a fake clock and the same calendar — and
/// the answer says which would end differently, which would be late (past the dossier's or a step's due date) and
/// at which steps they would wait. It reads only; nothing is stored.
/// </summary>
public static class SimulateDraft
{
    public static async Task<Results<Ok<SimulationResponse>, ProblemHttpResult>> Handle(
        string id, SimulateRequest request, OneStopDbContext db, DefinitionCatalog catalog, DossierContextFactory contexts, TimeProvider clock,
        CancellationToken ct)
    {
        var draft = await db.DefinitionVersions.AsNoTracking().FirstOrDefaultAsync(v => v.DefinitionId == id && v.State == DefinitionState.Draft, ct);
        if (draft is null)
            return await db.DefinitionVersions.AnyAsync(v => v.DefinitionId == id, ct)
                ? Problems.Conflict($"'{id}' không có bản nháp để chạy thử; hãy tạo bản nháp (POST /api/workflow-definitions) trước.")
                : Problems.NotFound($"Không tìm thấy định nghĩa quy trình '{id}'.");
        var definition = draft.Parse();
        if (definition.IsPackage)
            return Problems.Unprocessable("Gói liên thông không có bước riêng để chạy thử; hãy chạy thử bản nháp của từng thủ tục thành phần.");
        var errors = await DefinitionAuthoring.ValidateAsync(definition, db, VietnamTime.Today(clock), ct);
        if (errors.Count > 0)
            return Problems.Of(StatusCodes.Status422UnprocessableEntity, "Bản nháp chưa hợp lệ",
                $"Bản nháp có {errors.Count} lỗi nên chưa chạy thử được; hãy sửa theo danh sách lỗi.", extensions: new Dictionary<string, object?>
                {
                    ["errors"] = errors.GroupBy(e => e.Path).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                });

        var model = catalog.CompileDraft(definition);
        var closed = new[] { DossierStatus.Returned, DossierStatus.NotAccepted, DossierStatus.Stopped };
        var dossiers = await db.Dossiers.AsNoTracking()
            .Where(d => d.ProcedureId == id && closed.Contains(d.Status))
            .OrderByDescending(d => d.ReturnedAt ?? d.ClosedAt).ThenByDescending(d => d.Code)
            .Take(request.Last!.Value)
            .Include(d => d.Events).Include(d => d.Pauses).Include(d => d.Consultations).Include(d => d.Timers).AsSplitQuery()
            .ToListAsync(ct);

        var actors = await ActorsAsync(db, dossiers, ct);
        var (units, deadlines) = await contexts.LoadReferenceDataAsync(ct);
        var outcomes = dossiers.Select(d => DossierReplay.Run(d, model, units, deadlines, actors)).ToList();
        var items = outcomes.Select(o => new SimulatedDossier(o.Code, o.OriginalStatus.ToString(), o.SimulatedStatus?.ToString(), o.EndsDifferently,
            o.Divergence is { } at ? new SimulatedDivergence(at.Sequence, at.At.ToVietnam(), at.Action, at.Actor, at.StepId, at.Reason) : null,
            o.OriginallyLate, o.Late, o.MissesDueDate, o.SimulatedDueDate.ToVietnam(), o.LateSteps.Select(s => s.StepId).Distinct().ToList(),
            o.Steps.Select(s => new SimulatedStep(s.StepId, s.StepName, s.EnteredAt.ToVietnam(), s.DueAt.ToVietnam(), s.LeftAt.ToVietnam(), s.Late)).ToList()))
            .ToList();
        return TypedResults.Ok(new SimulationResponse(id, definition.Version, items.Count,
            items.Where(i => i.EndsDifferently).Select(i => i.Code).ToList(), items.Where(i => i.Late).Select(i => i.Code).ToList(), items));
    }

    /// <summary>
    /// Who each recorded user was, from the accounts as they are now (roles, personal ID), acting at the unit the event
    /// recorded; an account since removed acts with no role, so the draft refuses what it did and says so.
    /// </summary>
    private static async Task<Func<string, string?, Actor>> ActorsAsync(OneStopDbContext db, IReadOnlyList<Dossier> dossiers, CancellationToken ct)
    {
        var names = dossiers.SelectMany(d => d.Events).Select(e => e.Actor).Where(a => a != Domain.RoleNames.SystemActor).Distinct().ToList();
        var accounts = await db.Users.AsNoTracking().Where(u => names.Contains(u.UserName))
            .Select(u => new { u.UserName, u.Roles, u.UnitCode, u.PersonalId }).ToListAsync(ct);
        var byName = accounts.ToDictionary(a => a.UserName, StringComparer.Ordinal);
        return (userName, unitCode) =>
        {
            if (userName == Domain.RoleNames.SystemActor)
                return Actor.System;
            if (!byName.TryGetValue(userName, out var account))
                return new Actor(userName, new HashSet<string>(), unitCode);
            var roles = account.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
            return new Actor(userName, roles, unitCode ?? account.UnitCode, account.PersonalId);
        };
    }
}
