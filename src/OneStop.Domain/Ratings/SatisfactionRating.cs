using OneStop.Domain.Dossiers;

namespace OneStop.Domain.Ratings;

/// <summary>
/// A citizen's satisfaction with one dossier (DESIGN §11): a score of 1–5 and an optional comment, given by
/// the owner once the result was handed over. Kept beside the dossier, not in its history: a rating changes
/// nothing about the dossier and is no status change for the national portal.
/// </summary>
public sealed class SatisfactionRating
{
    public const int MinScore = 1;
    public const int MaxScore = 5;
    public const int CommentMaxLength = 1000;
    /// <summary>Scores from here up count as satisfied; up to <see cref="UnsatisfiedUpTo"/> as not.</summary>
    public const int SatisfiedFrom = 4;
    public const int UnsatisfiedUpTo = 2;

    private SatisfactionRating() { }

    /// <summary>One rating per dossier: the database key is the dossier, so a second one cannot be stored.</summary>
    public Guid DossierId { get; private set; }
    public string DossierCode { get; private set; } = "";
    public int Score { get; private set; }
    public string? Comment { get; private set; }
    public string RatedBy { get; private set; } = "";
    /// <summary>The unit that handed the result over, as it was then; the reports count the rating there.</summary>
    public string UnitCode { get; private set; } = "";
    public DateTime RatedAt { get; private set; }

    /// <summary>
    /// The owner's rating of <paramref name="dossier"/>; throws <see cref="DossierRefusedException"/> when it
    /// is not theirs to give, not yet due, already given, or out of range.
    /// </summary>
    public static SatisfactionRating Give(Dossier dossier, Actor actor, int score, string? comment, bool alreadyRated, DateTime utcNow)
    {
        if (!dossier.IsOwner(actor))
            throw new DossierRefusedException(RefusalKind.Forbidden, "Chỉ người nộp hồ sơ được đánh giá mức độ hài lòng.");
        if (dossier.Status != DossierStatus.Returned)
            throw new DossierRefusedException(RefusalKind.Conflict,
                $"Chỉ đánh giá được sau khi đã nhận kết quả; hồ sơ '{dossier.Code}' đang ở trạng thái {dossier.Status}.");
        if (alreadyRated)
            throw new DossierRefusedException(RefusalKind.Conflict, $"Hồ sơ '{dossier.Code}' đã được đánh giá; mỗi hồ sơ chỉ đánh giá một lần.");
        if (score is < MinScore or > MaxScore)
            throw new DossierRefusedException(RefusalKind.Invalid, $"Điểm đánh giá phải từ {MinScore} đến {MaxScore}.", "score");
        var text = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (text?.Length > CommentMaxLength)
            throw new DossierRefusedException(RefusalKind.Invalid, $"Nhận xét dài tối đa {CommentMaxLength} ký tự.", "comment");

        var handedOver = dossier.Events.LastOrDefault(e => e.ToStatus == DossierStatus.Returned && e.FromStatus != DossierStatus.Returned);
        return new SatisfactionRating
        {
            DossierId = dossier.Id,
            DossierCode = dossier.Code,
            Score = score,
            Comment = text,
            RatedBy = actor.UserName,
            UnitCode = handedOver?.UnitCode ?? dossier.ReceivingUnitCode,
            RatedAt = utcNow,
        };
    }
}
