using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneStop.Api.Common;
using OneStop.Domain.Definitions;
using OneStop.Domain.Identifiers;
using OneStop.Infrastructure.Definitions;
using OneStop.Infrastructure.NationalServices;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Api.Features.Lookups;

/// <summary>
/// What a national database says about an applicant, for the officer in front of them. <see cref="LookupId"/> names
/// this look-up in a submission (<c>lookupId</c>), so the papers <see cref="ProvesPapers"/> lists (for the procedure
/// asked about) are taken from the database instead of asked for.
/// </summary>
public sealed record LookupResponse(
    Guid LookupId, string Database, string IdNumber, string FullName, string? Address, string? DateOfBirth, string? Gender, string? Hometown,
    string? CurrentAddress, string? Representative, string? BusinessType, string? Status, string? RegisteredOn, DateTimeOffset LookedUpAt,
    IReadOnlyList<string>? ProvesPapers);

/// <summary>
/// <c>GET /api/lookups/citizens/{idNumber}?purpose=</c> and <c>/businesses/{taxCode}?purpose=</c> (DESIGN §14), for
/// officers. The purpose is required (400 without it); every look-up — found, unknown (404) or unanswered (503) — is
/// logged with who asked, from which unit, why and when (<c>GET /api/admin/lookups</c>). When the national side is
/// down or slow the answer says so at once and reception goes on with papers.
/// </summary>
public static class LookupsEndpoints
{
    public static IEndpointRouteBuilder MapLookupsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/lookups").WithTags("National look-ups").RequireAuthorization(Policies.Officer);
        group.MapGet("/citizens/{idNumber}", Citizen)
            .WithSummary("Tra cứu công dân trong CSDLQG về dân cư (purpose bắt buộc; procedureId để biết giấy tờ nào được lấy từ CSDL).");
        group.MapGet("/businesses/{taxCode}", Business)
            .WithSummary("Tra cứu doanh nghiệp trong CSDLQG về đăng ký doanh nghiệp (purpose bắt buộc).");
        app.MapGet("/api/admin/lookups", ListLookups).WithTags("Admin").RequireAuthorization(Policies.Admin)
            .WithSummary("Nhật ký tra cứu CSDL quốc gia: ai, đơn vị nào, tra cứu ai, vì sao, khi nào, kết quả.");
        return app;
    }

    public static Task<Results<Ok<LookupResponse>, ProblemHttpResult>> Citizen(string idNumber, string? purpose, string? procedureId,
        HttpContext http, ClaimsPrincipal user, OneStopDbContext db, INationalRegistry registry, DefinitionCatalog catalog, TimeProvider clock, CancellationToken ct)
    {
        var check = PersonalId.Validate(idNumber.Trim());
        return LookUpAsync(LookupKinds.Citizen, idNumber.Trim(), check.IsValid ? null : check.Error, purpose, procedureId, "CSDLQG về dân cư",
            (caller, token) => registry.FindCitizenAsync(idNumber.Trim(), caller, token), http, user, db, catalog, clock, ct);
    }

    public static Task<Results<Ok<LookupResponse>, ProblemHttpResult>> Business(string taxCode, string? purpose, string? procedureId,
        HttpContext http, ClaimsPrincipal user, OneStopDbContext db, INationalRegistry registry, DefinitionCatalog catalog, TimeProvider clock, CancellationToken ct)
    {
        var check = TaxCode.Validate(taxCode.Trim());
        return LookUpAsync(LookupKinds.Business, taxCode.Trim(), check.IsValid ? null : check.Error, purpose, procedureId, "CSDLQG về đăng ký doanh nghiệp",
            (caller, token) => registry.FindBusinessAsync(taxCode.Trim(), caller, token), http, user, db, catalog, clock, ct);
    }

    private static async Task<Results<Ok<LookupResponse>, ProblemHttpResult>> LookUpAsync(
        string kind, string subject, string? invalid, string? purpose, string? procedureId, string database,
        Func<LookupCaller, CancellationToken, Task<RegistryAnswer>> ask,
        HttpContext http, ClaimsPrincipal user, OneStopDbContext db, DefinitionCatalog catalog, TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(purpose))
            return Problems.Of(StatusCodes.Status400BadRequest, "Thiếu mục đích tra cứu",
                "Phải nêu mục đích tra cứu (purpose), ví dụ \"tiep-nhan-ho-so\": mọi lần khai thác dữ liệu cá nhân đều được ghi nhật ký kèm mục đích.", "purpose");
        if (purpose.Trim().Length > StoredLengths.AuditDetail)
            return Problems.Unprocessable($"Mục đích tra cứu (purpose) dài tối đa {StoredLengths.AuditDetail} ký tự.", "purpose");
        var field = kind == LookupKinds.Citizen ? "idNumber" : "taxCode";
        if (invalid is not null)
            return Problems.Unprocessable(invalid, field);
        var definition = string.IsNullOrWhiteSpace(procedureId) ? null : (await catalog.GetCurrentAsync(db, procedureId.Trim(), ct))?.Definition;
        if (!string.IsNullOrWhiteSpace(procedureId) && definition is null)
            return Problems.Unprocessable($"Thủ tục '{procedureId}' không tồn tại hoặc không còn tiếp nhận hồ sơ.", "procedureId");

        var actor = user.ToActor();
        // Officers at a unit only: administrators manage the system, they do not read people (as with repositories).
        if (!actor.IsOfficer)
            return Problems.Of(StatusCodes.Status403Forbidden, "Không có quyền",
                "Chỉ cán bộ tiếp nhận, giải quyết hồ sơ tại đơn vị mới tra cứu CSDL quốc gia; quản trị viên không tra cứu dữ liệu cá nhân.");
        var answer = await ask(new LookupCaller(actor.UserName, purpose.Trim()), ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var lookup = new NationalLookup
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()), At = now, Actor = actor.UserName, UnitCode = actor.UnitCode, Kind = kind, SubjectId = subject,
            Purpose = purpose.Trim(), Outcome = answer.Outcome, Record = answer.Record is null ? null : JsonSerializer.Serialize(answer.Record),
            ClientAddress = http.Connection.RemoteIpAddress?.ToString(),
        };
        db.NationalLookups.Add(lookup);
        await db.SaveChangesAsync(ct);

        if (answer.Outcome == LookupOutcomes.NotFound)
            return Problems.NotFound($"Không có {(kind == LookupKinds.Citizen ? "công dân có số định danh" : "doanh nghiệp có mã số thuế")} {subject} trong {database}.");
        if (answer.Record is not { } record)
        {
            http.Response.Headers.RetryAfter = "60";
            var papers = definition?.Documents.Where(d => d.ProvenBy is not null).Select(d => $"{d.Code} ({d.Name})").ToList() ?? [];
            return Problems.Of(StatusCodes.Status503ServiceUnavailable, "CSDL quốc gia tạm thời không trả lời",
                $"{database} tạm thời không trả lời: {answer.Problem} Việc tiếp nhận vẫn tiếp tục: hãy nhập thông tin người nộp theo giấy tờ " +
                (papers.Count > 0 ? $"và nhận bản giấy {string.Join("; ", papers)}." : "họ xuất trình."));
        }
        var provenBy = kind == LookupKinds.Citizen ? NationalDatabases.Population : NationalDatabases.Business;
        return TypedResults.Ok(new LookupResponse(lookup.Id, provenBy, record.IdNumber, record.FullName, record.Address, record.DateOfBirth, record.Gender,
            record.Hometown, record.CurrentAddress, record.Representative, record.BusinessType, record.Status, record.RegisteredOn, now.ToVietnam(),
            definition?.Documents.Where(d => d.ProvenBy == provenBy).Select(d => d.Code).ToList()));
    }

    public sealed record LookupLogEntry(Guid Id, DateTimeOffset At, string Actor, string? UnitCode, string Kind, string SubjectId, string Purpose,
        string Outcome, string? ClientAddress);

    public static async Task<Ok<ListResponse<LookupLogEntry>>> ListLookups(OneStopDbContext db, string? subject, string? actor, int? page, int? pageSize, CancellationToken ct)
    {
        var paging = Paging.From(page, pageSize);
        var query = db.NationalLookups.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(subject))
            query = query.Where(l => l.SubjectId == subject.Trim());
        if (!string.IsNullOrWhiteSpace(actor))
            query = query.Where(l => l.Actor == actor.Trim());
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(l => l.At).ThenByDescending(l => l.Id).Skip(paging.Skip).Take(paging.PageSize)
            .Select(l => new { l.Id, l.At, l.Actor, l.UnitCode, l.Kind, l.SubjectId, l.Purpose, l.Outcome, l.ClientAddress }).ToListAsync(ct);
        return TypedResults.Ok(new ListResponse<LookupLogEntry>(
            rows.Select(l => new LookupLogEntry(l.Id, l.At.ToVietnam(), l.Actor, l.UnitCode, l.Kind, l.SubjectId, l.Purpose, l.Outcome, l.ClientAddress)).ToList(),
            total, paging.Page, paging.PageSize));
    }
}
