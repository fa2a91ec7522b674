using OneStop.Domain.Calendar;
using OneStop.Infrastructure.Reports;

namespace OneStop.Api.Features.Reports;

/// <summary>A rate with what it was computed from; <see cref="Value"/> is null when nothing was counted (0 / 0).</summary>
public sealed record Rate(long Numerator, long Denominator, double? Value)
{
    public static Rate Of(long numerator, long denominator) =>
        new(numerator, denominator, denominator == 0 ? null : Math.Round((double)numerator / denominator, 4));
}

public sealed record ChannelCounts(int Total, int Counter, int Online, int Post);

public sealed record ResolvedCounts(int Total, int OnTime, int Late);

public sealed record InProgressCounts(int Total, int OnTime, int Overdue);

/// <summary>Average office time per resolved dossier, in working days of <see cref="OfficeHours.Default"/> (450 minutes).</summary>
public sealed record AverageDays(double? Value, int Dossiers, long WorkingMinutes);

/// <summary>
/// The national services of DESIGN §14: received dossiers submitted through a VNeID-verified account, received dossiers
/// with a paper taken from a national database instead of asked for, and fees paid online through the national
/// payment platform. <c>vneidRate</c> = VNeID-verified / received online; <c>nationalDataRate</c> = with a paper from
/// a national database / received.
/// </summary>
public sealed record NationalServiceFigures(int VneidVerified, int FromNationalDatabases, int PaidOnline, Rate VneidRate, Rate NationalDataRate);

public sealed record SatisfactionFigures(int Ratings, double? Average, Rate Satisfied, Rate Unsatisfied, IReadOnlyDictionary<string, int> Scores);

/// <summary>
/// The indicators of DESIGN §11 for one scope and period. Counts say which event puts a dossier in the period
/// (<see cref="IndicatorCounts"/>); every rate carries its numerator and denominator:
/// <list type="bullet">
/// <item><c>onTimeRate</c> = resolved on time / resolved (late = after the legal due date, apologies included);</item>
/// <item><c>onlineRate</c> = received online / received; <c>fullOnlineRate</c> = received online / received, both among
/// procedures offered fully online;</item>
/// <item><c>digitizationRate</c> = received with every paper electronic / received; <c>reuseRate</c> = received reusing a
/// repository paper / received; <c>electronicResultRate</c> = resolved with a signed electronic result / resolved;</item>
/// <item><c>syncRate</c> = received whose every status message the national portal accepted / received;</item>
/// <item><c>averageProcessingWorkingDays</c> = office minutes worked on resolved dossiers, pauses excluded, / their
/// number / 450; <c>pauseShare</c> = paused minutes / (worked + paused minutes), over the same dossiers;</item>
/// <item><c>satisfaction</c>: ratings given in the period; satisfied = scores 4–5, unsatisfied = 1–2;</item>
/// <item><c>nationalServices</c>: VNeID, national databases and online payment (<see cref="NationalServiceFigures"/>).</item>
/// </list>
/// </summary>
public sealed record IndicatorFigures(
    ChannelCounts Received,
    ResolvedCounts Resolved,
    InProgressCounts InProgress,
    int Returned,
    int NotAccepted,
    int Declined,
    int Withdrawn,
    Rate OnTimeRate,
    Rate OnlineRate,
    Rate FullOnlineRate,
    Rate DigitizationRate,
    Rate ReuseRate,
    Rate ElectronicResultRate,
    Rate SyncRate,
    AverageDays AverageProcessingWorkingDays,
    Rate PauseShare,
    SatisfactionFigures Satisfaction,
    NationalServiceFigures NationalServices)
{
    public static IndicatorFigures From(IndicatorCounts c)
    {
        var minutesPerDay = OfficeHours.Default.MinutesPerDay;
        return new IndicatorFigures(
            new ChannelCounts(c.Received, c.ReceivedCounter, c.ReceivedOnline, c.ReceivedPost),
            new ResolvedCounts(c.Resolved, c.ResolvedOnTime, c.ResolvedLate),
            new InProgressCounts(c.InProgress, c.InProgressOnTime, c.InProgressOverdue),
            c.Returned, c.NotAccepted, c.Declined, c.Withdrawn,
            Rate.Of(c.ResolvedOnTime, c.Resolved),
            Rate.Of(c.ReceivedOnline, c.Received),
            Rate.Of(c.ReceivedFullOnlineProcedureOnline, c.ReceivedFullOnlineProcedure),
            Rate.Of(c.ReceivedDigitized, c.Received),
            Rate.Of(c.ReceivedReusing, c.Received),
            Rate.Of(c.ResolvedElectronicResult, c.Resolved),
            Rate.Of(c.Received - c.ReceivedUnsynced, c.Received),
            new AverageDays(c.ResolvedTimed == 0 ? null : Math.Round((double)c.ProcessingWorkingMinutes / minutesPerDay / c.ResolvedTimed, 2),
                c.ResolvedTimed, c.ProcessingWorkingMinutes),
            Rate.Of(c.PausedWorkingMinutes, c.ProcessingWorkingMinutes + c.PausedWorkingMinutes),
            new SatisfactionFigures(
                c.Ratings,
                c.Ratings == 0 ? null : Math.Round((double)c.RatingScoreSum / c.Ratings, 2),
                Rate.Of(c.Rated4 + c.Rated5, c.Ratings),
                Rate.Of(c.Rated1 + c.Rated2, c.Ratings),
                new Dictionary<string, int> { ["1"] = c.Rated1, ["2"] = c.Rated2, ["3"] = c.Rated3, ["4"] = c.Rated4, ["5"] = c.Rated5 }),
            new NationalServiceFigures(c.ReceivedVneidVerified, c.ReceivedFromNationalDatabases, c.PaidOnline,
                Rate.Of(c.ReceivedVneidVerified, c.ReceivedOnline), Rate.Of(c.ReceivedFromNationalDatabases, c.Received)));
    }
}
