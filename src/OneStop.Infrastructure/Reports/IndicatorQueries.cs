using Microsoft.EntityFrameworkCore;
using OneStop.Domain;
using OneStop.Domain.Dossiers;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Infrastructure.Reports;

/// <summary>One open dossier group at the end of a period: where it was, at which step, and how many were overdue.</summary>
public sealed record OpenWork(string UnitCode, string ProcedureId, string StepId, int InProgress, int Overdue);

/// <summary>
/// The live indicator queries over the database (DESIGN §11). Each is one grouped query; what comes back is a
/// row per unit (or per unit, procedure and step), never a dossier. Units are the ones that acted at the time
/// (<see cref="DossierReportFact"/>, <see cref="DossierEvent.UnitCode"/>); mapping them to a unit tree is the caller's.
/// </summary>
public sealed class IndicatorQueries(OneStopDbContext db, TimeProvider clock)
{
    /// <summary>
    /// DESIGN §5's <c>decline</c> (từ chối giải quyết). The action itself is not built yet; the figure counts
    /// whatever events carry its name, so it is right the day the action arrives.
    /// </summary>
    public const string DeclineAction = "decline";

    /// <summary>
    /// When the system's data begins: the first submission (every dossier starts with one), or an earlier
    /// reception among facts loaded from elsewhere. Both are index seeks. Null on an empty system.
    /// </summary>
    public async Task<DateTime?> FirstActivityAsync(CancellationToken ct)
    {
        var submitted = await db.Dossiers.AsNoTracking().MinAsync(d => (DateTime?)d.SubmittedAt, ct);
        var received = await db.ReportFacts.AsNoTracking().MinAsync(f => f.ReceivedAt, ct);
        return submitted is null ? received : received is null || submitted < received ? submitted : received;
    }

    /// <summary>Everything that happened in [<paramref name="start"/>, <paramref name="end"/>), per acting unit.</summary>
    public async Task<Dictionary<string, IndicatorCounts>> FlowsAsync(DateTime start, DateTime end, CancellationToken ct)
    {
        var byUnit = new Dictionary<string, IndicatorCounts>(StringComparer.OrdinalIgnoreCase);
        IndicatorCounts For(string? unit) => byUnit.TryGetValue(unit ?? "", out var c) ? c : byUnit[unit ?? ""] = new IndicatorCounts();

        // Online levels are a property of the definition version: a small lookup instead of a join.
        var onlineLevels = await db.DefinitionVersions.AsNoTracking()
            .Select(d => new { d.DefinitionId, d.Version, d.OnlineLevel }).ToListAsync(ct);
        var fullOnline = onlineLevels.Where(d => d.OnlineLevel == "full").Select(d => (d.DefinitionId, d.Version)).ToHashSet();

        var received = await db.ReportFacts.AsNoTracking()
            .Where(f => f.ReceivedAt >= start && f.ReceivedAt < end)
            .GroupBy(f => new { f.ReceivedUnitCode, f.Channel, f.ProcedureId, f.DefinitionVersion })
            .Select(g => new
            {
                g.Key.ReceivedUnitCode, g.Key.Channel, g.Key.ProcedureId, g.Key.DefinitionVersion,
                Count = g.Count(), Digitized = g.Count(f => f.PapersElectronic), Reusing = g.Count(f => f.PapersReused),
                Vneid = g.Count(f => f.VneidVerified), National = g.Count(f => f.PapersFromNationalDatabases),
            })
            .ToListAsync(ct);
        foreach (var row in received)
        {
            var c = For(row.ReceivedUnitCode);
            c.Received += row.Count;
            switch (row.Channel)
            {
                case Channel.Online: c.ReceivedOnline += row.Count; break;
                case Channel.Post: c.ReceivedPost += row.Count; break;
                default: c.ReceivedCounter += row.Count; break;
            }
            if (fullOnline.Contains((row.ProcedureId, row.DefinitionVersion)))
            {
                c.ReceivedFullOnlineProcedure += row.Count;
                if (row.Channel == Channel.Online)
                    c.ReceivedFullOnlineProcedureOnline += row.Count;
            }
            c.ReceivedDigitized += row.Digitized;
            c.ReceivedReusing += row.Reusing;
            c.ReceivedVneidVerified += row.Vneid;
            c.ReceivedFromNationalDatabases += row.National;
        }

        // A dossier is unsynced while any of its messages waits or was dead-lettered: few rows, read from their side.
        var waiting = db.Outbox.Where(m => m.State == OutboxState.Pending || m.State == OutboxState.DeadLettered).Select(m => m.DossierId);
        var unsynced = await db.ReportFacts.AsNoTracking()
            .Where(f => f.ReceivedAt >= start && f.ReceivedAt < end && waiting.Contains(f.DossierId))
            .GroupBy(f => f.ReceivedUnitCode)
            .Select(g => new { Unit = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        foreach (var row in unsynced)
            For(row.Unit).ReceivedUnsynced += row.Count;

        var resolved = await db.ReportFacts.AsNoTracking()
            .Where(f => f.ResolvedAt >= start && f.ResolvedAt < end)
            .GroupBy(f => f.ResolvedUnitCode)
            .Select(g => new
            {
                Unit = g.Key,
                Count = g.Count(),
                Late = g.Count(f => f.ResolvedLate),
                Electronic = g.Count(f => f.ResultElectronic),
                Timed = g.Count(f => f.ProcessingWorkingMinutes != null),
                Minutes = g.Sum(f => (long)(f.ProcessingWorkingMinutes ?? 0)),
                Paused = g.Sum(f => (long)(f.PausedWorkingMinutes ?? 0)),
            })
            .ToListAsync(ct);
        foreach (var row in resolved)
        {
            var c = For(row.Unit);
            c.Resolved += row.Count;
            c.ResolvedLate += row.Late;
            c.ResolvedElectronicResult += row.Electronic;
            c.ResolvedTimed += row.Timed;
            c.ProcessingWorkingMinutes += row.Minutes;
            c.PausedWorkingMinutes += row.Paused;
        }

        var returned = await db.ReportFacts.AsNoTracking()
            .Where(f => f.ReturnedAt >= start && f.ReturnedAt < end)
            .GroupBy(f => f.ReturnedUnitCode)
            .Select(g => new { Unit = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        foreach (var row in returned)
            For(row.Unit).Returned += row.Count;

        // Refusals, withdrawals and declines are read from the events themselves: rare, and the history is the record.
        var closures = await db.DossierEvents.AsNoTracking()
            .Where(e => e.At >= start && e.At < end)
            .Where(e => e.Action == DossierActions.Refuse || e.Action == DeclineAction
                || (e.Action == DossierActions.Stop && e.FromStatus == DossierStatus.WithdrawalRequested))
            .GroupBy(e => new { e.UnitCode, e.Action })
            .Select(g => new { g.Key.UnitCode, g.Key.Action, Count = g.Count() })
            .ToListAsync(ct);
        foreach (var row in closures)
        {
            var c = For(row.UnitCode);
            switch (row.Action)
            {
                case DossierActions.Refuse: c.NotAccepted += row.Count; break;
                case DeclineAction: c.Declined += row.Count; break;
                default: c.Withdrawn += row.Count; break;
            }
        }

        // Online payments: only the national payment platform's callback (or the reconciliation asking it) makes the
        // system confirm a payment; an officer's confirmation is a fee paid at the desk. Few rows, from the events.
        var paidOnline = await db.DossierEvents.AsNoTracking()
            .Where(e => e.At >= start && e.At < end && e.Action == DossierActions.ConfirmPayment && e.Actor == RoleNames.SystemActor)
            .GroupBy(e => e.UnitCode)
            .Select(g => new { Unit = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        foreach (var row in paidOnline)
            For(row.Unit).PaidOnline += row.Count;

        var ratings = await db.Ratings.AsNoTracking()
            .Where(r => r.RatedAt >= start && r.RatedAt < end)
            .GroupBy(r => new { r.UnitCode, r.Score })
            .Select(g => new { g.Key.UnitCode, g.Key.Score, Count = g.Count() })
            .ToListAsync(ct);
        foreach (var row in ratings)
            For(row.UnitCode).AddRatings(row.Score, row.Count);

        return byUnit;
    }

    /// <summary>
    /// The work open at <paramref name="at"/>: received before it and not yet resolved, refused or stopped, grouped
    /// by the unit and step its last earlier event left it at. Overdue: its legal due date had passed — for a
    /// dossier paused then, already when the pause began (the applicant's time is not the unit's).
    /// </summary>
    public async Task<IReadOnlyList<OpenWork>> OpenWorkAsync(DateTime at, CancellationToken ct)
    {
        var pauses = db.Set<ClockPause>();
        var rows = await db.ReportFacts.AsNoTracking()
            .Where(f => f.ReceivedAt < at && (f.EndedAt == null || f.EndedAt >= at))
            .Select(f => new
            {
                Last = db.DossierEvents.Where(e => e.DossierId == f.DossierId && e.At < at)
                    .OrderByDescending(e => e.Sequence).Select(e => new { e.ToUnitCode, e.ToStep }).FirstOrDefault(),
                f.ProcedureId,
                f.ReceivedUnitCode,
                f.LegalDueDate,
                PauseStart = pauses.Where(p => EF.Property<Guid>(p, "DossierId") == f.DossierId && p.StartedAt < at && (p.EndedAt == null || p.EndedAt >= at))
                    .Select(p => (DateTime?)p.StartedAt).FirstOrDefault(),
            })
            .Select(x => new
            {
                // Every received dossier has its receive event before `at`; facts loaded without their history
                // (an import) fall back to the receiving unit.
                Unit = x.Last!.ToUnitCode ?? x.ReceivedUnitCode ?? "",
                Step = x.Last!.ToStep ?? "",
                x.ProcedureId,
                Overdue = x.LegalDueDate != null && x.LegalDueDate < (x.PauseStart ?? at),
            })
            .GroupBy(x => new { x.Unit, x.ProcedureId, x.Step })
            .Select(g => new { g.Key.Unit, g.Key.ProcedureId, g.Key.Step, Count = g.Count(), Overdue = g.Count(x => x.Overdue) })
            .ToListAsync(ct);
        return rows.Select(r => new OpenWork(r.Unit, r.ProcedureId, r.Step, r.Count, r.Overdue)).ToList();
    }

    /// <summary>
    /// Today's open work: the facts of open dossiers already say where each is and since when it waits, so this is one
    /// scan of a covering index — the past needs the history (<see cref="OpenWorkAsync"/>).
    /// </summary>
    public async Task<IReadOnlyList<OpenWork>> OpenWorkNowAsync(CancellationToken ct)
    {
        // Everything that happened up to this very instant counts as done, as the flows count it.
        var at = clock.GetUtcNow().UtcDateTime.AddTicks(1);
        var rows = await db.ReportFacts.AsNoTracking()
            .Where(f => f.EndedAt == null && f.ReceivedAt < at)
            .GroupBy(f => new { f.CurrentUnitCode, f.ProcedureId, f.CurrentStepId })
            .Select(g => new
            {
                g.Key.CurrentUnitCode, g.Key.ProcedureId, g.Key.CurrentStepId,
                Count = g.Count(),
                Overdue = g.Count(f => f.LegalDueDate != null && f.LegalDueDate < (f.PausedSince ?? at)),
            })
            .ToListAsync(ct);
        return rows.Select(r => new OpenWork(r.CurrentUnitCode ?? "", r.ProcedureId, r.CurrentStepId ?? "", r.Count, r.Overdue)).ToList();
    }

    /// <summary>The in-progress stock of <see cref="OpenWorkAsync"/>, per unit.</summary>
    public static Dictionary<string, IndicatorCounts> StockByUnit(IEnumerable<OpenWork> open)
    {
        var byUnit = new Dictionary<string, IndicatorCounts>(StringComparer.OrdinalIgnoreCase);
        foreach (var work in open)
        {
            if (!byUnit.TryGetValue(work.UnitCode, out var c))
                byUnit[work.UnitCode] = c = new IndicatorCounts();
            c.InProgress += work.InProgress;
            c.InProgressOverdue += work.Overdue;
        }
        return byUnit;
    }
}
