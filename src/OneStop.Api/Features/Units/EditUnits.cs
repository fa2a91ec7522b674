using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneStop.Api.Common;
using OneStop.Domain.Units;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Api.Features.Units;

/// <summary>A unit as an admin writes it (DESIGN §3): create, change (absent members keep their value) or one entry of an import list.</summary>
public sealed record UnitRequest(
    string? Code, string? Name, string? Level, string? Kind, string? ParentCode, string? AgencyCode, DateOnly? ValidFrom)
{
    internal UnitDraft ToDraft(string? code = null) => new(code ?? Code, Name, Level, Kind, ParentCode, AgencyCode, ValidFrom);
}

/// <summary>A province's list in one request: all of it is loaded, or — at the first wrong entry — none.</summary>
public sealed record ImportUnitsRequest(IReadOnlyList<UnitRequest>? Units);

public sealed record ImportUnitsResponse(int Created, int Updated, IReadOnlyList<UnitResponse> Units);

public sealed class ImportUnitsRequestValidator : AbstractValidator<ImportUnitsRequest>
{
    public const int MaxUnits = 5000;

    public ImportUnitsRequestValidator() =>
        RuleFor(r => r.Units).NotEmpty().WithMessage("Danh sách đơn vị (units) không được rỗng.")
            .Must(u => u is null || u.Count <= MaxUnits).WithMessage($"Mỗi lần nạp tối đa {MaxUnits} đơn vị.");
}

/// <summary>
/// Create, rename and re-parent units, and import a province's whole list (DESIGN §3). Every request is checked in
/// full by <see cref="UnitRules"/> before anything is written: a duplicate code, an unknown parent, a parent cycle or a
/// level that cannot sit under its parent is a 422 naming the entry's field (<c>units[i].parentCode</c>), and nothing
/// changes.
/// </summary>
public static class EditUnits
{
    public static async Task<Results<Created<UnitResponse>, ProblemHttpResult>> Create(
        UnitRequest request, OneStopDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var units = await db.Units.ToListAsync(ct);
        var (problems, resolved) = UnitRules.Check([request.ToDraft()], Infos(units), VietnamTime.Today(clock), onlyNew: true, _ => "");
        if (problems.Count > 0)
            return Problem(problems);
        var unit = Unit.Create(resolved[0]);
        db.Units.Add(unit);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/units/{unit.Code}", UnitsEndpoints.ToResponse(unit, [.. units, unit]));
    }

    public static async Task<Results<Ok<UnitResponse>, ProblemHttpResult>> Update(
        string code, UnitRequest request, OneStopDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var units = await db.Units.ToListAsync(ct);
        var unit = units.FirstOrDefault(u => string.Equals(u.Code, code, StringComparison.OrdinalIgnoreCase));
        if (unit is null)
            return Problems.NotFound($"Không tìm thấy đơn vị '{code}'.");
        if (request.Code is { } renamed && !string.Equals(renamed.Trim(), unit.Code, StringComparison.OrdinalIgnoreCase))
            return Problems.Unprocessable("Không đổi mã đơn vị (code): mã là khóa của lịch sử hồ sơ; tạo đơn vị mới rồi sáp nhập nếu cần.", "code");
        var (problems, resolved) = UnitRules.Check([request.ToDraft(unit.Code)], Infos(units), VietnamTime.Today(clock), onlyNew: false, _ => "");
        if (problems.Count > 0)
            return Problem(problems);
        unit.Change(resolved[0]);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(UnitsEndpoints.ToResponse(unit, units));
    }

    public static async Task<Results<Ok<ImportUnitsResponse>, ProblemHttpResult>> Import(
        ImportUnitsRequest request, OneStopDbContext db, TimeProvider clock, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginWriteTransactionAsync(ct);
        var units = await db.Units.ToListAsync(ct);
        var drafts = request.Units!.Select(u => u?.ToDraft() ?? new UnitDraft(null, null, null)).ToList();
        var (problems, resolved) = UnitRules.Check(drafts, Infos(units), VietnamTime.Today(clock), onlyNew: false, i => $"units[{i}].");
        if (problems.Count > 0)
            return Problem(problems);
        var byCode = units.ToDictionary(u => u.Code, StringComparer.OrdinalIgnoreCase);
        var touched = new List<Unit>();
        var created = 0;
        foreach (var draft in resolved)
        {
            if (byCode.TryGetValue(draft.Code, out var existing))
                existing.Change(draft);
            else
            {
                existing = Unit.Create(draft);
                db.Units.Add(existing);
                byCode[draft.Code] = existing;
                created++;
            }
            touched.Add(existing);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        var all = byCode.Values.ToList();
        return TypedResults.Ok(new ImportUnitsResponse(created, touched.Count - created, touched.Select(u => UnitsEndpoints.ToResponse(u, all)).ToList()));
    }

    internal static List<UnitInfo> Infos(IEnumerable<Unit> units) => units.Select(u => u.ToInfo()).ToList();

    internal static ProblemHttpResult Problem(IEnumerable<UnitProblem> problems) =>
        Problems.Many(problems.Select(p => (p.Field, p.Message, p.IsConflict)));
}
