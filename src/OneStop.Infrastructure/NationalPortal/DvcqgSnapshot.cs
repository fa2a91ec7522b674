using OneStop.Domain.Dossiers;

namespace OneStop.Infrastructure.NationalPortal;

/// <summary>One line of history as the portal messages need it: a <see cref="DossierEvent"/>, immutable once written.</summary>
public sealed record DvcqgEvent(
    int Sequence, DateTime At, string Action, DossierStatus ToStatus, string? ToUnitCode, DateTime? DueDate,
    string? Comment = null, string Actor = "", string? UnitCode = null, DossierStatus? FromStatus = null,
    string? FromStep = null, string? ToStep = null, DateTime? StepDueDate = null)
{
    public static DvcqgEvent From(DossierEvent e) =>
        new(e.Sequence, e.At, e.Action, e.ToStatus, e.ToUnitCode, e.DueDate, e.Comment, e.Actor, e.UnitCode, e.FromStatus, e.FromStep, e.ToStep, e.StepDueDate);
}

/// <summary>
/// What the dossier was at one event: its history up to and including that event (the last of
/// <see cref="History"/>), plus the parts that events do not carry.
/// </summary>
public sealed record DvcqgSnapshot(
    string Code,
    Channel Channel,
    Applicant Applicant,
    DateTime SubmittedAt,
    IReadOnlyList<DossierDocument> Documents,
    DossierResult? Result,
    IReadOnlyList<DvcqgEvent> History,
    decimal FeeAmount = 0,
    string? UnitInCharge = null,
    DateTime? OriginalDueDate = null,
    bool ReturnByPost = false,
    int? VneidLevel = null,
    bool FeePaidOnline = false)
{
    public DvcqgEvent Current => History[^1];

    /// <summary>The agency code that prefixes the dossier code (DESIGN §7): DVCQG's <c>madonvi</c> by default.</summary>
    public string AgencyCode => AgencyOf(Code);

    public static string AgencyOf(string dossierCode)
    {
        // {agencyCode}-{yyMMdd}-{seq}: agency codes use dots, never dashes.
        var dash = dossierCode.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 ? dossierCode[..dash] : dossierCode;
    }

    /// <summary>
    /// The dossier as of <paramref name="at"/>, taken when the event is saved: the unit in charge then (the competent
    /// unit of an any-point dossier, else the receiving unit, after any merge or dissolution) and the due date the law
    /// gives then (an apology's date is not it) are the ones of that moment, kept in the stored body.
    /// </summary>
    public static DvcqgSnapshot Of(Dossier dossier, DossierEvent at) => new(
        dossier.Code, dossier.Channel, dossier.Applicant, dossier.SubmittedAt, dossier.Documents, dossier.Result,
        dossier.Events.Where(e => e.Sequence <= at.Sequence).OrderBy(e => e.Sequence).Select(DvcqgEvent.From).ToList(),
        dossier.FeeAmount, dossier.HomeUnitCode, dossier.OriginalDueDate, dossier.ReturnAt == ReturnPoints.Post,
        dossier.VneidLevel, dossier.FeePaidOnline);
}

/// <summary>The procedure fields, from the pinned definition version and the national catalogue.</summary>
public sealed record DvcqgProcedure(string MaTTHC, string TenTTHC, string? MaLinhVuc, string? TenLinhVuc = null);
