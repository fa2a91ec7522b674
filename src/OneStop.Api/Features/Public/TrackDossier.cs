using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneStop.Api.Common;
using OneStop.Api.Features.Packages;
using OneStop.Domain.Dossiers;
using OneStop.Domain.Packages;
using OneStop.Infrastructure.Definitions;
using OneStop.Infrastructure.Dossiers;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Api.Features.Public;

public sealed record PublicHistoryEvent(DateTimeOffset At, string Action, string ToStatus, string? StepName, string? UnitName);

/// <summary>
/// A dossier as anyone holding its code and tracking secret may see it: no applicant, papers, secret,
/// officers or comments (a comment may name people or their circumstances).
/// </summary>
public sealed record PublicDossierResponse(
    string Code,
    string ProcedureName,
    string Status,
    int StatusCode,
    string CurrentStepName,
    string ReceivingUnitName,
    DateTimeOffset? DueDate,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? ReceivedAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? ReturnedAt,
    IReadOnlyList<PublicHistoryEvent> History);

/// <summary>One member of a tracked package: what any holder of the package's code and secret may see of it.</summary>
public sealed record PublicPackageMember(
    string ProcedureName, string? Code, string Status, int? StatusCode, string? CurrentStepName, string UnitName, DateTimeOffset? DueDate,
    DateTimeOffset? SubmittedAt, DateTimeOffset? ResolvedAt, DateTimeOffset? ReturnedAt, IReadOnlyList<string> WaitingFor, string? CancelReason);

/// <summary>A tracked package (hồ sơ liên thông): its derived status and every member's (DESIGN §4.2).</summary>
public sealed record PublicPackageResponse(
    string Code, string Kind, string ProcedureName, string Status, int StatusCode, string ReceivingUnitName, DateTimeOffset SubmittedAt,
    IReadOnlyList<PublicPackageMember> Members);

public static class TrackDossier
{
    /// <summary>One answer for an unknown code, a wrong secret and a missing one, so codes cannot be probed.</summary>
    public const string NotFoundDetail = "Không tìm thấy hồ sơ với mã hồ sơ và mã tra cứu đã nhập. Hãy kiểm tra lại giấy tiếp nhận.";

    // Compared against when the code is unknown, so both refusals do the same work.
    private static readonly byte[] Decoy = RandomNumberGenerator.GetBytes(16);

    public static async Task<Results<Ok<PublicDossierResponse>, Ok<PublicPackageResponse>, ProblemHttpResult>> Handle(
        string code, string? secret, HttpContext http, OneStopDbContext db, DefinitionCatalog catalog, DossierContextFactory contexts,
        CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        var stored = await db.Dossiers.AsNoTracking().Where(d => d.Code == code)
            .Select(d => new { d.Id, d.TrackingSecret }).FirstOrDefaultAsync(ct)
            ?? await db.DossierPackages.AsNoTracking().Where(p => p.Code == code)
                .Select(p => new { p.Id, p.TrackingSecret }).FirstOrDefaultAsync(ct);
        var expected = stored is null ? Decoy : Encoding.UTF8.GetBytes(stored.TrackingSecret);
        var given = Encoding.UTF8.GetBytes(secret ?? "");
        if (!CryptographicOperations.FixedTimeEquals(expected, given) || stored is null || string.IsNullOrEmpty(secret))
            return Problems.NotFound(NotFoundDetail);
        if (await db.DossierPackages.AsNoTracking().FirstOrDefaultAsync(p => p.Id == stored.Id, ct) is { } package)
            return TypedResults.Ok(await PackageAsync(package, db, catalog, contexts, ct));

        var dossier = await db.Dossiers.AsNoTracking().Include(d => d.Events).FirstAsync(d => d.Id == stored.Id, ct);
        var definition = (await catalog.GetPinnedAsync(db, dossier, ct)).Definition;
        var units = await contexts.LoadUnitsAsync(ct);
        string? StepName(string? id) => id is null ? null : definition.FindStep(id)?.Name ?? id;
        // History names the unit as it was then (DESIGN §3): merged units keep their rows and names.
        string? UnitName(string? unitCode) => unitCode is null ? null : units.Find(unitCode)?.Name ?? unitCode;

        var history = dossier.Events.OrderBy(e => e.Sequence)
            .Select(e => new PublicHistoryEvent(e.At.ToVietnam(), e.Action, e.ToStatus.ToString(), StepName(e.ToStep), UnitName(e.UnitCode ?? e.ToUnitCode)))
            .ToList();
        return TypedResults.Ok(new PublicDossierResponse(
            dossier.Code, definition.Name, dossier.Status.ToString(), (int)dossier.Status,
            StepName(dossier.CurrentStepId)!, UnitName(dossier.ReceivingUnitCode)!,
            dossier.DueDate.ToVietnam(), dossier.SubmittedAt.ToVietnam(), dossier.ReceivedAt.ToVietnam(),
            dossier.ResolvedAt.ToVietnam(), dossier.ReturnedAt.ToVietnam(), history));
    }

    /// <summary>The package and its members, read as the system (no caller's actions), with nothing personal in it.</summary>
    private static async Task<PublicPackageResponse> PackageAsync(
        DossierPackage package, OneStopDbContext db, DefinitionCatalog catalog, DossierContextFactory contexts, CancellationToken ct)
    {
        var read = await PackageReads.ResponseAsync(package, Actor.System, db, catalog, contexts, showSecret: false, ct);
        var units = await contexts.LoadUnitsAsync(ct);
        string UnitName(string unitCode) => units.Find(unitCode)?.Name ?? unitCode;
        var names = read.Members.ToDictionary(m => m.ProcedureId, m => m.ProcedureName);
        return new PublicPackageResponse(read.Code, read.Kind, read.ProcedureName, read.Status, read.StatusCode, UnitName(read.ReceivingUnitCode),
            read.SubmittedAt,
            read.Members.Select(m => new PublicPackageMember(m.ProcedureName, m.Code, m.Status, m.StatusCode, m.CurrentStep?.Name,
                UnitName(m.CurrentUnitCode ?? m.UnitCode), m.DueDate, m.SubmittedAt, m.ResolvedAt, m.ReturnedAt,
                m.WaitingFor.Select(w => names.GetValueOrDefault(w, w)).ToList(), m.CancelReason)).ToList());
    }
}
