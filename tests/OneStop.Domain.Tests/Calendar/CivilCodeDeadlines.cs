using OneStop.Domain.Calendar;
using static OneStop.Domain.Tests.Calendar.CalendarTestData;

namespace OneStop.Domain.Tests.Calendar;

/// <summary>
/// Due dates of processing times in whole working days and of same-day procedures (DESIGN §6), against the shipped
/// calendar. Civil Code 2015 art. 147(2): a period counted in days starts the day after the day it runs from; art. 148:
/// it ends at the end of its last day — for an office, the close of office hours — and a last day that is a day off
/// moves to the next working day. A dossier received after 15:00 or on a day off counts from the next working day,
/// which is then day 1. Each expected date is worked out by hand from calendar/vietnam-holidays.json.
/// </summary>
public sealed class CivilCodeDeadlines
{
    private static DateTimeOffset Due(DateTimeOffset received, int days) => VietnamDeadlines().WholeWorkingDaysDue(received, days);

    [Fact]
    public void One_day_from_Monday_09_00_ends_at_Tuesdays_close_art_147_148() =>
        // Monday 02/03/2026 is the day of reception, not counted; Tuesday 03/03 is day 1 and ends at 17:00.
        Assert.Equal(Vn(2026, 3, 3, 17, 0), Due(Vn(2026, 3, 2, 9, 0), 1));

    [Fact]
    public void One_day_from_Monday_07_00_before_opening_still_leaves_Monday_uncounted() =>
        Assert.Equal(Vn(2026, 3, 3, 17, 0), Due(Vn(2026, 3, 2, 7, 0), 1));

    [Fact]
    public void Received_after_15_00_the_next_working_day_is_day_1() =>
        // Friday 06/03/2026 15:01 → counts from Monday 09/03, day 1, ending 17:00.
        Assert.Equal(Vn(2026, 3, 9, 17, 0), Due(Vn(2026, 3, 6, 15, 1), 1));

    [Fact]
    public void Three_days_from_the_eve_of_Tet_skip_the_whole_Tet_holiday()
    {
        // Thursday 12/02/2026 10:00, 3 days: day 1 Fri 13/02; Sat 14 – Sun 22/02 are the weekend and Tết Bính Ngọ
        // (16–20/02, Thông báo 9441/TB-BNV); day 2 Mon 23/02; day 3 Tue 24/02 → 17:00.
        Assert.Equal(Vn(2026, 2, 24, 17, 0), Due(Vn(2026, 2, 12, 10, 0), 3));
    }

    [Fact]
    public void The_Hung_Kings_day_on_a_Sunday_is_carried_over_to_Monday()
    {
        // Friday 24/04/2026 09:00: Sat 25, Sun 26 (Giỗ Tổ, 10/3 Bính Ngọ) and Mon 27 (carry-over, Labour Code art. 111(3))
        // are off; day 1 Tue 28/04, day 2 Wed 29/04 → 17:00.
        Assert.Equal(Vn(2026, 4, 29, 17, 0), Due(Vn(2026, 4, 24, 9, 0), 2));
        // Day 3 skips 30/04 and 01/05 (Thu, Fri) and the weekend: Monday 04/05.
        Assert.Equal(Vn(2026, 5, 4, 17, 0), Due(Vn(2026, 4, 24, 9, 0), 3));
    }

    [Fact]
    public void A_make_up_Saturday_counts_as_a_working_day()
    {
        // Friday 09/01/2026 10:00, 1 day: Saturday 10/01 is worked in exchange for Friday 02/01 (Công văn 12729/VPCP-KGVX).
        Assert.Equal(Vn(2026, 1, 10, 17, 0), Due(Vn(2026, 1, 9, 10, 0), 1));
    }

    [Fact]
    public void Received_on_a_swapped_day_off_counts_from_the_next_working_day()
    {
        // Friday 02/01/2026 is off (swapped); the weekend follows: Monday 05/01 is day 1.
        Assert.Equal(Vn(2026, 1, 5, 17, 0), Due(Vn(2026, 1, 2, 9, 0), 1));
    }

    [Fact]
    public void Received_after_the_cut_off_before_a_make_up_Saturday_counts_from_that_Saturday()
    {
        // Friday 21/08/2026 16:00 → the next working day is Saturday 22/08 (worked for Monday 31/08): day 1;
        // day 2 Monday 24/08 → 17:00.
        Assert.Equal(Vn(2026, 8, 24, 17, 0), Due(Vn(2026, 8, 21, 16, 0), 2));
    }

    [Fact]
    public void A_same_day_procedure_received_at_09_00_is_due_at_17_00_that_day() =>
        Assert.Equal(Vn(2026, 3, 2, 17, 0), VietnamDeadlines().SameDayDue(Vn(2026, 3, 2, 9, 0)));

    [Fact]
    public void A_same_day_procedure_received_at_15_30_is_due_at_the_next_working_days_close() =>
        Assert.Equal(Vn(2026, 3, 3, 17, 0), VietnamDeadlines().SameDayDue(Vn(2026, 3, 2, 15, 30)));

    [Fact]
    public void A_same_day_procedure_received_after_15_00_on_the_eve_of_Tet_is_due_after_Tet() =>
        // Friday 13/02/2026 15:30: the next working day is Monday 23/02.
        Assert.Equal(Vn(2026, 2, 23, 17, 0), VietnamDeadlines().SameDayDue(Vn(2026, 2, 13, 15, 30)));

    [Fact]
    public void A_deadline_into_a_year_the_calendar_lacks_is_refused_not_counted_on_weekends_alone()
    {
        // Friday 24/12/2027, 10 days: 27–31/12 are days 1–5; day 6 would be in 2028, which the file does not hold.
        var refusal = Assert.Throws<CalendarYearMissingException>(() => Due(Vn(2027, 12, 24, 9, 0), 10));

        Assert.Equal(2028, refusal.Year);
        Assert.Equal("dueDate", refusal.Field);
        Assert.Contains("năm 2028", refusal.Message);
    }

    [Fact]
    public void The_same_deadline_within_the_held_year_is_given()
        // Friday 24/12/2027, 5 days: Mon 27 … Fri 31/12 → 31/12/2027 17:00, all in 2027.
        => Assert.Equal(Vn(2027, 12, 31, 17, 0), Due(Vn(2027, 12, 24, 9, 0), 5));

    [Fact]
    public void Office_minutes_into_a_year_the_calendar_lacks_are_refused_too() =>
        Assert.Throws<CalendarYearMissingException>(() => VietnamDeadlines().AddWorkingDays(Vn(2027, 12, 30, 9, 0), 3m));

    [Fact]
    public void A_calendar_built_without_a_list_of_years_holds_every_year() =>
        // Rules that do not depend on the data file (the helper's calendar) are not refused.
        Assert.Equal(Vn(2030, 1, 2, 17, 0), Deadlines().WholeWorkingDaysDue(Vn(2030, 1, 1, 9, 0), 1));

    [Fact]
    public void The_shipped_file_holds_2025_to_2027() =>
        Assert.Equal([2025, 2026, 2027], VietnamCalendar.HeldYears);
}
