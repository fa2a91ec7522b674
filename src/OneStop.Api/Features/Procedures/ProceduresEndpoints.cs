using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneStop.Api.Common;
using OneStop.Domain.Definitions;
using OneStop.Infrastructure.Definitions;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Api.Features.Procedures;

public sealed record ProcedureSummary(string Id, int Version, string Name, string ProcedureCode, string Level, string OnlineLevel, string? Field);

/// <summary>
/// A paper: <see cref="Required"/> always, or only when <see cref="RequiredWhen"/> (a guard over the form) holds;
/// <see cref="ProvenBy"/> names the national database that proves it instead (DESIGN §14).
/// </summary>
public sealed record ProcedureDocument(string Code, string Name, bool Required, bool Reusable, string? RequiredWhen, string? ProvenBy = null);

public sealed record ProcedureDetail(
    string Id, int Version, string Name, string ProcedureCode, string Level, string OnlineLevel, string? Field,
    IReadOnlyList<ProcedureDocument> Documents, Fee? Fee, Duration? ProcessingTime, ResultSpec? Result, IReadOnlyList<ResultSpec> Results,
    IReadOnlyList<FormField> Form, IReadOnlyList<string> Steps, int? VneidLevel = null);

public static class ProceduresEndpoints
{
    public static IEndpointRouteBuilder MapProceduresApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/procedures").WithTags("Procedures").AllowAnonymous();
        group.MapGet("/", List).WithSummary("Các thủ tục đang tiếp nhận hồ sơ (phiên bản công bố mới nhất).");
        group.MapGet("/{id}", Get).WithSummary("Những gì người nộp cần biết: giấy tờ, phí, thời hạn, các bước.");
        return app;
    }

    /// <summary>With <paramref name="online"/> true, only what a citizen can submit online (onlineLevel full or partial); false, the rest.</summary>
    public static async Task<Ok<ListResponse<ProcedureSummary>>> List(OneStopDbContext db, string? level, bool? online, CancellationToken ct)
    {
        var published = await db.DefinitionVersions.AsNoTracking().Where(d => d.State == DefinitionState.Published).ToListAsync(ct);
        var items = published.GroupBy(d => d.DefinitionId)
            .Select(g => g.MaxBy(d => d.Version)!)
            .Where(d => level is null || d.Level == level)
            .Where(d => online is null || IsOnline(d.OnlineLevel) == online)
            .OrderBy(d => d.Level).ThenBy(d => d.Name)
            .Select(d => new ProcedureSummary(d.DefinitionId, d.Version, d.Name, d.ProcedureCode, d.Level, d.OnlineLevel, d.Parse().Field))
            .ToList();
        return TypedResults.Ok(new ListResponse<ProcedureSummary>(items, items.Count, 1, items.Count));
    }

    private static bool IsOnline(string onlineLevel) => onlineLevel is "full" or "partial";

    public static async Task<Results<Ok<ProcedureDetail>, ProblemHttpResult>> Get(string id, OneStopDbContext db, DefinitionCatalog catalog, CancellationToken ct)
    {
        var engine = await catalog.GetCurrentAsync(db, id, ct);
        if (engine is null)
            return Problems.NotFound($"Không tìm thấy thủ tục '{id}' đang tiếp nhận hồ sơ.");
        var d = engine.Definition;
        return TypedResults.Ok(new ProcedureDetail(d.Id, d.Version, d.Name, d.ProcedureCode, d.Level, d.OnlineLevel, d.Field,
            d.Documents.Select(x => new ProcedureDocument(x.Code, x.Name, x.Required.Always, x.Reusable, x.Required.When, x.ProvenBy)).ToList(),
            d.Fee, d.ProcessingTime, d.Result ?? d.AllResults.FirstOrDefault(), d.AllResults, d.Form ?? [], d.Steps.Select(s => s.Name).ToList(),
            d.VneidLevel));
    }
}
