using Microsoft.EntityFrameworkCore;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Infrastructure.Reports;

/// <summary>
/// Projects the dossiers that have no <see cref="DossierReportFact"/> yet — those written before the reports
/// existed — at start-up, in batches. Every later change keeps its fact up to date in the same SaveChanges.
/// Processing minutes cannot be recovered for dossiers resolved before they were recorded: their facts leave
/// them empty and the average skips them.
/// </summary>
internal static class ReportFactBackfill
{
    private const int BatchSize = 500;

    public static async Task<int> RunAsync(OneStopDbContext db, CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            var batch = await db.Dossiers.Include(d => d.Events).Include(d => d.Pauses).AsSplitQuery()
                .Where(d => !db.ReportFacts.Any(f => f.DossierId == d.Id))
                .OrderBy(d => d.Id).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0)
                return total;
            foreach (var dossier in batch)
            {
                var fact = new DossierReportFact { DossierId = dossier.Id };
                ReportFactProjection.Project(fact, dossier, dossier.Events, pausesKnown: true);
                db.ReportFacts.Add(fact);
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            total += batch.Count;
        }
    }
}
