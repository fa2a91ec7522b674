using static OneStop.Domain.Tests.Calendar.CalendarTestData;

namespace OneStop.Domain.Tests.Calendar;

/// <summary>Measuring elapsed office time, as used for pauses and on-time checks.</summary>
public sealed class ElapsedWorkingTime
{
    [Fact]
    public void Minutes_across_a_weekend_count_only_Friday_and_Monday_office_time() =>
        // Fri 6/3/2026 16:00–17:00 and Mon 9/3 07:30–08:30.
        Assert.Equal(120, VietnamDeadlines().WorkingMinutesBetween(Vn(2026, 3, 6, 16, 0), Vn(2026, 3, 9, 8, 30)));

    [Fact]
    public void Minutes_across_the_30_April_holiday_skip_the_holidays() =>
        // Wed 29/4/2026 16:00–17:00; Thu 30/4, Fri 1/5 and the weekend off; Mon 4/5 07:30–08:30.
        Assert.Equal(120, VietnamDeadlines().WorkingMinutesBetween(Vn(2026, 4, 29, 16, 0), Vn(2026, 5, 4, 8, 30)));

    [Fact]
    public void Minutes_across_Tet_2026_count_only_the_Friday_before_it() =>
        Assert.Equal(450, VietnamDeadlines().WorkingMinutesBetween(Vn(2026, 2, 13, 7, 30), Vn(2026, 2, 23, 7, 30)));

    [Fact]
    public void Minutes_across_lunch_leave_out_the_break() =>
        // 11:00–11:30 and 13:30–14:00.
        Assert.Equal(60, VietnamDeadlines().WorkingMinutesBetween(Vn(2026, 3, 9, 11, 0), Vn(2026, 3, 9, 14, 0)));

    [Fact]
    public void A_make_up_Saturday_adds_its_office_minutes() =>
        // Sat 10/1/2026 is worked: 08:00–11:30 is 210 minutes.
        Assert.Equal(210, VietnamDeadlines().WorkingMinutesBetween(Vn(2026, 1, 10, 8, 0), Vn(2026, 1, 10, 11, 30)));

    [Fact]
    public void An_empty_or_backwards_interval_is_zero()
    {
        var deadlines = VietnamDeadlines();

        Assert.Equal(0, deadlines.WorkingMinutesBetween(Vn(2026, 3, 9, 9, 0), Vn(2026, 3, 9, 9, 0)));
        Assert.Equal(0, deadlines.WorkingMinutesBetween(Vn(2026, 3, 9, 10, 0), Vn(2026, 3, 9, 9, 0)));
    }

    [Fact]
    public void Partial_minutes_are_not_counted() =>
        Assert.Equal(0, VietnamDeadlines().WorkingMinutesBetween(Vn(2026, 3, 9, 9, 0, 0), Vn(2026, 3, 9, 9, 0, 59)));

    [Fact]
    public void UTC_timestamps_are_measured_in_Vietnam_office_hours() =>
        // 09:00Z Friday is 16:00 in Hà Nội; 01:30Z Monday is 08:30.
        Assert.Equal(120, VietnamDeadlines().WorkingMinutesBetween(
            new DateTimeOffset(2026, 3, 6, 9, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 3, 9, 1, 30, 0, TimeSpan.Zero)));

    [Fact]
    public void An_ordinary_week_is_five_working_days() =>
        Assert.Equal(5m, VietnamDeadlines().WorkingDaysBetween(Vn(2026, 3, 9, 7, 30), Vn(2026, 3, 16, 7, 30)));

    [Fact]
    public void Opening_to_11_15_is_half_a_working_day() =>
        Assert.Equal(0.5m, VietnamDeadlines().WorkingDaysBetween(Vn(2026, 3, 9, 7, 30), Vn(2026, 3, 9, 11, 15)));
}
