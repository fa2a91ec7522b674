namespace OneStop.Domain.Dossiers;

public static class ConsultationAnswers
{
    public const string Agree = "agree";
    public const string Disagree = "disagree";
}

/// <summary>
/// One opinion request of a consultation step (lấy ý kiến, DESIGN §4.1): opened for one consulted unit when the
/// step is entered, answered by an officer of that unit holding the consulted role, or by the system at the due
/// date when the definition deems silence agreement.
/// </summary>
public sealed class DossierConsultation
{
    private DossierConsultation() { }

    internal DossierConsultation(Guid id, string stepId, int round, string unitCode, string role, DateTime requestedAt, DateTime dueAt)
    {
        Id = id;
        StepId = stepId;
        Round = round;
        UnitCode = unitCode;
        Role = role;
        RequestedAt = requestedAt;
        DueAt = dueAt;
    }

    public Guid Id { get; private set; }
    public string StepId { get; private set; } = "";
    /// <summary>The dossier's step entry this request belongs to: a step entered again opens a new round.</summary>
    public int Round { get; private set; }
    public string UnitCode { get; private set; } = "";
    public string Role { get; private set; } = "";
    public DateTime RequestedAt { get; private set; }
    public DateTime DueAt { get; private set; }
    public string? Answer { get; private set; }
    public string? Comment { get; private set; }
    public DateTime? AnsweredAt { get; private set; }
    public string? AnsweredBy { get; private set; }
    /// <summary>File ids of the papers sent with the answer, comma-separated.</summary>
    public string? DocumentFileIds { get; private set; }

    public bool IsAnswered => Answer is not null;

    /// <summary>The consulted unit ended (merged or dissolved): the unit that took its work answers instead.</summary>
    internal void Readdress(string unitCode) => UnitCode = unitCode;

    /// <summary>A migration moved the dossier's current step to another version's step; the request goes with it.</summary>
    internal void MoveToStep(string stepId) => StepId = stepId;

    internal void Record(string answer, string? comment, string answeredBy, DateTime at, IReadOnlyList<Guid> files)
    {
        Answer = answer;
        Comment = comment;
        AnsweredBy = answeredBy;
        AnsweredAt = at;
        DocumentFileIds = files.Count == 0 ? null : string.Join(",", files);
    }
}
