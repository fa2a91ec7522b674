using OneStop.Domain.Calendar;

namespace OneStop.Domain.Tests.Calendar;

/// <summary>Shared helpers: the shipped Vietnam calendar and Vietnam-local timestamps.</summary>
internal static class CalendarTestData
{
    public static readonly string VietnamHolidaysPath =
        Path.Combine(AppContext.BaseDirectory, "calendar", "vietnam-holidays.json");

    private static readonly Lazy<WorkingCalendar> Vietnam =
        new(() => WorkingCalendar.LoadJson(File.ReadAllText(VietnamHolidaysPath)));

    public static WorkingCalendar VietnamCalendar => Vietnam.Value;

    public static DeadlineCalculator VietnamDeadlines() => new(VietnamCalendar, OfficeHours.Default);

    /// <summary>A calendar with only the given exceptions, for rules that must not depend on the data file.</summary>
    public static DeadlineCalculator Deadlines(params CalendarDay[] exceptions) =>
        new(new WorkingCalendar(exceptions), OfficeHours.Default);

    /// <summary>A moment written as a Vietnamese clerk would read it off the wall clock (UTC+07:00).</summary>
    public static DateTimeOffset Vn(int year, int month, int day, int hour, int minute, int second = 0) =>
        new(year, month, day, hour, minute, second, TimeSpan.FromHours(7));
}
