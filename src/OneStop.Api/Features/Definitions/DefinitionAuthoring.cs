using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneStop.Api.Common;
using OneStop.Domain.Definitions;
using OneStop.Infrastructure.Definitions;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Api.Features.Definitions;

/// <summary>Draft → published → retired (DESIGN §4). A published version is never edited.</summary>
public static class DefinitionAuthoring
{
    public static async Task<IReadOnlyList<DefinitionError>> ValidateAsync(WorkflowDefinition definition, OneStopDbContext db, DateOnly today, CancellationToken ct) =>
        (await CheckAsync(definition, db, today, ct)).Errors;

    /// <summary>Every publish rule, with the units and (for a package's members) the definitions in force on <paramref name="today"/>.</summary>
    public static async Task<DefinitionReport> CheckAsync(WorkflowDefinition definition, OneStopDbContext db, DateOnly today, CancellationToken ct)
    {
        var units = (await db.Units.Select(u => u.Code).ToListAsync(ct)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var procedures = definition.IsPackage ? await DefinitionsInForce.LoadAsync(db, today, ct) : null;
        var report = DefinitionValidator.Check(definition, units.Contains, procedures);
        return report with { Errors = [.. report.Errors, .. DefinitionLengths.Check(definition)] };
    }

    public static async Task<Results<Created<VersionResponse>, ProblemHttpResult>> CreateDraft(
        WorkflowDefinition definition, OneStopDbContext db, TimeProvider clock, CancellationToken ct)
    {
        // A draft may be incomplete, but its id must be one the API can address and the database can store.
        if (DefinitionValidator.Validate(definition, _ => true).FirstOrDefault(e => e.Path == "id") is { } badId)
            return Problems.Unprocessable(badId.Message, "id");
        if (DefinitionLengths.Check(definition).FirstOrDefault(e => e.Path is "id" or "name") is { } tooLong)
            return Problems.Unprocessable(tooLong.Message, tooLong.Path);
        var versions = await db.DefinitionVersions.Where(v => v.DefinitionId == definition.Id).ToListAsync(ct);
        if (versions.Any(v => v.State == DefinitionState.Draft))
            return Problems.Conflict($"'{definition.Id}' đã có bản nháp; hãy sửa bản nháp đó (PUT …/draft) hoặc công bố nó.");
        var next = versions.Count == 0 ? 1 : versions.Max(v => v.Version) + 1;
        var draft = new DefinitionVersion(definition with { Version = next }, clock.GetUtcNow().UtcDateTime);
        db.DefinitionVersions.Add(draft);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another admin created this version between our read and our insert (same id and version key).
            return Problems.Conflict($"'{definition.Id}' vừa được tạo bản nháp bởi người khác; hãy tải lại rồi sửa bản nháp đó.");
        }
        return TypedResults.Created($"/api/workflow-definitions/{draft.DefinitionId}", DefinitionsEndpoints.ToResponse(draft));
    }

    public static async Task<Results<Ok<VersionResponse>, ProblemHttpResult>> ReplaceDraft(
        string id, WorkflowDefinition definition, OneStopDbContext db, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(definition.Id) && definition.Id != id)
            return Problems.Unprocessable($"id trong nội dung ('{definition.Id}') khác id trên đường dẫn ('{id}').", "id");
        var draft = await db.DefinitionVersions.FirstOrDefaultAsync(v => v.DefinitionId == id && v.State == DefinitionState.Draft, ct);
        if (draft is null)
            return await db.DefinitionVersions.AnyAsync(v => v.DefinitionId == id, ct)
                ? Problems.Conflict($"'{id}' không có bản nháp: phiên bản đã công bố là bất biến; hãy tạo bản nháp mới (POST).")
                : Problems.NotFound($"Không tìm thấy định nghĩa quy trình '{id}'.");
        draft.ReplaceDraft(definition);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(DefinitionsEndpoints.ToResponse(draft));
    }

    public static async Task<Results<Ok<VersionResponse>, ProblemHttpResult>> Publish(
        string id, OneStopDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var draft = await db.DefinitionVersions.FirstOrDefaultAsync(v => v.DefinitionId == id && v.State == DefinitionState.Draft, ct);
        if (draft is null)
            return await db.DefinitionVersions.AnyAsync(v => v.DefinitionId == id, ct)
                ? Problems.Conflict($"'{id}' không có bản nháp để công bố.")
                : Problems.NotFound($"Không tìm thấy định nghĩa quy trình '{id}'.");
        var today = VietnamTime.Today(clock);
        var versions = await db.DefinitionVersions.Where(v => v.DefinitionId == id).ToListAsync(ct);
        var errors = (await ValidateAsync(draft.Parse(), db, today, ct)).ToList();
        if (EffectiveVersions.CheckPublish(draft, versions, today) is { } tooEarly)
            errors.Add(tooEarly);
        if (errors.Count > 0)
            return Problems.Of(StatusCodes.Status422UnprocessableEntity, "Định nghĩa chưa hợp lệ",
                $"Không thể công bố: {errors.Count} lỗi.", extensions: new Dictionary<string, object?>
                {
                    ["errors"] = errors.GroupBy(e => e.Path).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                });
        var now = clock.GetUtcNow().UtcDateTime;
        draft.Publish(now);
        // The version now in force supersedes the ones below it (they stop taking dossiers; running ones finish on
        // theirs). A version published ahead of its effectiveFrom supersedes nothing yet: the previous one stays in force.
        foreach (var superseded in EffectiveVersions.Superseded(versions, today))
            superseded.Retire(now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(DefinitionsEndpoints.ToResponse(draft));
    }

    /// <summary>Retires every published version: no new dossiers; running ones finish on their version.</summary>
    public static async Task<Results<Ok<ListResponse<VersionResponse>>, ProblemHttpResult>> Retire(
        string id, OneStopDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var published = await db.DefinitionVersions.Where(v => v.DefinitionId == id && v.State == DefinitionState.Published).ToListAsync(ct);
        if (published.Count == 0)
            return await db.DefinitionVersions.AnyAsync(v => v.DefinitionId == id, ct)
                ? Problems.Conflict($"'{id}' không có phiên bản đang áp dụng.")
                : Problems.NotFound($"Không tìm thấy định nghĩa quy trình '{id}'.");
        var now = clock.GetUtcNow().UtcDateTime;
        published.ForEach(v => v.Retire(now));
        await db.SaveChangesAsync(ct);
        var items = published.Select(DefinitionsEndpoints.ToResponse).ToList();
        return TypedResults.Ok(new ListResponse<VersionResponse>(items, items.Count, 1, items.Count));
    }
}
