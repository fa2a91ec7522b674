using System.Globalization;
using System.Text.Json;
using OneStop.Domain.Calendar;
using static OneStop.Domain.Tests.Calendar.CalendarTestData;

namespace OneStop.Domain.Tests.Calendar;

/// <summary>The seed data in calendar/vietnam-holidays.json, checked against the announced calendars.</summary>
public sealed class VietnamHolidayFile
{
    private static JsonElement[] Years()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(VietnamHolidaysPath));
        return document.RootElement.GetProperty("years").EnumerateArray().Select(y => y.Clone()).ToArray();
    }

    private static IEnumerable<CalendarDay> DaysOf(int year) =>
        WorkingCalendar.ParseJson(File.ReadAllText(VietnamHolidaysPath)).Where(d => d.Date.Year == year);

    [Fact]
    public void Covers_2025_to_2027_and_names_a_source_for_each_year()
    {
        var years = Years();

        Assert.Equal([2025, 2026, 2027], years.Select(y => y.GetProperty("year").GetInt32()).Order());
        Assert.All(years, y => Assert.False(string.IsNullOrWhiteSpace(y.GetProperty("source").GetString())));
    }

    [Fact]
    public void Lists_no_date_twice()
    {
        var dates = WorkingCalendar.ParseJson(File.ReadAllText(VietnamHolidaysPath)).Select(d => d.Date).ToList();

        Assert.NotEmpty(dates);
        Assert.Equal(dates.Count, dates.Distinct().Count());
    }

    [Fact]
    public void Lists_each_date_under_its_own_year()
    {
        foreach (var year in Years())
        {
            var number = year.GetProperty("year").GetInt32();
            Assert.All(year.GetProperty("days").EnumerateArray(), day =>
                Assert.StartsWith(number.ToString(CultureInfo.InvariantCulture) + "-", day.GetProperty("date").GetString()));
        }
    }

    [Theory]
    [InlineData(2025)]
    [InlineData(2026)]
    [InlineData(2027)]
    public void Each_year_has_between_10_and_25_weekdays_off(int year)
    {
        var calendar = VietnamCalendar;
        var weekdaysOff = 0;
        for (var date = new DateOnly(year, 1, 1); date.Year == year; date = date.AddDays(1))
        {
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !calendar.IsWorkingDay(date))
            {
                weekdaysOff++;
            }
        }

        Assert.InRange(weekdaysOff, 10, 25);
    }

    [Fact]
    public void Make_up_days_are_weekend_days()
    {
        var makeUps = WorkingCalendar.ParseJson(File.ReadAllText(VietnamHolidaysPath)).Where(d => d.Working).ToList();

        Assert.All(makeUps, d => Assert.True(d.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday, d.Date.ToString()));
    }

    [Theory]
    // 10/3 lunar: Monday 7/4/2025; Sunday 26/4/2026 carried over to Monday 27/4; Friday 16/4/2027.
    [InlineData("2025-04-07")]
    [InlineData("2026-04-26")]
    [InlineData("2026-04-27")]
    [InlineData("2027-04-16")]
    public void Hung_Kings_day_is_off_in_each_year(string date)
    {
        var day = DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

        Assert.False(VietnamCalendar.IsWorkingDay(day));
        Assert.Contains(DaysOf(day.Year), d => d.Date == day && d.Note!.Contains("Hùng Vương", StringComparison.Ordinal));
    }

    [Theory]
    // National Day is two days: 2/9 plus 1/9 (2025, 2026) or 3/9 (2027, provisional).
    [InlineData(2025, 1)]
    [InlineData(2026, 1)]
    [InlineData(2027, 3)]
    public void National_Day_gives_2_September_and_the_announced_adjacent_day(int year, int adjacentDay)
    {
        Assert.False(VietnamCalendar.IsWorkingDay(new DateOnly(year, 9, 2)));
        Assert.False(VietnamCalendar.IsWorkingDay(new DateOnly(year, 9, adjacentDay)));
    }

    [Theory]
    [InlineData(2025)]
    [InlineData(2026)]
    [InlineData(2027)]
    public void New_Year_Reunification_Day_and_Labour_Day_are_off(int year)
    {
        Assert.False(VietnamCalendar.IsWorkingDay(new DateOnly(year, 1, 1)));
        Assert.False(VietnamCalendar.IsWorkingDay(new DateOnly(year, 4, 30)));
        Assert.False(VietnamCalendar.IsWorkingDay(new DateOnly(year, 5, 1)));
    }

    [Theory]
    // First day of the lunar year in Vietnam (UTC+7): 29/1/2025, 17/2/2026, 6/2/2027.
    [InlineData("2025-01-29")]
    [InlineData("2026-02-17")]
    [InlineData("2027-02-06")]
    public void Lunar_New_Year_day_is_off(string date) =>
        Assert.False(VietnamCalendar.IsWorkingDay(DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture)));

    [Fact]
    public void Tet_2026_is_off_from_Monday_16_to_Friday_20_February_and_work_resumes_on_the_23rd()
    {
        var calendar = VietnamCalendar;

        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 2, 13)));
        for (var day = 16; day <= 20; day++)
        {
            Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 2, day)));
        }
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 2, 23)));
    }

    [Fact]
    public void Tet_2025_is_off_from_Monday_27_to_Friday_31_January()
    {
        for (var day = 27; day <= 31; day++)
        {
            Assert.False(VietnamCalendar.IsWorkingDay(new DateOnly(2025, 1, day)));
        }
        Assert.True(VietnamCalendar.IsWorkingDay(new DateOnly(2025, 2, 3)));
    }

    [Theory]
    // Announced swaps: 2/5/2025 for Sat 26/4/2025; 2/1/2026 for Sat 10/1/2026; 31/8/2026 for Sat 22/8/2026.
    [InlineData("2025-05-02", "2025-04-26")]
    [InlineData("2026-01-02", "2026-01-10")]
    [InlineData("2026-08-31", "2026-08-22")]
    public void Swapped_weekdays_are_off_and_their_make_up_Saturdays_are_worked(string dayOff, string makeUpSaturday)
    {
        Assert.False(VietnamCalendar.IsWorkingDay(DateOnly.ParseExact(dayOff, "yyyy-MM-dd", CultureInfo.InvariantCulture)));
        Assert.True(VietnamCalendar.IsWorkingDay(DateOnly.ParseExact(makeUpSaturday, "yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Labour_Day_2027_on_a_Saturday_is_carried_over_to_Monday_3_May()
    {
        Assert.False(VietnamCalendar.IsWorkingDay(new DateOnly(2027, 5, 3)));
        Assert.True(VietnamCalendar.IsWorkingDay(new DateOnly(2027, 5, 4)));
    }
}
