using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneStop.Api.Common;
using OneStop.Domain.Definitions;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Api.Features.Definitions;

/// <summary>The answer of <c>validate</c>: errors refuse publishing; warnings (guards that may hold together, say) do not.</summary>
public sealed record ValidationResponse(bool Valid, IReadOnlyList<DefinitionError> Errors, IReadOnlyList<DefinitionError> Warnings);

public sealed record VersionResponse(
    int Version, string State, DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt, DateTimeOffset? RetiredAt, WorkflowDefinition Definition);

public sealed record DefinitionResponse(string Id, string Name, string ProcedureCode, IReadOnlyList<VersionResponse> Versions);

/// <summary>
/// A definition and its latest version. <see cref="PublishedVersion"/> is the version in force today (new dossiers
/// take it); <see cref="NextVersion"/> the one published to take over on <see cref="NextEffectiveFrom"/>.
/// <see cref="NationalCatalogue"/> is what the last national catalogue check said of its procedure code:
/// <c>known</c>, <c>unknown</c> (fix the code before dossiers are refused nationally) or <c>unchecked</c>.
/// </summary>
public sealed record DefinitionSummary(
    string Id, string Name, string Kind, string ProcedureCode, int LatestVersion, string LatestState, int? PublishedVersion,
    int? NextVersion, DateOnly? NextEffectiveFrom, string NationalCatalogue);

public static class DefinitionsEndpoints
{
    public static IEndpointRouteBuilder MapDefinitionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/workflow-definitions").WithTags("Workflow definitions").RequireAuthorization(Policies.Admin);
        group.MapGet("/", List).WithSummary("Các định nghĩa quy trình và phiên bản mới nhất.");
        group.MapPost("/", DefinitionAuthoring.CreateDraft).WithSummary("Tạo bản nháp (phiên bản kế tiếp).");
        group.MapPost("/validate", Validate).WithSummary("Kiểm tra một định nghĩa theo mọi quy tắc công bố.");
        group.MapGet("/{id}", Get).WithSummary("Mọi phiên bản của một định nghĩa và trạng thái của chúng.");
        group.MapPut("/{id}/draft", DefinitionAuthoring.ReplaceDraft).WithSummary("Thay nội dung bản nháp.");
        group.MapPost("/{id}/publish", DefinitionAuthoring.Publish).WithSummary("Công bố bản nháp (sau khi kiểm tra).");
        group.MapPost("/{id}/retire", DefinitionAuthoring.Retire).WithSummary("Ngừng áp dụng: không nhận hồ sơ mới, hồ sơ đang chạy vẫn hoàn thành.");
        group.MapGet("/{id}/versions/{version:int}/diagram", Diagram).WithSummary("Sơ đồ quy trình dạng Mermaid hoặc DOT.");
        group.MapPost("/{id}/migrate", MigrateDossiers.Handle).Validate<MigrateRequest>()
            .WithSummary("Chuyển hồ sơ đang chạy từ một phiên bản sang phiên bản khác theo bảng chuyển bước (stepMap); dryRun chỉ báo trước, không thay đổi gì.");
        group.MapPost("/{id}/simulate", SimulateDraft.Handle).Validate<SimulateRequest>()
            .WithSummary("Chạy thử bản nháp trên N hồ sơ đã kết thúc gần nhất: hồ sơ nào sẽ kết thúc khác, hồ sơ nào sẽ trễ hạn, chờ ở những bước nào.");
        return app;
    }

    public static async Task<Ok<ListResponse<DefinitionSummary>>> List(OneStopDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var versions = await db.DefinitionVersions.AsNoTracking().ToListAsync(ct);
        var checks = await db.NationalCatalogueChecks.AsNoTracking().ToDictionaryAsync(c => c.ProcedureCode, c => c.KnownNationally, ct);
        var today = VietnamTime.Today(clock);
        var items = versions.GroupBy(v => v.DefinitionId).OrderBy(g => g.Key).Select(g =>
        {
            var latest = g.MaxBy(v => v.Version)!;
            var inForce = EffectiveVersions.InForce(g, today);
            var next = EffectiveVersions.Next(g, today);
            var national = checks.TryGetValue(latest.ProcedureCode, out var known) ? known ? "known" : "unknown" : "unchecked";
            return new DefinitionSummary(g.Key, latest.Name, latest.Kind, latest.ProcedureCode, latest.Version, latest.State.ToString(),
                inForce?.Version, next?.Version, next?.EffectiveFrom, national);
        }).ToList();
        return TypedResults.Ok(new ListResponse<DefinitionSummary>(items, items.Count, 1, items.Count));
    }

    public static async Task<Results<Ok<DefinitionResponse>, ProblemHttpResult>> Get(string id, OneStopDbContext db, CancellationToken ct)
    {
        var versions = await db.DefinitionVersions.AsNoTracking().Where(v => v.DefinitionId == id).OrderBy(v => v.Version).ToListAsync(ct);
        if (versions.Count == 0)
            return Problems.NotFound($"Không tìm thấy định nghĩa quy trình '{id}'.");
        var latest = versions[^1];
        return TypedResults.Ok(new DefinitionResponse(id, latest.Name, latest.ProcedureCode, versions.Select(ToResponse).ToList()));
    }

    public static VersionResponse ToResponse(DefinitionVersion v) =>
        new(v.Version, v.State.ToString(), v.CreatedAt.ToVietnam(), v.PublishedAt.ToVietnam(), v.RetiredAt.ToVietnam(), v.Parse());

    public static async Task<Ok<ValidationResponse>> Validate(WorkflowDefinition definition, OneStopDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var report = await DefinitionAuthoring.CheckAsync(definition, db, VietnamTime.Today(clock), ct);
        return TypedResults.Ok(new ValidationResponse(report.Errors.Count == 0, report.Errors, report.Warnings));
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> Diagram(
        string id, int version, string? format, OneStopDbContext db, CancellationToken ct)
    {
        format = (format ?? "mermaid").ToLowerInvariant();
        if (format is not ("mermaid" or "dot"))
            return Problems.Of(StatusCodes.Status400BadRequest, "Yêu cầu không hợp lệ", "format phải là mermaid hoặc dot.", "format");
        var stored = await db.DefinitionVersions.AsNoTracking().FirstOrDefaultAsync(v => v.DefinitionId == id && v.Version == version, ct);
        if (stored is null)
            return Problems.NotFound($"Không tìm thấy phiên bản {version} của '{id}'.");
        var definition = stored.Parse();
        // A package draft draws whatever members it names; its rules need the definitions in force and are checked at publish.
        if (!definition.IsPackage && DefinitionValidator.Validate(definition, _ => true).Count > 0 && stored.State == DefinitionState.Draft)
            return Problems.Unprocessable("Bản nháp chưa hợp lệ nên chưa vẽ được sơ đồ; hãy kiểm tra (validate) trước.");
        return TypedResults.Text(format == "dot" ? DefinitionDiagram.Dot(definition) : DefinitionDiagram.Mermaid(definition),
            format == "dot" ? "text/vnd.graphviz; charset=utf-8" : "text/plain; charset=utf-8");
    }
}
