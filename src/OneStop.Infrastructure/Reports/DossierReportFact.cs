using OneStop.Domain.Dossiers;

namespace OneStop.Infrastructure.Reports;

/// <summary>
/// One narrow row per dossier that the indicators count (DESIGN §11), kept by <see cref="ReportFactProjection"/>
/// in the same SaveChanges as the dossier. Each moment that puts a dossier into a period (received, resolved,
/// returned) sits beside the unit that acted then, taken from the event — a later merge never rewrites it —
/// so every figure is one grouped scan of an index on this table, with no join back to dossiers or events.
/// </summary>
public sealed class DossierReportFact
{
    public Guid DossierId { get; set; }
    public string ProcedureId { get; set; } = "";
    public int DefinitionVersion { get; set; }
    public Channel Channel { get; set; }

    /// <summary>The <c>receive</c> event: when, and the unit that received.</summary>
    public DateTime? ReceivedAt { get; set; }
    public string? ReceivedUnitCode { get; set; }
    /// <summary>Every paper is electronic: uploaded, scanned at the counter (digitized) or reused from the data repository.</summary>
    public bool PapersElectronic { get; set; }
    /// <summary>At least one paper was reused from the applicant's data repository.</summary>
    public bool PapersReused { get; set; }
    /// <summary>Submitted online by a citizen signed in through VNeID (DESIGN §14).</summary>
    public bool VneidVerified { get; set; }
    /// <summary>At least one paper was taken from a national database (population, business) instead of being asked for.</summary>
    public bool PapersFromNationalDatabases { get; set; }

    /// <summary>The legal due date (<see cref="Dossier.OriginalDueDate"/>): pauses move it, an apology does not.</summary>
    public DateTime? LegalDueDate { get; set; }

    /// <summary>The first event that made it <c>Resolved</c> (resolve, or a decline): when, and the unit that acted.</summary>
    public DateTime? ResolvedAt { get; set; }
    public string? ResolvedUnitCode { get; set; }
    /// <summary>Resolved after the legal due date, apologised or not.</summary>
    public bool ResolvedLate { get; set; }
    /// <summary>The result was issued as a signed electronic file.</summary>
    public bool ResultElectronic { get; set; }
    public int? ProcessingWorkingMinutes { get; set; }
    public int? PausedWorkingMinutes { get; set; }

    /// <summary>The <c>return-result</c> event: when, and the unit that handed the result over.</summary>
    public DateTime? ReturnedAt { get; set; }
    public string? ReturnedUnitCode { get; set; }

    /// <summary>When the unit's work ended: resolved, refused at reception or stopped. Open dossiers have none.</summary>
    public DateTime? EndedAt { get; set; }

    /// <summary>Where the dossier is now and since when it waits for the applicant (null: it does not), so the open work
    /// of today is one scan of open facts, without reading the dossiers.</summary>
    public string? CurrentUnitCode { get; set; }
    public string? CurrentStepId { get; set; }
    public DateTime? PausedSince { get; set; }
}
