using Microsoft.EntityFrameworkCore;
using OneStop.Domain.Dossiers;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Infrastructure.Reports;

/// <summary>
/// Keeps <see cref="DossierReportFact"/> in step with every dossier: each line added to a dossier's history
/// (<see cref="DossierChanged"/>, handled by <see cref="Events.ReportFactsHandler"/> before the save) updates its fact
/// in the same transaction, so a reported figure can never disagree with a committed dossier. A dossier seen for the
/// first time is projected from its whole history; after that only the new event is read, since events never change.
/// </summary>
internal static class ReportFactProjection
{
    public static async Task ApplyAsync(OneStopDbContext db, Dossier dossier, DossierEvent change, CancellationToken ct)
    {
        var added = db.Entry(dossier).State == EntityState.Added;
        // The running pause is known only when the pauses were loaded (an action loads them; a merge does not).
        var pausesKnown = added || db.Entry(dossier).Collection(d => d.Pauses).IsLoaded;
        var fact = db.ReportFacts.Local.FirstOrDefault(f => f.DossierId == dossier.Id)
            ?? (added ? null : await db.ReportFacts.FirstOrDefaultAsync(f => f.DossierId == dossier.Id, ct));
        if (fact is not null)
        {
            Project(fact, dossier, [change], pausesKnown);
            return;
        }
        if (!added && !db.Entry(dossier).Collection(d => d.Events).IsLoaded)
            await db.Entry(dossier).Collection(d => d.Events).LoadAsync(ct);
        if (!pausesKnown)
            await db.Entry(dossier).Collection(d => d.Pauses).LoadAsync(ct);
        fact = new DossierReportFact { DossierId = dossier.Id };
        db.ReportFacts.Add(fact);
        Project(fact, dossier, dossier.Events, pausesKnown: true);
    }

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
        fact.VneidVerified = dossier.VneidLevel is not null;
        fact.PapersFromNationalDatabases = dossier.Documents.Any(d => d.TakenFrom is not null);
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
            // Every result of the definition was issued as a file (uploaded or drawn, signed where it says so).
            fact.ResultElectronic = dossier.Results.Count > 0 && dossier.Results.All(r => r.FileId is not null);
            fact.ProcessingWorkingMinutes = dossier.ProcessingWorkingMinutes;
            fact.PausedWorkingMinutes = dossier.PausedWorkingMinutes;
        }
    }

    private static bool Entered(DossierEvent e, DossierStatus status) => e.ToStatus == status && e.FromStatus != status;

    /// <summary>A paper is electronic once a file or a record stands for it: uploaded, scanned at the counter, reused, or
    /// taken from a national database.</summary>
    private static bool IsElectronic(DossierDocument paper) =>
        paper.Digitized || paper.FileId is not null || paper.RepositoryDocumentId is not null || paper.TakenFrom is not null;
}
