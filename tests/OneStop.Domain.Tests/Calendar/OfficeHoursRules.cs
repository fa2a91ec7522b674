using OneStop.Domain.Calendar;

namespace OneStop.Domain.Tests.Calendar;

public sealed class OfficeHoursRules
{
    [Fact]
    public void Default_hours_are_07_30_to_11_30_and_13_30_to_17_00_with_a_15_00_cut_off()
    {
        var hours = OfficeHours.Default;

        Assert.Equal(new TimeOnly(7, 30), hours.MorningStart);
        Assert.Equal(new TimeOnly(11, 30), hours.MorningEnd);
        Assert.Equal(new TimeOnly(13, 30), hours.AfternoonStart);
        Assert.Equal(new TimeOnly(17, 0), hours.AfternoonEnd);
        Assert.Equal(new TimeOnly(15, 0), hours.ReceptionCutOff);
    }

    [Fact]
    public void A_default_working_day_is_450_minutes() =>
        Assert.Equal(450, OfficeHours.Default.MinutesPerDay);

    [Fact]
    public void Shorter_configured_hours_shorten_the_working_day()
    {
        // 08:00–11:00 and 14:00–16:00: 180 + 120 minutes; one day from 08:00 ends at 16:00.
        var hours = new OfficeHours(new(8, 0), new(11, 0), new(14, 0), new(16, 0), new(15, 0));
        var deadlines = new DeadlineCalculator(new WorkingCalendar([]), hours);

        Assert.Equal(300, hours.MinutesPerDay);
        Assert.Equal(
            new DateTimeOffset(2026, 3, 9, 16, 0, 0, TimeSpan.FromHours(7)),
            deadlines.AddWorkingDays(new DateTimeOffset(2026, 3, 9, 8, 0, 0, TimeSpan.FromHours(7)), 1m));
    }

    [Fact]
    public void Out_of_order_hours_are_rejected()
    {
        var lunchBeforeMorningEnds = new OfficeHours(new(7, 30), new(14, 0), new(13, 30), new(17, 0), new(15, 0));

        Assert.Throws<ArgumentException>(() => new DeadlineCalculator(new WorkingCalendar([]), lunchBeforeMorningEnds));
    }
}
