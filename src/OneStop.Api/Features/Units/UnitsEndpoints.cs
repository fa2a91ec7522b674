using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneStop.Api.Common;
using OneStop.Domain.Units;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Api.Features.Units;

public sealed record UnitResponse(
    string Code, string Name, string Level, string? ParentCode, string AgencyCode, DateOnly ValidFrom, DateOnly? ValidTo,
    string? SuccessorCode, IReadOnlyList<string> ChildCodes, string Kind = "committee", UnitDissolution? Dissolution = null);

public static class UnitsEndpoints
{
    public static IEndpointRouteBuilder MapUnitsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/units").WithTags("Units");
        group.MapGet("/", ListUnits).AllowAnonymous().WithSummary("Cây đơn vị hành chính (danh sách phẳng, mỗi đơn vị kèm mã cha và mã con).");
        group.MapGet("/{code}", GetUnit).AllowAnonymous().WithSummary("Một đơn vị.");
        group.MapPost("/", EditUnits.Create).Validate<UnitRequest>().RequireAuthorization(Policies.Admin)
            .WithSummary("Tạo một đơn vị (UBND, cơ quan chuyên môn, công an xã, trung tâm phục vụ hành chính công).");
        group.MapPut("/{code}", EditUnits.Update).Validate<UnitRequest>().RequireAuthorization(Policies.Admin)
            .WithSummary("Đổi tên, đổi đơn vị cha, loại hoặc mã cơ quan trên Cổng DVCQG của một đơn vị (không đổi mã, cấp).");
        group.MapPost("/import", EditUnits.Import).Validate<ImportUnitsRequest>().RequireAuthorization(Policies.Admin)
            .WithSummary("Nạp cả danh sách đơn vị của một tỉnh trong một yêu cầu: kiểm tra toàn bộ, nạp hết hoặc không nạp gì.");
        group.MapPost("/{code}/merge-into/{successorCode}", MergeUnit.Handle).Validate<MergeUnitRequest>()
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Sáp nhập đơn vị vào đơn vị kế thừa: hồ sơ đang xử lý, cán bộ và đơn vị trực thuộc chuyển sang đơn vị kế thừa.");
        group.MapPost("/{code}/dissolve", DissolveUnit.Handle).Validate<DissolveUnitRequest>()
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Giải thể đơn vị vào nhiều đơn vị kế thừa: đơn vị trực thuộc, hồ sơ (theo quy tắc thẩm quyền) và cán bộ chuyển theo phương án.");
        return app;
    }

    /// <summary>A unit as the API shows it, with its children taken from <paramref name="all"/>.</summary>
    internal static UnitResponse ToResponse(Unit unit, IEnumerable<Unit> all) =>
        new(unit.Code, unit.Name, unit.Level, unit.ParentCode, unit.AgencyCode, unit.ValidFrom, unit.ValidTo, unit.SuccessorCode,
            all.Where(c => c.ParentCode == unit.Code).Select(c => c.Code).Order(StringComparer.Ordinal).ToList(), unit.Kind,
            UnitDissolution.FromJson(unit.DissolutionJson));

    public static async Task<Ok<ListResponse<UnitResponse>>> ListUnits(OneStopDbContext db, CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking().OrderBy(u => u.Code).ToListAsync(ct);
        var children = units.Where(u => u.ParentCode is not null).ToLookup(u => u.ParentCode!);
        var items = units.Select(u => new UnitResponse(u.Code, u.Name, u.Level, u.ParentCode, u.AgencyCode, u.ValidFrom, u.ValidTo,
            u.SuccessorCode, children[u.Code].Select(c => c.Code).ToList(), u.Kind, UnitDissolution.FromJson(u.DissolutionJson))).ToList();
        return TypedResults.Ok(new ListResponse<UnitResponse>(items, items.Count, 1, items.Count));
    }

    public static async Task<Results<Ok<UnitResponse>, ProblemHttpResult>> GetUnit(string code, OneStopDbContext db, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == code, ct);
        if (unit is null)
            return Problems.NotFound($"Không tìm thấy đơn vị '{code}'.");
        var children = await db.Units.AsNoTracking().Where(c => c.ParentCode == code).Select(c => c.Code).OrderBy(c => c).ToListAsync(ct);
        return TypedResults.Ok(new UnitResponse(unit.Code, unit.Name, unit.Level, unit.ParentCode, unit.AgencyCode, unit.ValidFrom,
            unit.ValidTo, unit.SuccessorCode, children, unit.Kind, UnitDissolution.FromJson(unit.DissolutionJson)));
    }
}
