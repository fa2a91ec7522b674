using OneStop.Domain.Calendar;

namespace OneStop.Infrastructure.Reports;

/// <summary>Report periods are whole days in Vietnam time; the database holds UTC instants.</summary>
public static class VietnamDays
{
    /// <summary>The UTC instant at which <paramref name="day"/> begins in Vietnam (00:00 +07:00).</summary>
    public static DateTime Start(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), DeadlineCalculator.VietnamOffset).UtcDateTime;

    public static DateOnly Today(TimeProvider clock) => DayOf(clock.GetUtcNow().UtcDateTime);

    public static DateOnly DayOf(DateTime utc) => DateOnly.FromDateTime(utc.Add(DeadlineCalculator.VietnamOffset));
}
