using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneStop.Api.Common;
using OneStop.Domain.Definitions;
using OneStop.Domain.Dossiers;
using OneStop.Infrastructure.Definitions;
using OneStop.Infrastructure.Dossiers;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Api.Features.Definitions;

/// <summary><c>POST /api/workflow-definitions/{id}/migrate</c> (DESIGN §4.3).</summary>
public sealed record MigrateRequest(int? FromVersion, int? ToVersion, IReadOnlyDictionary<string, string>? StepMap, bool DryRun = false);

public sealed class MigrateRequestValidator : AbstractValidator<MigrateRequest>
{
    public MigrateRequestValidator()
    {
        RuleFor(r => r.FromVersion).NotNull().WithMessage("Phải nêu phiên bản hồ sơ đang chạy (fromVersion).")
            .GreaterThan(0).WithMessage("fromVersion phải từ 1 trở lên.");
        RuleFor(r => r.ToVersion).NotNull().WithMessage("Phải nêu phiên bản đích (toVersion).")
            .GreaterThan(0).WithMessage("toVersion phải từ 1 trở lên.");
        RuleFor(r => r.StepMap).NotNull().WithMessage("Phải nêu bảng chuyển bước (stepMap): { \"bước cũ\": \"bước mới\" }.");
    }
}

public sealed record MovedDossier(string Code, string Status, string FromStep, string ToStep);

public sealed record UnmovedDossier(string Code, string Status, string Step, string Reason);

/// <summary>What a migration did — or, with <see cref="DryRun"/>, would do: the dossiers moved and those that stay, with why.</summary>
public sealed record MigrationResponse(
    string DefinitionId, int FromVersion, int ToVersion, bool DryRun, int Running, IReadOnlyList<MovedDossier> Moved, IReadOnlyList<UnmovedDossier> NotMoved);

/// <summary>
/// Lets a test hold a migration between reading the dossiers and saving them, to show that when two runs read the
/// same state the database refuses the second one's save. Production leaves it empty.
/// </summary>
public sealed class MigrationHooks
{
    public Func<CancellationToken, Task>? BeforeSave { get; set; }
}

/// <summary>
/// Moves the running dossiers of one published version to another (DESIGN §4.3): each whose current step the step map
/// names moves there (one <c>migrate</c> event by <c>system</c>, due dates kept, what is in flight carried along); the
/// others stay on their version, listed with why. A dry run answers the same list and changes nothing. Two runs of the
/// same migration at once: both bump the source version's revision (a concurrency token), so the database accepts
/// only the first save and the second is answered 409 with nothing of it applied.
/// </summary>
public static class MigrateDossiers
{
    public static async Task<Results<Ok<MigrationResponse>, ProblemHttpResult>> Handle(
        string id, MigrateRequest request, OneStopDbContext db, DefinitionCatalog catalog, DossierContextFactory contexts,
        MigrationHooks hooks, TimeProvider clock, CancellationToken ct)
    {
        var versions = await db.DefinitionVersions.Where(v => v.DefinitionId == id).ToListAsync(ct);
        if (versions.Count == 0)
            return Problems.NotFound($"Không tìm thấy định nghĩa quy trình '{id}'.");
        var (fromVersion, toVersion) = (request.FromVersion!.Value, request.ToVersion!.Value);
        var from = versions.FirstOrDefault(v => v.Version == fromVersion);
        var to = versions.FirstOrDefault(v => v.Version == toVersion);
        if (from is null || from.State == DefinitionState.Draft)
            return Problems.Unprocessable(from is null
                ? $"'{id}' không có phiên bản {fromVersion}; các phiên bản: {string.Join(", ", versions.Select(v => v.Version))}."
                : $"Phiên bản {fromVersion} là bản nháp: chưa có hồ sơ nào chạy trên nó.", "fromVersion");
        if (from.Kind == DefinitionKinds.Package)
            return Problems.Unprocessable($"'{id}' là gói liên thông: hồ sơ chạy trên các thủ tục thành phần; hãy chuyển phiên bản từng thủ tục.", "fromVersion");
        if (to is null || to.State != DefinitionState.Published)
            return Problems.Unprocessable(to is null
                ? $"'{id}' không có phiên bản {toVersion}; các phiên bản: {string.Join(", ", versions.Select(v => v.Version))}."
                : to.State == DefinitionState.Draft
                    ? $"Phiên bản {toVersion} chưa công bố (đang là bản nháp); chỉ chuyển hồ sơ sang phiên bản đã công bố."
                    : $"Phiên bản {toVersion} đã ngừng áp dụng; chỉ chuyển hồ sơ sang phiên bản đang công bố.", "toVersion");
        if (toVersion == fromVersion)
            return Problems.Unprocessable("Phiên bản đích phải khác phiên bản hồ sơ đang chạy.", "toVersion");

        var source = (await catalog.GetAsync(db, id, fromVersion, ct))!;
        var target = (await catalog.GetAsync(db, id, toVersion, ct))!;
        var mapErrors = StepMap.Check(source, target, request.StepMap);
        if (mapErrors.Count > 0)
            return Problems.Of(StatusCodes.Status422UnprocessableEntity, "Bảng chuyển bước không hợp lệ", string.Join(" ", mapErrors.Select(e => e.Message)),
                extensions: new Dictionary<string, object?> { ["errors"] = mapErrors.GroupBy(e => e.Path).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()) });

        var running = Enum.GetValues<DossierStatus>().Where(s => s.IsOpen()).ToList();
        var query = db.Dossiers.Where(d => d.ProcedureId == id && d.DefinitionVersion == fromVersion && running.Contains(d.Status))
            .Include(d => d.Events).Include(d => d.Pauses).Include(d => d.Consultations).Include(d => d.Timers).AsSplitQuery()
            .OrderBy(d => d.Code);
        var dossiers = request.DryRun ? await query.AsNoTracking().ToListAsync(ct) : await query.ToListAsync(ct);

        var context = await contexts.CreateAsync(target, Actor.System, ct);
        var moved = new List<MovedDossier>();
        var notMoved = new List<UnmovedDossier>();
        foreach (var dossier in dossiers)
        {
            var step = dossier.CurrentStepId;
            if (!request.StepMap!.TryGetValue(step, out var newStep))
            {
                notMoved.Add(new UnmovedDossier(dossier.Code, dossier.Status.ToString(), step,
                    $"Bước hiện tại '{step}' không có trong bảng chuyển bước (stepMap), nên hồ sơ ở lại phiên bản {fromVersion}."));
                continue;
            }
            if (dossier.WhyNotMigratable(target, newStep) is { } why)
            {
                notMoved.Add(new UnmovedDossier(dossier.Code, dossier.Status.ToString(), step, why));
                continue;
            }
            if (!request.DryRun)
                dossier.Migrate(newStep, context);
            moved.Add(new MovedDossier(dossier.Code, dossier.Status.ToString(), step, newStep));
        }
        var response = new MigrationResponse(id, fromVersion, toVersion, request.DryRun, dossiers.Count, moved, notMoved);
        if (request.DryRun)
            return TypedResults.Ok(response);

        from.RecordMigration(clock.GetUtcNow().UtcDateTime);
        if (hooks.BeforeSave is { } hold)
            await hold(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrency token that moved, or an event number another writer took first: either way someone else saved first.
            return Problems.Conflict($"Một lần chuyển phiên bản khác của '{id}' (hoặc một thao tác trên các hồ sơ này) vừa được lưu cùng lúc; " +
                "lần này không thay đổi gì. Hãy xem lại (dryRun) rồi chạy lại nếu còn hồ sơ cần chuyển.");
        }
        return TypedResults.Ok(response);
    }
}
