namespace OneStop.Domain.Calendar;

/// <summary>
/// Reception office hours in Vietnam local time. A dossier received at or after
/// <see cref="ReceptionCutOff"/> counts from the next working day (DESIGN §6).
/// </summary>
public sealed record OfficeHours(
    TimeOnly MorningStart,
    TimeOnly MorningEnd,
    TimeOnly AfternoonStart,
    TimeOnly AfternoonEnd,
    TimeOnly ReceptionCutOff)
{
    /// <summary>07:30–11:30 and 13:30–17:00, reception cut-off 15:00: 450 working minutes a day.</summary>
    public static OfficeHours Default { get; } = new(
        new TimeOnly(7, 30), new TimeOnly(11, 30), new TimeOnly(13, 30), new TimeOnly(17, 0), new TimeOnly(15, 0));

    /// <summary>Length of one working day; the unit that converts working days to working minutes.</summary>
    public int MinutesPerDay =>
        (int)((MorningEnd - MorningStart).TotalMinutes + (AfternoonEnd - AfternoonStart).TotalMinutes);
}
