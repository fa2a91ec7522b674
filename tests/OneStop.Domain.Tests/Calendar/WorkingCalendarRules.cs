using OneStop.Domain.Calendar;

namespace OneStop.Domain.Tests.Calendar;

public sealed class WorkingCalendarRules
{
    // 4/1/2030 is a Friday, 5/1 a Saturday, 7/1 a Monday.
    private static readonly DateOnly Friday = new(2030, 1, 4);
    private static readonly DateOnly Saturday = new(2030, 1, 5);
    private static readonly DateOnly Monday = new(2030, 1, 7);

    [Fact]
    public void Weekdays_work_and_weekends_rest_when_nothing_is_listed()
    {
        var calendar = new WorkingCalendar([]);

        Assert.True(calendar.IsWorkingDay(Friday));
        Assert.False(calendar.IsWorkingDay(Saturday));
        Assert.False(calendar.IsWorkingDay(Saturday.AddDays(1)));
        Assert.True(calendar.IsWorkingDay(Monday));
    }

    [Fact]
    public void A_listed_holiday_is_off_and_a_listed_make_up_Saturday_is_worked()
    {
        var calendar = new WorkingCalendar([new(Monday, false, "Holiday"), new(Saturday, true, "Make-up")]);

        Assert.False(calendar.IsWorkingDay(Monday));
        Assert.True(calendar.IsWorkingDay(Saturday));
    }

    [Fact]
    public void Next_working_day_skips_the_weekend_and_a_Monday_holiday()
    {
        var calendar = new WorkingCalendar([new(Monday, false, "Holiday")]);

        Assert.Equal(new DateOnly(2030, 1, 8), calendar.NextWorkingDay(Friday));
    }

    [Fact]
    public void Next_working_day_after_Friday_is_a_make_up_Saturday()
    {
        var calendar = new WorkingCalendar([new(Saturday, true, "Make-up")]);

        Assert.Equal(Saturday, calendar.NextWorkingDay(Friday));
    }

    [Fact]
    public void A_date_listed_twice_is_rejected()
    {
        Assert.Throws<ArgumentException>(() =>
            new WorkingCalendar([new(Monday, false, null), new(Monday, true, null)]));
    }

    [Fact]
    public void Ten_years_without_a_working_day_fails_instead_of_looping()
    {
        var start = new DateOnly(2030, 1, 1);
        var allOff = Enumerable.Range(0, 3_700)
            .Select(i => start.AddDays(i))
            .Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            .Select(d => new CalendarDay(d, false, null));
        var calendar = new WorkingCalendar(allOff);

        Assert.Throws<InvalidOperationException>(() => calendar.NextWorkingDay(start));
    }

    [Fact]
    public void Json_rows_are_read_with_date_working_flag_and_note()
    {
        const string json = """
            { "years": [ { "year": 2030, "source": "test", "days": [
                { "date": "2030-01-07", "working": false, "note": "Nghỉ" },
                { "date": "2030-01-05", "working": true }
            ] } ] }
            """;

        var days = WorkingCalendar.ParseJson(json);

        Assert.Equal([new CalendarDay(Monday, false, "Nghỉ"), new CalendarDay(Saturday, true, null)], days);
        Assert.True(WorkingCalendar.LoadJson(json).IsWorkingDay(Saturday));
    }

    [Theory]
    [InlineData("""{ "years": [ { "year": 2030, "days": [ { "date": "2030-01-07" } ] } ] }""")]
    [InlineData("""{ "years": [ { "year": 2030, "days": [ { "date": "07/01/2030", "working": false } ] } ] }""")]
    [InlineData("""{ "years": [ { "year": 2030, "days": [ { "date": "2030-01-07", "working": "no" } ] } ] }""")]
    [InlineData("""{ "calendar": [] }""")]
    public void Malformed_json_is_rejected_rather_than_defaulted(string json)
    {
        Assert.Throws<FormatException>(() => WorkingCalendar.ParseJson(json));
    }
}
