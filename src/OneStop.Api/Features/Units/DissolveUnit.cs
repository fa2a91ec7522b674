using System.Globalization;
using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneStop.Api.Common;
using OneStop.Domain.Dossiers;
using OneStop.Domain.Units;
using OneStop.Infrastructure.Persistence;
using OneStop.Infrastructure.Units;

namespace OneStop.Api.Features.Units;

public sealed record DissolveSuccessorRequest(string? UnitCode, IReadOnlyList<string>? ChildCodes, IReadOnlyList<string>? Officers);

public sealed record CompetenceRequest(string? ProcedureId, string? Level);

/// <summary>
/// <c>POST /api/units/{code}/dissolve</c> (DESIGN §3): from when, the successors (each with the children it takes and,
/// optionally, the officers that move to it — the others go to the first successor), and which level is competent
/// for what (a rule without <c>procedureId</c> is the default).
/// </summary>
public sealed record DissolveUnitRequest(
    DateOnly? EffectiveFrom, IReadOnlyList<DissolveSuccessorRequest>? Successors, IReadOnlyList<CompetenceRequest>? Competence, string? Comment);

public sealed class DissolveUnitRequestValidator : AbstractValidator<DissolveUnitRequest>
{
    public DissolveUnitRequestValidator() =>
        RuleFor(r => r.Comment).StoredLength(1000, "Ghi chú (comment)");
}

/// <summary>Where one open dossier went.</summary>
public sealed record DossierPlacement(string Code, string ProcedureId, string UnitCode);

public sealed record DissolveUnitResponse(
    UnitResponse Unit, IReadOnlyList<UnitResponse> Successors, DateOnly EffectiveFrom, int OfficersMoved, int ChildUnitsMoved,
    IReadOnlyList<DossierPlacement> Dossiers);

public static class DissolveUnit
{
    /// <summary>
    /// Dissolves a unit in one transaction: its validity ends the day before the effective date; each child is
    /// re-parented as listed; each open dossier (at the unit, received there, decided there, or waiting for its
    /// opinion) goes to the successor now competent for its procedure, with a <c>transfer</c> event each (and so a
    /// national-portal message naming the new unit); its officers move; claimed work stays with an officer only when
    /// they move to the dossier's new unit. Earlier events keep naming the dissolved unit. A refused dissolution
    /// changes nothing.
    /// </summary>
    public static async Task<Results<Ok<DissolveUnitResponse>, ProblemHttpResult>> Handle(
        string code, DissolveUnitRequest? body, ClaimsPrincipal user, OneStopDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var today = VietnamTime.Today(clock);
        var effective = body?.EffectiveFrom ?? today;
        // As for a merge, the unit and its successors are locked before anything is read (UnitLocks): an action routing
        // a dossier to or from them either committed already — and its dossier is among those read below — or waits,
        // then finds the unit ended.
        await using var transaction = await db.Database.BeginWriteTransactionAsync(ct);
        await UnitLocks.TakeExclusiveAsync(db,
            [code, .. (body?.Successors ?? []).Select(s => s?.UnitCode?.Trim()).OfType<string>().Where(c => c.Length > 0)], ct);
        var units = await db.Units.ToListAsync(ct);
        var unit = units.FirstOrDefault(u => string.Equals(u.Code, code, StringComparison.OrdinalIgnoreCase));
        if (unit is null)
            return Problems.NotFound($"Không tìm thấy đơn vị '{code}'.");
        // Work moves now: a dissolution dated later would leave the unit open with nothing in it.
        if (effective > today)
            return Problems.Unprocessable(
                $"Ngày hiệu lực {Day(effective)} chưa đến; hãy giải thể khi quyết định có hiệu lực (từ ngày đó trở đi).", "effectiveFrom");

        var plan = new UnitDissolution(effective,
            (body?.Successors ?? []).Select(s => new DissolutionSuccessor(s?.UnitCode?.Trim() ?? "", s?.ChildCodes, s?.Officers)).ToList(),
            (body?.Competence ?? []).Select(c => new CompetenceRule(string.IsNullOrWhiteSpace(c?.ProcedureId) ? null : c.ProcedureId.Trim(), c?.Level?.Trim() ?? "")).ToList());
        var before = new UnitTree(units.Select(u => u.ToInfo()));
        var officers = await db.Users.Where(u => u.UnitCode == unit.Code).ToListAsync(ct);
        var procedures = (await db.DefinitionVersions.Select(d => d.DefinitionId).Distinct().ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var problems = UnitDissolving.Check(unit.ToInfo(), plan, before, procedures.Contains, officers.Select(o => o.UserName).ToHashSet(StringComparer.Ordinal));
        if (problems.Count > 0)
            return EditUnits.Problem(problems);

        var byCode = units.ToDictionary(u => u.Code, StringComparer.OrdinalIgnoreCase);
        var newParents = UnitDissolving.NewParents(plan);
        foreach (var (child, parent) in newParents)
            byCode[child].MoveUnder(byCode[parent]);
        unit.Dissolve(plan with { Area = newParents.Keys.Order(StringComparer.Ordinal).ToList() });
        var after = new UnitTree(units.Select(u => u.ToInfo()));

        // Officers the plan names go to their successor; the others to the first one.
        var officerUnit = officers.ToDictionary(o => o.UserName,
            o => plan.Successors.FirstOrDefault(s => (s.Officers ?? []).Contains(o.UserName))?.UnitCode ?? plan.Successors[0].UnitCode, StringComparer.Ordinal);
        var actor = user.ToActor();
        var now = clock.GetUtcNow().UtcDateTime;
        var reason = $"{unit.Name} ({unit.Code}) giải thể từ ngày {Day(effective)}; đơn vị có thẩm quyền kế thừa giải quyết."
            + (string.IsNullOrWhiteSpace(body?.Comment) ? "" : " " + body.Comment.Trim());
        var unitCode = unit.Code;
        var dossiers = await db.Dossiers.Include(d => d.Events).Include(d => d.Consultations).Include(d => d.Timers)
            .Where(d => d.CurrentUnitCode == unitCode || d.ReceivingUnitCode == unitCode || d.CompetentUnitCode == unitCode
                        || d.Consultations.Any(c => c.UnitCode == unitCode && c.AnsweredAt == null))
            .Where(d => d.Status != DossierStatus.NotAccepted && d.Status != DossierStatus.Stopped && d.Status != DossierStatus.Returned)
            .AsSplitQuery()
            .ToListAsync(ct);
        var placements = new List<DossierPlacement>();
        foreach (var dossier in dossiers)
        {
            var target = plan.SuccessorFor(dossier.ProcedureId, CommuneOf(dossier, before), after, effective);
            var follows = dossier.AssigneeUserName is { } holder && officerUnit.GetValueOrDefault(holder) == target;
            dossier.TransferUnit(unitCode, target, actor, now, reason, follows);
            placements.Add(new DossierPlacement(dossier.Code, dossier.ProcedureId, target));
        }
        foreach (var officer in officers)
            officer.UnitCode = officerUnit[officer.UserName];

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        return TypedResults.Ok(new DissolveUnitResponse(
            UnitsEndpoints.ToResponse(unit, units),
            plan.Successors.Select(s => UnitsEndpoints.ToResponse(byCode[s.UnitCode], units)).ToList(),
            effective, officers.Count, newParents.Count, placements));
    }

    /// <summary>The dossier's commune: the applicant's, else the receiving unit when it is a commune.</summary>
    private static string? CommuneOf(Dossier dossier, UnitTree before) =>
        dossier.Applicant.CommuneCode
        ?? (before.Find(dossier.ReceivingUnitCode) is { Level: Domain.Definitions.Levels.Commune } receiving ? receiving.Code : null);

    private static string Day(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
