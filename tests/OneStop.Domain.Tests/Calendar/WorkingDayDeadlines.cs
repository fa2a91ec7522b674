using static OneStop.Domain.Tests.Calendar.CalendarTestData;

namespace OneStop.Domain.Tests.Calendar;

/// <summary>Due dates in working days against the shipped Vietnam calendar (1 day = 450 office minutes).</summary>
public sealed class WorkingDayDeadlines
{
    [Fact]
    public void One_day_from_Monday_09_00_is_Tuesday_09_00() =>
        Assert.Equal(Vn(2026, 3, 10, 9, 0), VietnamDeadlines().AddWorkingDays(Vn(2026, 3, 9, 9, 0), 1m));

    [Fact]
    public void One_day_from_Monday_opening_is_Monday_17_00() =>
        Assert.Equal(Vn(2026, 3, 9, 17, 0), VietnamDeadlines().AddWorkingDays(Vn(2026, 3, 9, 7, 30), 1m));

    [Fact]
    public void Half_a_day_from_opening_is_225_minutes_later_at_11_15() =>
        Assert.Equal(Vn(2026, 3, 9, 11, 15), VietnamDeadlines().AddWorkingDays(Vn(2026, 3, 9, 7, 30), 0.5m));

    [Fact]
    public void A_one_day_procedure_received_at_15_01_on_Friday_is_due_at_17_00_on_Monday()
    {
        var deadlines = VietnamDeadlines();

        var start = deadlines.ClockStart(Vn(2026, 3, 6, 15, 1));

        Assert.Equal(Vn(2026, 3, 9, 7, 30), start);
        Assert.Equal(Vn(2026, 3, 9, 17, 0), deadlines.AddWorkingDays(start, 1m));
    }

    [Fact]
    public void A_one_day_procedure_received_at_14_59_on_Friday_is_due_at_14_59_on_Monday()
    {
        // 121 minutes on Friday (14:59–17:00), then 240 in Monday's morning and 89 after 13:30.
        var deadlines = VietnamDeadlines();

        var start = deadlines.ClockStart(Vn(2026, 3, 6, 14, 59));

        Assert.Equal(Vn(2026, 3, 9, 14, 59), deadlines.AddWorkingDays(start, 1m));
    }

    [Fact]
    public void Deadline_skips_the_Tet_holiday()
    {
        // Received Thu 12/2/2026 10:00. Working days: Fri 13/2, then Tết 14–22/2, then Mon 23, Tue 24,
        // Wed 25, Thu 26/2 — the fifth working day ends at 10:00 on Thursday 26/2.
        var deadlines = VietnamDeadlines();

        var start = deadlines.ClockStart(Vn(2026, 2, 12, 10, 0));

        Assert.Equal(Vn(2026, 2, 26, 10, 0), deadlines.AddWorkingDays(start, 5m));
    }

    [Fact]
    public void Deadline_skips_the_Tet_2025_holiday()
    {
        // Fri 24/1/2025 10:00 + 1: Tết 27–31/1 and the weekends around it are off; Mon 3/2 10:00.
        Assert.Equal(Vn(2025, 2, 3, 10, 0), VietnamDeadlines().AddWorkingDays(Vn(2025, 1, 24, 10, 0), 1m));
    }

    [Fact]
    public void The_announced_make_up_Saturday_of_April_2025_is_counted_as_working()
    {
        // Sat 26/4/2025 is worked in exchange for Fri 2/5/2025.
        var deadlines = VietnamDeadlines();

        Assert.Equal(Vn(2025, 4, 26, 9, 0), deadlines.AddWorkingDays(Vn(2025, 4, 25, 9, 0), 1m));
        Assert.Equal(Vn(2025, 4, 28, 9, 0), deadlines.AddWorkingDays(Vn(2025, 4, 25, 9, 0), 2m));
    }

    [Fact]
    public void The_make_up_Saturday_of_January_2026_is_counted_as_working() =>
        Assert.Equal(Vn(2026, 1, 10, 9, 0), VietnamDeadlines().AddWorkingDays(Vn(2026, 1, 9, 9, 0), 1m));

    [Fact]
    public void Deadline_skips_New_Year_2026_and_its_swapped_Friday() =>
        // Wed 31/12/2025 09:00 + 1: Thu 1/1 and Fri 2/1 off, then the weekend.
        Assert.Equal(Vn(2026, 1, 5, 9, 0), VietnamDeadlines().AddWorkingDays(Vn(2025, 12, 31, 9, 0), 1m));

    [Fact]
    public void Deadline_skips_the_National_Day_break_of_2026() =>
        // Fri 28/8/2026 09:00 + 1: 29/8–2/9 off (31/8 swapped for Sat 22/8); Thu 3/9 09:00.
        Assert.Equal(Vn(2026, 9, 3, 9, 0), VietnamDeadlines().AddWorkingDays(Vn(2026, 8, 28, 9, 0), 1m));

    [Fact]
    public void Deadline_skips_the_Hung_Kings_carry_over_day() =>
        // Fri 24/4/2026 09:00 + 1: Hùng Kings' day is Sunday 26/4, so Monday 27/4 is off; Tue 28/4 09:00.
        Assert.Equal(Vn(2026, 4, 28, 9, 0), VietnamDeadlines().AddWorkingDays(Vn(2026, 4, 24, 9, 0), 1m));

    [Fact]
    public void Negative_days_are_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnamDeadlines().AddWorkingDays(Vn(2026, 3, 9, 9, 0), -0.5m));
}
