using static OneStop.Domain.Tests.Calendar.CalendarTestData;

namespace OneStop.Domain.Tests.Calendar;

/// <summary>When the legal clock starts for a dossier, by the moment it was received (DESIGN §6).</summary>
public sealed class ClockStartRules
{
    // Friday 6/3/2026 and Monday 9/3/2026 are ordinary working days.

    [Fact]
    public void A_dossier_received_at_15_01_on_Friday_starts_at_07_30_on_Monday() =>
        Assert.Equal(Vn(2026, 3, 9, 7, 30), VietnamDeadlines().ClockStart(Vn(2026, 3, 6, 15, 1)));

    [Fact]
    public void A_dossier_received_at_exactly_15_00_starts_the_next_working_day() =>
        Assert.Equal(Vn(2026, 3, 9, 7, 30), VietnamDeadlines().ClockStart(Vn(2026, 3, 6, 15, 0)));

    [Fact]
    public void A_dossier_received_at_14_59_on_Friday_starts_at_once() =>
        Assert.Equal(Vn(2026, 3, 6, 14, 59), VietnamDeadlines().ClockStart(Vn(2026, 3, 6, 14, 59)));

    [Fact]
    public void A_dossier_received_before_opening_starts_at_07_30_that_day() =>
        Assert.Equal(Vn(2026, 3, 9, 7, 30), VietnamDeadlines().ClockStart(Vn(2026, 3, 9, 6, 45)));

    [Theory]
    [InlineData(11, 30)]
    [InlineData(12, 10)]
    [InlineData(13, 29)]
    public void A_dossier_received_over_lunch_starts_at_13_30(int hour, int minute) =>
        Assert.Equal(Vn(2026, 3, 9, 13, 30), VietnamDeadlines().ClockStart(Vn(2026, 3, 9, hour, minute)));

    [Fact]
    public void A_dossier_received_at_11_29_starts_at_once() =>
        Assert.Equal(Vn(2026, 3, 9, 11, 29), VietnamDeadlines().ClockStart(Vn(2026, 3, 9, 11, 29)));

    [Fact]
    public void A_dossier_received_on_Saturday_starts_at_07_30_on_Monday() =>
        Assert.Equal(Vn(2026, 3, 9, 7, 30), VietnamDeadlines().ClockStart(Vn(2026, 3, 7, 9, 0)));

    [Fact]
    public void A_dossier_received_before_the_30_April_holiday_starts_after_it()
    {
        // Wed 29/4/2026 after cut-off; Thu 30/4 and Fri 1/5 are holidays, then the weekend.
        Assert.Equal(Vn(2026, 5, 4, 7, 30), VietnamDeadlines().ClockStart(Vn(2026, 4, 29, 15, 30)));
    }

    [Fact]
    public void A_dossier_received_online_during_Tet_starts_when_offices_reopen() =>
        Assert.Equal(Vn(2026, 2, 23, 7, 30), VietnamDeadlines().ClockStart(Vn(2026, 2, 17, 10, 0)));

    [Fact]
    public void A_dossier_received_on_a_make_up_Saturday_starts_at_once() =>
        Assert.Equal(Vn(2026, 1, 10, 9, 0), VietnamDeadlines().ClockStart(Vn(2026, 1, 10, 9, 0)));

    [Fact]
    public void A_UTC_timestamp_is_read_in_Vietnam_time_and_answered_with_a_plus_7_offset()
    {
        // 07:59Z is 14:59 in Hà Nội: before the cut-off.
        var start = VietnamDeadlines().ClockStart(new DateTimeOffset(2026, 3, 6, 7, 59, 0, TimeSpan.Zero));

        Assert.Equal(TimeSpan.FromHours(7), start.Offset);
        Assert.Equal(new DateTime(2026, 3, 6, 14, 59, 0), start.DateTime);
    }

    [Fact]
    public void A_UTC_timestamp_late_on_Thursday_is_already_Friday_in_Vietnam()
    {
        // 17:30Z on Thursday 5/3 is 00:30 on Friday 6/3 in Hà Nội.
        var start = VietnamDeadlines().ClockStart(new DateTimeOffset(2026, 3, 5, 17, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateTime(2026, 3, 6, 7, 30, 0), start.DateTime);
    }
}
