namespace OneStop.Domain.Dossiers;

public enum ApplicantType
{
    Person,
    Organisation,
}

/// <summary>
/// The person or organisation the dossier is for. <see cref="IdNumber"/> is a personal ID or a tax code;
/// <see cref="CommuneCode"/> is the commune of their address, when given: it decides the competent unit of an
/// any-point dossier and the successor a dissolved unit's dossier goes to (DESIGN §3).
/// </summary>
public sealed record Applicant(
    string IdNumber,
    string FullName,
    ApplicantType Type = ApplicantType.Person,
    string? Phone = null,
    string? Email = null,
    string? Address = null,
    string? Representative = null,
    string? CommuneCode = null);

/// <summary>
/// A paper of the dossier, matched to a definition document code. <see cref="PaperForm"/> and <see cref="Copies"/>
/// are what the receipt states (Mẫu 01): an original, a copy, a certified copy or an electronic file, and how many.
/// </summary>
public sealed record DossierDocument(
    string Code,
    string Name,
    Guid? FileId = null,
    Guid? RepositoryDocumentId = null,
    bool SeenAtCounter = false,
    bool Digitized = false,
    string? FieldsJson = null,
    string PaperForm = PaperForms.Copy,
    int Copies = 1,
    string? TakenFrom = null)
{
    /// <summary>
    /// Where the paper came from: seen at the counter, uploaded, reused from the data repository, or taken from a
    /// national database (<see cref="TakenFrom"/>: <c>population</c>, <c>business</c>) instead of being asked for.
    /// </summary>
    public string Source => TakenFrom ?? (RepositoryDocumentId is not null ? "repository" : SeenAtCounter ? "counter" : "upload");
}

/// <summary>
/// A national database answered for the applicant (DESIGN §14): <paramref name="Database"/> (<c>population</c> or
/// <c>business</c>) knows <paramref name="SubjectId"/>, so the papers the definition says it proves are taken from it.
/// </summary>
public sealed record NationalProof(string Database, string SubjectId);


/// <summary>What a submission or supplement says about one paper; the form and count default by channel.</summary>
public sealed record DocumentSubmission(string Code, Guid? FileId = null, Guid? RepositoryDocumentId = null, string? PaperForm = null, int? Copies = null);

/// <summary>The forms a paper is handed in as (the receipt's "bản chính / bản sao" column).</summary>
public static class PaperForms
{
    public const string Original = "original";
    public const string Copy = "copy";
    public const string CertifiedCopy = "certified-copy";
    public const string Electronic = "electronic";
    public static readonly IReadOnlyList<string> All = [Original, Copy, CertifiedCopy, Electronic];

    public static string Describe(string form) => form switch
    {
        Original => "Bản chính",
        CertifiedCopy => "Bản sao có chứng thực",
        Electronic => "Bản điện tử",
        _ => "Bản sao",
    };
}

/// <summary>One paper a supplement request asks for (Mẫu 02): the paper's code and why it is needed.</summary>
public sealed record SupplementItem(string Code, string Reason);

/// <summary>Where the applicant gets the result (DESIGN §3, any-point filing).</summary>
public static class ReturnPoints
{
    public const string Receiving = "receiving";
    public const string Competent = "competent";
    public const string Post = "post";
    public static readonly IReadOnlyList<string> All = [Receiving, Competent, Post];
}

/// <summary>How a resolved dossier ended (DESIGN §5): its result granted, or declined after review.</summary>
public static class Outcomes
{
    public const string Granted = "granted";
    public const string Declined = "declined";
}

public enum PauseReason
{
    Supplement,
    Payment,
}

/// <summary>An interval in which the legal clock stood still; stored for the reports' pause share.</summary>
public sealed class ClockPause
{
    private ClockPause() { }

    public ClockPause(PauseReason reason, DateTime startedAt, bool restartsClock)
    {
        Reason = reason;
        StartedAt = startedAt;
        RestartsClock = restartsClock;
    }

    public int Id { get; private set; }
    public PauseReason Reason { get; private set; }
    public DateTime StartedAt { get; private set; }
    public DateTime? EndedAt { get; private set; }
    /// <summary>Office minutes the pause lasted; what the due date moved by unless the clock restarted.</summary>
    public int WorkingMinutes { get; private set; }
    /// <summary>A supplement requested after appraisal began restarts the whole processing time.</summary>
    public bool RestartsClock { get; private set; }

    internal void End(DateTime endedAt, int workingMinutes)
    {
        EndedAt = endedAt;
        WorkingMinutes = workingMinutes;
    }
}

/// <summary>One immutable line of a dossier's history (DESIGN §5); every one also becomes an outbox message.</summary>
public sealed class DossierEvent
{
    private DossierEvent() { }

    internal DossierEvent(
        int sequence, DateTime at, string action, string actor, string? unitCode,
        DossierStatus? fromStatus, DossierStatus toStatus, string? fromStep, string? toStep,
        string? toUnitCode, string? comment, DateTime? dueDate, DateTime? stepDueDate, string? details = null)
    {
        Details = details;
        Sequence = sequence;
        At = at;
        Action = action;
        Actor = actor;
        UnitCode = unitCode;
        FromStatus = fromStatus;
        ToStatus = toStatus;
        FromStep = fromStep;
        ToStep = toStep;
        ToUnitCode = toUnitCode;
        Comment = comment;
        DueDate = dueDate;
        StepDueDate = stepDueDate;
    }

    public long Id { get; private set; }
    public Guid DossierId { get; private set; }
    /// <summary>1, 2, 3… per dossier: the order the national portal must receive them in.</summary>
    public int Sequence { get; private set; }
    public DateTime At { get; private set; }
    public string Action { get; private set; } = "";
    public string Actor { get; private set; } = "";
    /// <summary>The acting unit as it was then; merges never rewrite it.</summary>
    public string? UnitCode { get; private set; }
    public DossierStatus? FromStatus { get; private set; }
    public DossierStatus ToStatus { get; private set; }
    public string? FromStep { get; private set; }
    public string? ToStep { get; private set; }
    public string? ToUnitCode { get; private set; }
    public string? Comment { get; private set; }
    public DateTime? DueDate { get; private set; }
    public DateTime? StepDueDate { get; private set; }
    /// <summary>Structured content of the action as JSON, e.g. the itemised papers of a supplement request.</summary>
    public string? Details { get; private set; }
}

/// <summary>
/// One result issued when the dossier is resolved (a definition may list several). <see cref="Signed"/> follows
/// the definition; <see cref="SignedBy"/> is the leader who approved at a step that <c>signs</c>, else null
/// (the system certificate signs either way).
/// </summary>
public sealed record DossierResult(string Code, string Name, DateTime IssuedAt, string IssuedBy, Guid? FileId = null,
    bool Signed = true, string? SignedBy = null);
