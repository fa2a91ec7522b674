using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneStop.Api.Common;
using OneStop.Domain.Definitions;
using OneStop.Infrastructure.Definitions;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Api.Features.Procedures;

/// <summary>A member of a package as the catalogue shows it (DESIGN §4.2).</summary>
public sealed record ProcedureMember(string ProcedureId, string Name, string Level, IReadOnlyList<string> After, IReadOnlyDictionary<string, string> PapersFrom);

/// <summary>
/// A procedure, or a package (<see cref="Kind"/> <c>package</c>, with its <see cref="Members"/>), in the version in
/// force today (DESIGN §4.1 <c>effectiveFrom</c>).
/// </summary>
public sealed record ProcedureSummary(
    string Id, int Version, string Name, string ProcedureCode, string Level, string OnlineLevel, string? Field,
    string Kind = DefinitionKinds.Procedure, IReadOnlyList<ProcedureMember>? Members = null);

/// <summary>
/// A paper: <see cref="Required"/> always, or only when <see cref="RequiredWhen"/> (a guard over the form) holds;
/// <see cref="ProvenBy"/> names the national database that proves it instead (DESIGN §14).
/// </summary>
public sealed record ProcedureDocument(string Code, string Name, bool Required, bool Reusable, string? RequiredWhen, string? ProvenBy = null);

public sealed record ProcedureDetail(
    string Id, int Version, string Name, string ProcedureCode, string Level, string OnlineLevel, string? Field,
    IReadOnlyList<ProcedureDocument> Documents, Fee? Fee, Duration? ProcessingTime, ResultSpec? Result, IReadOnlyList<ResultSpec> Results,
    IReadOnlyList<FormField> Form, IReadOnlyList<string> Steps, bool AnyPoint = false, IReadOnlyList<string>? LegalBasis = null,
    int? VneidLevel = null);

/// <summary>A paper the applicant gives for a package, and the members that take it.</summary>
public sealed record PackageDocument(string Code, string Name, bool Required, bool Reusable, string? RequiredWhen, IReadOnlyList<string> ForProcedures);

/// <summary>
/// What an applicant needs for a package: the papers they give — every member's papers less those an earlier member's
/// result supplies (<see cref="SuppliedPapers"/>) — the members' forms, and each member.
/// </summary>
public sealed record PackageDetail(
    string Id, int Version, string Kind, string Name, string ProcedureCode, string Level, string OnlineLevel, string? Field,
    IReadOnlyList<PackageDocument> Documents, IReadOnlyList<PackageDocument> SuppliedPapers, IReadOnlyList<FormField> Form,
    IReadOnlyList<ProcedureMember> Members, Duration? ProcessingTime);

public static class ProceduresEndpoints
{
    public static IEndpointRouteBuilder MapProceduresApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/procedures").WithTags("Procedures").AllowAnonymous();
        group.MapGet("/", List).WithSummary("Các thủ tục và gói liên thông đang tiếp nhận hồ sơ (phiên bản có hiệu lực hôm nay).");
        group.MapGet("/{id}", Get).WithSummary("Những gì người nộp cần biết: giấy tờ, phí, thời hạn, các bước; với gói liên thông: các thủ tục thành phần và giấy tờ phải nộp.");
        return app;
    }

    /// <summary>With <paramref name="online"/> true, only what a citizen can submit online (onlineLevel full or partial); false, the rest.</summary>
    public static async Task<Ok<ListResponse<ProcedureSummary>>> List(OneStopDbContext db, TimeProvider clock, string? level, bool? online, CancellationToken ct)
    {
        var published = await db.DefinitionVersions.AsNoTracking().Where(d => d.State == DefinitionState.Published).ToListAsync(ct);
        var today = VietnamTime.Today(clock);
        var inForce = published.GroupBy(d => d.DefinitionId).Select(g => EffectiveVersions.InForce(g, today)).OfType<DefinitionVersion>().ToList();
        var definitions = inForce.ToDictionary(d => d.DefinitionId, d => d.Parse());
        var items = inForce
            .Where(d => level is null || d.Level == level)
            .Where(d => online is null || IsOnline(d.OnlineLevel) == online)
            .OrderBy(d => d.Level).ThenBy(d => d.Name)
            .Select(d => definitions[d.DefinitionId] is var definition && definition.IsPackage
                ? new ProcedureSummary(d.DefinitionId, d.Version, d.Name, d.ProcedureCode, d.Level, d.OnlineLevel, definition.Field,
                    DefinitionKinds.Package, Members(definition, definitions.GetValueOrDefault))
                : new ProcedureSummary(d.DefinitionId, d.Version, d.Name, d.ProcedureCode, d.Level, d.OnlineLevel, definition.Field))
            .ToList();
        return TypedResults.Ok(new ListResponse<ProcedureSummary>(items, items.Count, 1, items.Count));
    }

    private static bool IsOnline(string onlineLevel) => onlineLevel is "full" or "partial";

    public static async Task<Results<Ok<ProcedureDetail>, Ok<PackageDetail>, ProblemHttpResult>> Get(
        string id, OneStopDbContext db, DefinitionCatalog catalog, TimeProvider clock, CancellationToken ct)
    {
        var version = await catalog.GetInForceAsync(db, id, ct);
        if (version is null)
            return Problems.NotFound($"Không tìm thấy thủ tục '{id}' đang tiếp nhận hồ sơ.");
        if (version.Kind == DefinitionKinds.Package)
            return TypedResults.Ok(PackageOf(version.Parse(), await DefinitionsInForce.LoadAsync(db, VietnamTime.Today(clock), ct)));
        var engine = (await catalog.GetAsync(db, id, version.Version, ct))!;
        var d = engine.Definition;
        return TypedResults.Ok(new ProcedureDetail(d.Id, d.Version, d.Name, d.ProcedureCode, d.Level, d.OnlineLevel, d.Field,
            d.Documents.Select(x => new ProcedureDocument(x.Code, x.Name, x.Required.Always, x.Reusable, x.Required.When, x.ProvenBy)).ToList(),
            d.Fee, d.ProcessingTime, d.Result ?? d.AllResults.FirstOrDefault(), d.AllResults, d.Form ?? [], d.Steps.Select(s => s.Name).ToList(),
            d.AnyPoint == true, d.LegalBasis ?? [], d.VneidLevel));
    }

    private static IReadOnlyList<ProcedureMember> Members(WorkflowDefinition package, Func<string, WorkflowDefinition?> procedure) =>
        (package.Members ?? []).Select(m => procedure(m.ProcedureId) is { } member
            ? new ProcedureMember(m.ProcedureId, member.Name, member.Level, m.Predecessors, m.SuppliedPapers)
            : new ProcedureMember(m.ProcedureId, m.ProcedureId, "", m.Predecessors, m.SuppliedPapers)).ToList();

    /// <summary>The papers the applicant gives are the members' papers less those <c>papersFrom</c> supplies (DESIGN §4.2).</summary>
    private static PackageDetail PackageOf(WorkflowDefinition package, Func<string, WorkflowDefinition?> procedure)
    {
        var given = new List<PackageDocument>();
        var supplied = new List<PackageDocument>();
        var form = new List<FormField>();
        foreach (var member in package.Members ?? [])
        {
            if (procedure(member.ProcedureId) is not { } definition)
                continue;
            foreach (var paper in definition.Documents)
            {
                var list = member.SuppliedPapers.ContainsKey(paper.Code) ? supplied : given;
                var index = list.FindIndex(p => p.Code == paper.Code);
                if (index < 0)
                    list.Add(new PackageDocument(paper.Code, paper.Name, paper.Required.Always, paper.Reusable, paper.Required.When, [member.ProcedureId]));
                else
                    list[index] = list[index] with
                    {
                        Required = list[index].Required || paper.Required.Always,
                        ForProcedures = [.. list[index].ForProcedures, member.ProcedureId],
                    };
            }
            form.AddRange((definition.Form ?? []).Where(f => form.All(x => x.Key != f.Key)));
        }
        return new PackageDetail(package.Id, package.Version, DefinitionKinds.Package, package.Name, package.ProcedureCode, package.Level,
            package.OnlineLevel, package.Field, given, supplied, form, Members(package, procedure), package.ProcessingTime);
    }
}
