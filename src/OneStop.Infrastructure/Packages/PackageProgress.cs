using Microsoft.EntityFrameworkCore;
using OneStop.Domain.Calendar;
using OneStop.Domain.Codes;
using OneStop.Domain.Documents;
using OneStop.Domain.Dossiers;
using OneStop.Domain.Packages;
using OneStop.Infrastructure.Definitions;
using OneStop.Infrastructure.Dossiers;
using OneStop.Infrastructure.Persistence;
using OneStop.Infrastructure.Units;

namespace OneStop.Infrastructure.Packages;

/// <summary>
/// Carries out what a package (DESIGN §4.2) decides: starting a member — its dossier created at its competent unit,
/// with the applicant's papers for it and, by reference, the results of the members it waited for (each recorded as a
/// reuse) — and, after a member acted, starting those now ready or cancelling those that never will be. Runs inside
/// the caller's transaction; the caller saves.
/// </summary>
public sealed class PackageProgress(OneStopDbContext db, DefinitionCatalog catalog, DossierContextFactory contexts, TimeProvider clock)
{
    /// <summary>
    /// After <paramref name="member"/> acted and was saved (its results issued): a member resolved lets the members
    /// waiting for it start, by the system; a member refused or stopped cancels the members waiting for it.
    /// </summary>
    public async Task FollowAsync(Dossier member, CancellationToken ct)
    {
        if (member.PackageCode is null)
            return;
        var package = await db.DossierPackages.FirstAsync(p => p.Code == member.PackageCode, ct);
        if (member.Status is DossierStatus.NotAccepted or DossierStatus.Stopped)
        {
            var name = (await catalog.GetPinnedAsync(db, member, ct)).Name;
            package.CancelWaitingOn(member.ProcedureId, name, member.Status, clock.GetUtcNow().UtcDateTime);
        }
        else if (member.Status == DossierStatus.Resolved)
            await StartReadyAsync(package, Actor.System, ct);
    }

    /// <summary>Starts every waiting member whose predecessors all have a result; returns the dossiers created.</summary>
    public async Task<IReadOnlyList<Dossier>> StartReadyAsync(DossierPackage package, Actor actor, CancellationToken ct)
    {
        var startedCodes = package.Members.Where(m => m.DossierCode is not null).Select(m => m.DossierCode!).ToList();
        var statuses = await db.Dossiers.Where(d => startedCodes.Contains(d.Code)).Select(d => new { d.Code, d.Status }).ToListAsync(ct);
        // A dossier acted on in this unit of work may be newer than the database's row.
        var status = statuses.ToDictionary(s => s.Code, s => s.Status);
        foreach (var tracked in db.ChangeTracker.Entries<Dossier>().Where(e => startedCodes.Contains(e.Entity.Code)))
            status[tracked.Entity.Code] = tracked.Entity.Status;

        var created = new List<Dossier>();
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(DeadlineCalculator.VietnamOffset).DateTime);
        foreach (var member in package.ReadyToStart(m => m.DossierCode is { } code && status.TryGetValue(code, out var s) ? s : null))
        {
            var model = await catalog.GetAsync(db, member.ProcedureId, member.DefinitionVersion, ct)
                ?? throw new InvalidOperationException($"Definition {member.ProcedureId} v{member.DefinitionVersion} is missing.");
            var context = await contexts.CreateAsync(model, actor, ct);
            var (supplied, missing) = await SuppliedPapersAsync(package, member, ct);
            if (missing is { } lacking)
            {
                package.CancelForMissingResult(member, lacking.Paper, lacking.SourceCode, now);
                continue;
            }
            var papers = member.Documents.Concat(supplied.Select(p => new DocumentSubmission(p.TypeCode, RepositoryDocumentId: p.Id))).ToList();
            var unit = context.Units.Current(member.UnitCode, today)
                ?? throw new DossierRefusedException(RefusalKind.Conflict, $"Đơn vị '{member.UnitCode}' của thủ tục '{model.Name}' không còn tồn tại.");
            // The member lands at its unit: a merge of that unit meanwhile wins or waits, as for any submission.
            if (await UnitLocks.HoldOpenAsync(db, [unit.Code], today, ct) is [var ended, ..])
                throw new DossierRefusedException(RefusalKind.Conflict,
                    $"Đơn vị '{ended}' của thủ tục '{model.Name}' vừa được sáp nhập hoặc ngừng hoạt động; hãy thao tác lại.");
            var code = await DossierCodeGenerator.NextAsync(db, unit.AgencyCode, today, ct);
            // A copy: EF Core keeps an owned value with one owner, and the package owns its own.
            var applicant = package.Applicant with { };
            var dossier = Dossier.StartInPackage(context, package.Code, code, DossierCodes.NewTrackingSecret(), applicant, package.Channel,
                unit.Code, papers, member.Form, package.OwnerUserName, StartComment(package, member, supplied));
            db.Dossiers.Add(dossier);
            foreach (var reused in supplied)
                db.DocumentReuses.Add(reused.RecordReuse(code, now));
            foreach (var given in member.Documents.Where(d => d.RepositoryDocumentId is not null))
                if (await db.RepositoryDocuments.FindAsync([given.RepositoryDocumentId!.Value], ct) is { } stored)
                    db.DocumentReuses.Add(stored.RecordReuse(code, now));
            package.MarkStarted(member, code, now);
            created.Add(dossier);
        }
        return created;
    }

    /// <summary>
    /// The results that become this member's papers: for each <c>papersFrom</c> entry, the repository document issued
    /// from the dossier of the member named (its results are issued when it is resolved, in the same transaction).
    /// </summary>
    /// <remarks>
    /// Publishing made sure each named member issues that result; a member resolved without it (declined, with a
    /// refusal notice as its result) leaves the paper <c>missing</c>, and the member waiting for it can never start.
    /// </remarks>
    private async Task<(IReadOnlyList<RepositoryDocument> Supplied, (string Paper, string SourceCode)? Missing)> SuppliedPapersAsync(
        DossierPackage package, PackageMemberDossier member, CancellationToken ct)
    {
        var supplied = new List<RepositoryDocument>();
        foreach (var (paper, source) in member.PapersFrom)
        {
            var sourceCode = package.Member(source)?.DossierCode
                ?? throw new InvalidOperationException($"Member {source} of {package.Code} has no dossier.");
            var issued = db.RepositoryDocuments.Local.FirstOrDefault(d => d.SourceDossierCode == sourceCode && d.TypeCode == paper)
                ?? await db.RepositoryDocuments.FirstOrDefaultAsync(d => d.SourceDossierCode == sourceCode && d.TypeCode == paper, ct);
            if (issued is null)
                return (supplied, (paper, sourceCode));
            supplied.Add(issued);
        }
        return (supplied, null);
    }

    private static string StartComment(DossierPackage package, PackageMemberDossier member, IReadOnlyList<RepositoryDocument> supplied)
    {
        var comment = $"Hồ sơ thành phần của hồ sơ liên thông {package.Code} ({package.Name}).";
        if (member.After.Count > 0)
            comment += $" Bắt đầu khi {string.Join(", ", member.After.Select(a => $"hồ sơ {package.Member(a)?.DossierCode}"))} đã có kết quả.";
        if (supplied.Count > 0)
            comment += " Dùng lại kết quả: " + string.Join("; ", supplied.Select(d => $"{d.Name} ({d.TypeCode}) của hồ sơ {d.SourceDossierCode}")) + ".";
        return comment.Length > StoredLengths.Comment ? comment[..StoredLengths.Comment] : comment;
    }
}
