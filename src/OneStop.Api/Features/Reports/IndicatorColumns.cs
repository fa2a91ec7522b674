using OneStop.Api.Common;

namespace OneStop.Api.Features.Reports;

/// <summary>
/// The indicator figures as flat, named columns: the CSV exports and the open data use the same names, in the
/// same order, as the JSON's paths (<c>received.online</c> → <c>receivedOnline</c>).
/// </summary>
public static class IndicatorColumns
{
    public sealed record Column(string Name, Func<IndicatorFigures, string> Value, Func<IndicatorFigures, long> Base);

    private static Column Count(string name, Func<IndicatorFigures, long> value) => new(name, f => Csv.Number(value(f)), value);

    private static Column Ratio(string name, Func<IndicatorFigures, Rate> rate) =>
        new(name, f => Csv.Number(rate(f).Value), f => rate(f).Denominator);

    public static readonly IReadOnlyList<Column> All =
    [
        Count("received", f => f.Received.Total),
        Count("receivedCounter", f => f.Received.Counter),
        Count("receivedOnline", f => f.Received.Online),
        Count("receivedPost", f => f.Received.Post),
        Count("resolved", f => f.Resolved.Total),
        Count("resolvedOnTime", f => f.Resolved.OnTime),
        Count("resolvedLate", f => f.Resolved.Late),
        Count("inProgress", f => f.InProgress.Total),
        Count("inProgressOnTime", f => f.InProgress.OnTime),
        Count("inProgressOverdue", f => f.InProgress.Overdue),
        Count("returned", f => f.Returned),
        Count("notAccepted", f => f.NotAccepted),
        Count("declined", f => f.Declined),
        Count("withdrawn", f => f.Withdrawn),
        Ratio("onTimeRate", f => f.OnTimeRate),
        Ratio("onlineRate", f => f.OnlineRate),
        Ratio("fullOnlineRate", f => f.FullOnlineRate),
        Ratio("digitizationRate", f => f.DigitizationRate),
        Ratio("reuseRate", f => f.ReuseRate),
        Ratio("electronicResultRate", f => f.ElectronicResultRate),
        Ratio("syncRate", f => f.SyncRate),
        new("averageProcessingWorkingDays", f => Csv.Number(f.AverageProcessingWorkingDays.Value), f => f.AverageProcessingWorkingDays.Dossiers),
        new("pauseShare", f => Csv.Number(f.PauseShare.Value), f => f.AverageProcessingWorkingDays.Dossiers),
        Count("ratings", f => f.Satisfaction.Ratings),
        new("averageRating", f => Csv.Number(f.Satisfaction.Average), f => f.Satisfaction.Ratings),
        Ratio("satisfiedRate", f => f.Satisfaction.Satisfied),
        Count("receivedVneidVerified", f => f.NationalServices.VneidVerified),
        Count("receivedFromNationalDatabases", f => f.NationalServices.FromNationalDatabases),
        Count("paidOnline", f => f.NationalServices.PaidOnline),
    ];
}
