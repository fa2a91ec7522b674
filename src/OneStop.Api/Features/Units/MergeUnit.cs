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

/// <summary>Optional body of a merge: when it takes effect (default: today in Vietnam) and why.</summary>
public sealed record MergeUnitRequest(DateOnly? EffectiveDate, string? Comment);

public sealed class MergeUnitRequestValidator : AbstractValidator<MergeUnitRequest>
{
    public MergeUnitRequestValidator() =>
        RuleFor(r => r.Comment).StoredLength(1000, "Ghi chú (comment)");
}

/// <summary>What a merge did: the ended unit, its successor and how much work moved.</summary>
public sealed record MergeUnitResponse(
    UnitResponse Unit, UnitResponse Successor, DateOnly EffectiveDate, int DossiersMoved, int OfficersMoved, int ChildUnitsMoved);

public static class MergeUnit
{
    /// <summary>
    /// Merges a unit into its successor (DESIGN §3) in one transaction: the unit's validity ends, its
    /// current child units hang under the successor, its open dossiers and its officers move there. Each
    /// moved dossier records a <c>transfer</c> event (and with it an outbox message); earlier events keep
    /// naming the original unit. A refused merge changes nothing.
    /// </summary>
    public static async Task<Results<Ok<MergeUnitResponse>, ProblemHttpResult>> Handle(
        string code, string successorCode, MergeUnitRequest? body, ClaimsPrincipal user, OneStopDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var today = VietnamTime.Today(clock);
        var effective = body?.EffectiveDate ?? today;
        // Both units are locked before anything is read (UnitLocks): an action routing a dossier to or from the unit
        // either committed already — and its dossier is among those read below — or waits, then finds the unit ended.
        await using var transaction = await db.Database.BeginWriteTransactionAsync(ct);
        await UnitLocks.TakeExclusiveAsync(db, [code, successorCode], ct);
        var units = await db.Units.ToListAsync(ct);
        var unit = units.FirstOrDefault(u => u.Code == code);
        if (unit is null)
            return Problems.NotFound($"Không tìm thấy đơn vị '{code}'.");
        var successor = units.FirstOrDefault(u => u.Code == successorCode);
        if (successor is null)
            return Problems.NotFound($"Không tìm thấy đơn vị kế thừa '{successorCode}'.");
        // Work moves now, so a merge that starts later would leave the unit open with nobody and nothing in it.
        if (effective > today)
            return Problems.Unprocessable(
                $"Ngày hiệu lực {Day(effective)} chưa đến; hãy sáp nhập khi quyết định có hiệu lực (từ ngày đó trở đi).", "effectiveDate");

        var tree = new UnitTree(units.Select(u => u.ToInfo()));
        try
        {
            unit.MergeInto(successor, effective, tree);
        }
        catch (UnitRefusedException refused)
        {
            return refused.Kind == RefusalKind.Conflict
                ? Problems.Of(StatusCodes.Status409Conflict, "Xung đột trạng thái", refused.Message, refused.Field)
                : Problems.Unprocessable(refused.Message, refused.Field);
        }

        // Only children still standing move; ones that ended before the merge keep their parent as history.
        var children = units.Where(u => u.ParentCode == unit.Code && (u.ValidTo is null || u.ValidTo >= effective)).ToList();
        children.ForEach(child => child.MoveUnder(successor));

        var actor = user.ToActor();
        var now = clock.GetUtcNow().UtcDateTime;
        var reason = $"{unit.Name} ({unit.Code}) sáp nhập vào {successor.Name} ({successor.Code}) từ ngày {Day(effective)}."
            + (string.IsNullOrWhiteSpace(body?.Comment) ? "" : " " + body.Comment.Trim());
        var unitCode = unit.Code;
        var dossiers = await db.Dossiers.Include(d => d.Events).Include(d => d.Consultations).Include(d => d.Timers)
            .Where(d => d.CurrentUnitCode == unitCode || d.ReceivingUnitCode == unitCode || d.CompetentUnitCode == unitCode
                        || d.Consultations.Any(c => c.UnitCode == unitCode && c.AnsweredAt == null))
            .Where(d => d.Status != DossierStatus.NotAccepted && d.Status != DossierStatus.Stopped && d.Status != DossierStatus.Returned)
            .AsSplitQuery()
            .ToListAsync(ct);
        dossiers.ForEach(dossier => dossier.TransferUnit(unit.Code, successor.Code, actor, now, reason));

        var officers = await db.Users.Where(u => u.UnitCode == unit.Code).ToListAsync(ct);
        officers.ForEach(officer => officer.UnitCode = successor.Code);

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        return TypedResults.Ok(new MergeUnitResponse(
            UnitsEndpoints.ToResponse(unit, units), UnitsEndpoints.ToResponse(successor, units), effective,
            dossiers.Count, officers.Count, children.Count));
    }

    private static string Day(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
