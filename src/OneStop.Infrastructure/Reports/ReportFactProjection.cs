using Microsoft.EntityFrameworkCore;
using OneStop.Domain.Dossiers;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Infrastructure.Reports;

/// <summary>
/// Keeps <see cref="DossierReportFact"/> in step with every dossier a SaveChanges writes, in that same
/// SaveChanges (so the same transaction): a reported figure can never disagree with a committed dossier.
/// A dossier seen for the first time is projected from its whole history; after that only its new events
/// are read, since events never change.
/// </summary>
internal static class ReportFactProjection
{
    public static async Task ApplyAsync(OneStopDbContext db, CancellationToken ct)
    {
        var changed = Changed(db);
        if (changed.Count == 0)
            return;
        var ids = changed.Select(c => c.Dossier.Id).ToList();
        var facts = await db.ReportFacts.Where(f => ids.Contains(f.DossierId)).ToDictionaryAsync(f => f.DossierId, ct);
        foreach (var (dossier, added) in changed)
        {
            // The running pause is known only when the pauses were loaded (an action loads them; a merge does not).
            var pausesKnown = added || db.Entry(dossier).Collection(d => d.Pauses).IsLoaded;
            if (facts.TryGetValue(dossier.Id, out var fact))
            {
                Project(fact, dossier, dossier.Events.Where(e => db.Entry(e).State == EntityState.Added), pausesKnown);
                continue;
            }
            if (!added && !db.Entry(dossier).Collection(d => d.Events).IsLoaded)
                await db.Entry(dossier).Collection(d => d.Events).LoadAsync(ct);
            if (!pausesKnown)
                await db.Entry(dossier).Collection(d => d.Pauses).LoadAsync(ct);
            fact = new DossierReportFact { DossierId = dossier.Id };
            db.ReportFacts.Add(fact);
            Project(fact, dossier, dossier.Events, pausesKnown: true);
        }
    }

    public static void Apply(OneStopDbContext db) => ApplyAsync(db, CancellationToken.None).GetAwaiter().GetResult();

    private static List<(Dossier Dossier, bool Added)> Changed(OneStopDbContext db) =>
        db.ChangeTracker.Entries<Dossier>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified)
            .Select(e => (e.Entity, e.State == EntityState.Added))
            .ToList();

    /// <summary>Copies the dossier's reportable state and the moments its <paramref name="events"/> mark.</summary>
    internal static void Project(DossierReportFact fact, Dossier dossier, IEnumerable<DossierEvent> events, bool pausesKnown)
    {
        fact.ProcedureId = dossier.ProcedureId;
        fact.CurrentUnitCode = dossier.CurrentUnitCode;
        fact.CurrentStepId = dossier.CurrentStepId;
        if (pausesKnown)
            fact.PausedSince = dossier.OpenPause?.StartedAt;
        fact.DefinitionVersion = dossier.DefinitionVersion;
        fact.Channel = dossier.Channel;
        fact.PapersElectronic = dossier.Documents.Count > 0 && dossier.Documents.All(IsElectronic);
        fact.PapersReused = dossier.Documents.Any(d => d.RepositoryDocumentId is not null);
        fact.LegalDueDate = dossier.OriginalDueDate;

        foreach (var e in events.OrderBy(e => e.Sequence))
        {
            if (e.Action == DossierActions.Receive && fact.ReceivedAt is null)
                (fact.ReceivedAt, fact.ReceivedUnitCode) = (e.At, e.UnitCode);
            if (Entered(e, DossierStatus.Resolved) && fact.ResolvedAt is null)
            {
                (fact.ResolvedAt, fact.ResolvedUnitCode) = (e.At, e.UnitCode);
                fact.EndedAt ??= e.At;
            }
            if (Entered(e, DossierStatus.Returned) && fact.ReturnedAt is null)
                (fact.ReturnedAt, fact.ReturnedUnitCode) = (e.At, e.UnitCode);
            if (Entered(e, DossierStatus.NotAccepted) || Entered(e, DossierStatus.Stopped))
                fact.EndedAt ??= e.At;
        }

        if (fact.ResolvedAt is { } resolved)
        {
            fact.ResolvedLate = fact.LegalDueDate is { } due && resolved > due;
            fact.ResultElectronic = dossier.Result?.FileId is not null;
            fact.ProcessingWorkingMinutes = dossier.ProcessingWorkingMinutes;
            fact.PausedWorkingMinutes = dossier.PausedWorkingMinutes;
        }
    }

    private static bool Entered(DossierEvent e, DossierStatus status) => e.ToStatus == status && e.FromStatus != status;

    /// <summary>A paper is electronic once a file stands for it: uploaded, scanned at the counter, or reused.</summary>
    private static bool IsElectronic(DossierDocument paper) =>
        paper.Digitized || paper.FileId is not null || paper.RepositoryDocumentId is not null;
}
