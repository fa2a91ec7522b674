namespace OneStop.Domain.Dossiers;

public sealed partial class Dossier
{
    /// <summary>
    /// Writes how many office minutes the unit took, pauses excluded, and how many the applicant's pauses took,
    /// both counted from the clock's start at reception (DESIGN §11: reports average them with a plain SQL AVG).
    /// Every way of resolving calls it; today that is <c>resolve</c> alone.
    /// </summary>
    internal void RecordProcessingTime(DossierContext context)
    {
        if (ReceivedAt is not { } received || ResolvedAt is not { } resolved)
            return;
        var deadlines = context.Deadlines;
        var clockStart = deadlines.ClockStart(Offset(received));
        var end = Offset(resolved);
        var gross = deadlines.WorkingMinutesBetween(clockStart, end);
        // Only the part of each pause inside [clock start, resolution]: a pause begun on a late afternoon's
        // reception stood still before the clock ran at all.
        var paused = _pauses.Where(p => p.EndedAt is not null)
            .Sum(p => deadlines.WorkingMinutesBetween(Max(Offset(p.StartedAt), clockStart), Min(Offset(p.EndedAt!.Value), end)));
        PausedWorkingMinutes = Math.Min(paused, gross);
        ProcessingWorkingMinutes = gross - PausedWorkingMinutes;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
