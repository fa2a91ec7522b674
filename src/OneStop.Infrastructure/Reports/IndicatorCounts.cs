namespace OneStop.Infrastructure.Reports;

/// <summary>
/// The additive counts behind every indicator of DESIGN §11, for one unit over some days. Every rate and
/// average is a quotient of two of these, so counts of days, units or snapshots simply add up and the
/// quotient is taken last. Which event puts a dossier into which count is said on each property.
/// </summary>
public class IndicatorCounts
{
    /// <summary>Dossiers whose <c>receive</c> event falls in the period, counted at the receiving unit.</summary>
    public int Received { get; set; }
    public int ReceivedCounter { get; set; }
    public int ReceivedOnline { get; set; }
    public int ReceivedPost { get; set; }
    /// <summary>Of <see cref="Received"/>: dossiers of procedures offered fully online (<c>onlineLevel: full</c>).</summary>
    public int ReceivedFullOnlineProcedure { get; set; }
    /// <summary>Of those: the ones that came in online.</summary>
    public int ReceivedFullOnlineProcedureOnline { get; set; }
    /// <summary>Of <see cref="Received"/>: every paper electronic (uploaded, digitized at the counter, or reused).</summary>
    public int ReceivedDigitized { get; set; }
    /// <summary>Of <see cref="Received"/>: at least one paper reused from the data repository.</summary>
    public int ReceivedReusing { get; set; }
    /// <summary>Of <see cref="Received"/>: with a status message the national portal has not accepted yet.</summary>
    public int ReceivedUnsynced { get; set; }
    /// <summary>Of <see cref="Received"/>: submitted online by a citizen signed in through VNeID (DESIGN §14).</summary>
    public int ReceivedVneidVerified { get; set; }
    /// <summary>Of <see cref="Received"/>: at least one paper taken from a national database instead of being asked for.</summary>
    public int ReceivedFromNationalDatabases { get; set; }
    /// <summary>Fees paid online in the period: <c>confirm-payment</c> events of the system, after the national payment
    /// platform said the order was paid; at the unit of the payment step.</summary>
    public int PaidOnline { get; set; }

    /// <summary>Dossiers that became <c>Resolved</c> in the period (resolve or decline), at the unit that resolved.</summary>
    public int Resolved { get; set; }
    /// <summary>Of <see cref="Resolved"/>: after the legal due date (apologies do not excuse).</summary>
    public int ResolvedLate { get; set; }
    /// <summary>Of <see cref="Resolved"/>: with a signed electronic result file.</summary>
    public int ResolvedElectronicResult { get; set; }
    /// <summary>Of <see cref="Resolved"/>: those whose processing time was recorded (all resolved since issue 13).</summary>
    public int ResolvedTimed { get; set; }
    /// <summary>Office minutes the unit worked on <see cref="ResolvedTimed"/>, pauses excluded.</summary>
    public long ProcessingWorkingMinutes { get; set; }
    /// <summary>Office minutes the same dossiers stood paused for the applicant.</summary>
    public long PausedWorkingMinutes { get; set; }

    /// <summary>Results handed over (<c>return-result</c>) in the period, at the unit that handed them over.</summary>
    public int Returned { get; set; }
    /// <summary><c>refuse</c> events in the period (not accepted at reception).</summary>
    public int NotAccepted { get; set; }
    /// <summary><c>decline</c> events in the period (từ chối giải quyết); these are also in <see cref="Resolved"/>.</summary>
    public int Declined { get; set; }
    /// <summary><c>stop</c> events in the period that ended a withdrawal request.</summary>
    public int Withdrawn { get; set; }

    /// <summary>Received, not yet resolved, refused or stopped at the end of the period; at the unit holding it then.</summary>
    public int InProgress { get; set; }
    /// <summary>Of <see cref="InProgress"/>: past the legal due date (a paused dossier: past it when the pause began).</summary>
    public int InProgressOverdue { get; set; }

    /// <summary>Ratings given in the period, at the unit that handed the result over, by score.</summary>
    public int Rated1 { get; set; }
    public int Rated2 { get; set; }
    public int Rated3 { get; set; }
    public int Rated4 { get; set; }
    public int Rated5 { get; set; }

    public int ResolvedOnTime => Resolved - ResolvedLate;
    public int InProgressOnTime => InProgress - InProgressOverdue;
    public int Ratings => Rated1 + Rated2 + Rated3 + Rated4 + Rated5;
    public int RatingScoreSum => Rated1 + 2 * Rated2 + 3 * Rated3 + 4 * Rated4 + 5 * Rated5;

    public bool IsEmpty => Received == 0 && Resolved == 0 && Returned == 0 && NotAccepted == 0 && Declined == 0 && Withdrawn == 0
        && InProgress == 0 && Ratings == 0 && ReceivedUnsynced == 0 && PaidOnline == 0;

    /// <summary>Adds the flows (everything but the in-progress stock) of <paramref name="other"/>.</summary>
    public void AddFlows(IndicatorCounts other)
    {
        Received += other.Received;
        ReceivedCounter += other.ReceivedCounter;
        ReceivedOnline += other.ReceivedOnline;
        ReceivedPost += other.ReceivedPost;
        ReceivedFullOnlineProcedure += other.ReceivedFullOnlineProcedure;
        ReceivedFullOnlineProcedureOnline += other.ReceivedFullOnlineProcedureOnline;
        ReceivedDigitized += other.ReceivedDigitized;
        ReceivedReusing += other.ReceivedReusing;
        ReceivedUnsynced += other.ReceivedUnsynced;
        ReceivedVneidVerified += other.ReceivedVneidVerified;
        ReceivedFromNationalDatabases += other.ReceivedFromNationalDatabases;
        PaidOnline += other.PaidOnline;
        Resolved += other.Resolved;
        ResolvedLate += other.ResolvedLate;
        ResolvedElectronicResult += other.ResolvedElectronicResult;
        ResolvedTimed += other.ResolvedTimed;
        ProcessingWorkingMinutes += other.ProcessingWorkingMinutes;
        PausedWorkingMinutes += other.PausedWorkingMinutes;
        Returned += other.Returned;
        NotAccepted += other.NotAccepted;
        Declined += other.Declined;
        Withdrawn += other.Withdrawn;
        Rated1 += other.Rated1;
        Rated2 += other.Rated2;
        Rated3 += other.Rated3;
        Rated4 += other.Rated4;
        Rated5 += other.Rated5;
    }

    /// <summary>Adds the in-progress stock of <paramref name="other"/>.</summary>
    public void AddStock(IndicatorCounts other)
    {
        InProgress += other.InProgress;
        InProgressOverdue += other.InProgressOverdue;
    }

    public void Add(IndicatorCounts other)
    {
        AddFlows(other);
        AddStock(other);
    }

    public IndicatorCounts Copy()
    {
        var copy = new IndicatorCounts();
        copy.Add(this);
        return copy;
    }

    /// <summary>Counts one rating of <paramref name="score"/> (1–5) <paramref name="times"/> times.</summary>
    public void AddRatings(int score, int times)
    {
        switch (score)
        {
            case 1: Rated1 += times; break;
            case 2: Rated2 += times; break;
            case 3: Rated3 += times; break;
            case 4: Rated4 += times; break;
            case 5: Rated5 += times; break;
        }
    }
}
