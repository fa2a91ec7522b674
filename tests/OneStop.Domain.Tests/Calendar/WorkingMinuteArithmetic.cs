using OneStop.Domain.Calendar;
using static OneStop.Domain.Tests.Calendar.CalendarTestData;

namespace OneStop.Domain.Tests.Calendar;

/// <summary>Moving along office time: 07:30–11:30 and 13:30–17:00 on working days.</summary>
public sealed class WorkingMinuteArithmetic
{
    // Monday 9/3/2026 is an ordinary working day; Friday 6/3/2026 the one before it.

    [Fact]
    public void A_full_day_from_opening_ends_at_17_00_the_same_day() =>
        Assert.Equal(Vn(2026, 3, 9, 17, 0), VietnamDeadlines().AddWorkingMinutes(Vn(2026, 3, 9, 7, 30), 450));

    [Fact]
    public void Running_out_at_the_end_of_the_morning_returns_11_30() =>
        Assert.Equal(Vn(2026, 3, 9, 11, 30), VietnamDeadlines().AddWorkingMinutes(Vn(2026, 3, 9, 7, 30), 240));

    [Fact]
    public void One_minute_past_the_morning_continues_after_lunch() =>
        Assert.Equal(Vn(2026, 3, 9, 13, 31), VietnamDeadlines().AddWorkingMinutes(Vn(2026, 3, 9, 7, 30), 241));

    [Fact]
    public void One_minute_past_closing_continues_the_next_morning() =>
        Assert.Equal(Vn(2026, 3, 10, 7, 31), VietnamDeadlines().AddWorkingMinutes(Vn(2026, 3, 9, 16, 0), 61));

    [Fact]
    public void Friday_afternoon_minutes_carry_over_the_weekend() =>
        // 30 minutes on Friday until 17:00, the other 30 from 07:30 on Monday.
        Assert.Equal(Vn(2026, 3, 9, 8, 0), VietnamDeadlines().AddWorkingMinutes(Vn(2026, 3, 6, 16, 30), 60));

    [Fact]
    public void A_start_over_lunch_counts_from_13_30() =>
        Assert.Equal(Vn(2026, 3, 9, 14, 0), VietnamDeadlines().AddWorkingMinutes(Vn(2026, 3, 9, 12, 0), 30));

    [Theory]
    [InlineData(11, 30, 9, 13, 30)]
    [InlineData(12, 0, 9, 13, 30)]
    [InlineData(6, 0, 9, 7, 30)]
    [InlineData(17, 0, 10, 7, 30)]
    [InlineData(10, 15, 9, 10, 15)]
    public void Zero_minutes_returns_the_next_office_moment(int hour, int minute, int expectedDay, int expectedHour, int expectedMinute) =>
        Assert.Equal(
            Vn(2026, 3, expectedDay, expectedHour, expectedMinute),
            VietnamDeadlines().AddWorkingMinutes(Vn(2026, 3, 9, hour, minute), 0));

    [Fact]
    public void Zero_minutes_from_a_Saturday_returns_Monday_opening() =>
        Assert.Equal(Vn(2026, 3, 9, 7, 30), VietnamDeadlines().AddWorkingMinutes(Vn(2026, 3, 7, 10, 0), 0));

    [Fact]
    public void Negative_minutes_are_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnamDeadlines().AddWorkingMinutes(Vn(2026, 3, 9, 9, 0), -1));

    [Fact]
    public void A_make_up_Saturday_built_into_the_calendar_is_counted_as_working()
    {
        // Fri 4/1/2030 16:00 + 450: 60 minutes on Friday, then Saturday 5/1 worked: 240 in the morning
        // and 150 after 13:30, ending at 16:00.
        var withMakeUp = Deadlines(new CalendarDay(new DateOnly(2030, 1, 5), true, "Làm bù"));
        var without = Deadlines();

        Assert.Equal(Vn(2030, 1, 5, 16, 0), withMakeUp.AddWorkingMinutes(Vn(2030, 1, 4, 16, 0), 450));
        Assert.Equal(Vn(2030, 1, 7, 16, 0), without.AddWorkingMinutes(Vn(2030, 1, 4, 16, 0), 450));
    }
}
