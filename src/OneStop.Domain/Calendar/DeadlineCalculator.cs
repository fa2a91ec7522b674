using System.Globalization;

namespace OneStop.Domain.Calendar;

/// <summary>
/// Working-time arithmetic for legal deadlines (DESIGN §6). Everything runs on one "working-minutes"
/// timeline: the office-hour segments of working days in Vietnam local time, laid end to end. Adding
/// days is adding <see cref="OfficeHours.MinutesPerDay"/> minutes on that timeline, so a dossier received
/// mid-morning is due mid-morning, and pauses measured in minutes subtract exactly.
/// </summary>
public sealed class DeadlineCalculator(WorkingCalendar calendar, OfficeHours hours)
{
    /// <summary>
    /// Vietnam has kept UTC+7 without daylight saving since 1975, so a fixed offset is exact and avoids
    /// depending on the host's time-zone database (Windows and Linux name the zone differently).
    /// </summary>
    public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    private readonly WorkingCalendar _calendar = calendar ?? throw new ArgumentNullException(nameof(calendar));
    private readonly OfficeHours _hours = Validate(hours);

    // Initialisers run in textual order, so the hours are already validated here.
    private readonly (TimeOnly Start, TimeOnly End)[] _segments =
        [(hours.MorningStart, hours.MorningEnd), (hours.AfternoonStart, hours.AfternoonEnd)];

    /// <summary>The calendar the arithmetic runs on, exposed so callers check dates against the same data.</summary>
    public WorkingCalendar Calendar => _calendar;

    public OfficeHours Hours => _hours;

    /// <summary>
    /// When the legal clock starts for a dossier received at <paramref name="receivedAt"/>: that moment if
    /// it is a working day before the reception cut-off (moved forward to the next office moment when
    /// received before opening or over lunch), otherwise the opening of the next working day.
    /// </summary>
    public DateTimeOffset ClockStart(DateTimeOffset receivedAt)
    {
        var received = ToLocal(receivedAt);
        _calendar.Require(received.Date);
        if (_calendar.IsWorkingDay(received.Date) && received.Time < _hours.ReceptionCutOff)
        {
            return ToOffset(NextOfficeMoment(received));
        }
        return ToOffset(new LocalMoment(_calendar.NextWorkingDay(received.Date), _hours.MorningStart));
    }

    /// <summary>
    /// Moves <paramref name="minutes"/> forward along office time. Running out exactly at the end of a
    /// segment returns that end (17:00, not 07:30 next day), because "due by 17:00 Monday" is what the
    /// applicant is told; 0 minutes returns the start moved to the next office moment.
    /// </summary>
    public DateTimeOffset AddWorkingMinutes(DateTimeOffset start, int minutes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minutes);

        var position = NextOfficeMoment(ToLocal(start));
        var remaining = TimeSpan.FromMinutes(minutes);
        if (remaining == TimeSpan.Zero)
        {
            return ToOffset(position);
        }

        var date = position.Date;
        var time = position.Time;
        for (var scanned = 0; scanned < WorkingCalendar.MaxSearchDays; scanned++)
        {
            _calendar.Require(date);
            if (_calendar.IsWorkingDay(date))
            {
                foreach (var (segmentStart, segmentEnd) in _segments)
                {
                    if (time >= segmentEnd)
                    {
                        continue;
                    }
                    var from = time > segmentStart ? time : segmentStart;
                    var available = segmentEnd - from;
                    if (remaining <= available)
                    {
                        return ToOffset(new LocalMoment(date, from.Add(remaining)));
                    }
                    remaining -= available;
                }
            }
            date = date.AddDays(1);
            time = TimeOnly.MinValue;
        }
        throw new InvalidOperationException(
            $"Adding {minutes} working minutes ran past {WorkingCalendar.MaxSearchDays} calendar days; the calendar data or the request is wrong.");
    }

    /// <summary>
    /// The due date of a same-day procedure (DESIGN §6, e.g. birth registration, Law on Civil Status art. 16): the
    /// close of office hours of the day the clock starts — the day of reception, or the next working day for a
    /// dossier received after the cut-off or on a day off.
    /// </summary>
    public DateTimeOffset SameDayDue(DateTimeOffset receivedAt)
    {
        var start = ToLocal(ClockStart(receivedAt));
        return ToOffset(new LocalMoment(start.Date, _hours.AfternoonEnd));
    }

    /// <summary>
    /// The due date of a time in whole working days (Civil Code 2015 art. 147–148): the first day of a period counted
    /// in days is the day after the one it runs from, and the period ends at the end of its last day — for an office,
    /// the close of office hours. A dossier received on a working day before the cut-off runs from that day, so the
    /// next working day is day 1; one received after the cut-off or on a day off counts from the next working day,
    /// which is then day 1. Days off are skipped (art. 148(2)).
    /// </summary>
    public DateTimeOffset WholeWorkingDaysDue(DateTimeOffset receivedAt, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(days);
        var received = ToLocal(receivedAt);
        var start = ToLocal(ClockStart(receivedAt));
        var last = start.Date;
        for (var counted = start.Date == received.Date ? 0 : 1; counted < days; counted++)
        {
            last = _calendar.NextWorkingDay(last);
        }
        return ToOffset(new LocalMoment(last, _hours.AfternoonEnd));
    }

    /// <summary>The close of office hours of the first working day after the day of <paramref name="at"/>.</summary>
    public DateTimeOffset CloseOfNextWorkingDay(DateTimeOffset at) =>
        ToOffset(new LocalMoment(_calendar.NextWorkingDay(ToLocal(at).Date), _hours.AfternoonEnd));

    /// <summary>The Vietnam calendar date of an instant.</summary>
    public static DateOnly DateOf(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(VietnamOffset).DateTime);

    /// <summary>
    /// Adds working days as <c>round(days × MinutesPerDay)</c> working minutes (midpoint away from zero),
    /// so half a day is exactly half the office minutes rather than "until lunch".
    /// </summary>
    public DateTimeOffset AddWorkingDays(DateTimeOffset start, decimal days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var minutesPerDay = _hours.MinutesPerDay;
        // Checked before multiplying so an absurd input fails as a bad argument, not as an overflow.
        if (days > (decimal)int.MaxValue / minutesPerDay)
        {
            throw new ArgumentOutOfRangeException(nameof(days), days, "Too many working days.");
        }
        var minutes = decimal.Round(days * minutesPerDay, 0, MidpointRounding.AwayFromZero);
        return AddWorkingMinutes(start, (int)minutes);
    }

    /// <summary>
    /// Office minutes on working days in [<paramref name="from"/>, <paramref name="to"/>); 0 when
    /// <paramref name="to"/> is not after <paramref name="from"/>. Partial minutes are dropped so that a
    /// pause never counts time the office did not actually lose.
    /// </summary>
    public int WorkingMinutesBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return 0;
        }

        var start = ToLocal(from);
        var end = ToLocal(to);
        if (end.Date.DayNumber - start.Date.DayNumber > WorkingCalendar.MaxSearchDays)
        {
            throw new ArgumentOutOfRangeException(
                nameof(to), to, $"Spans longer than {WorkingCalendar.MaxSearchDays} days are not measured.");
        }

        var total = TimeSpan.Zero;
        for (var date = start.Date; date <= end.Date; date = date.AddDays(1))
        {
            if (!_calendar.IsWorkingDay(date))
            {
                continue;
            }
            foreach (var (segmentStart, segmentEnd) in _segments)
            {
                var overlapStart = date == start.Date && start.Time > segmentStart ? start.Time : segmentStart;
                var overlapEnd = date == end.Date && end.Time < segmentEnd ? end.Time : segmentEnd;
                if (overlapEnd > overlapStart)
                {
                    total += overlapEnd - overlapStart;
                }
            }
        }
        return (int)(total.Ticks / TimeSpan.TicksPerMinute);
    }

    /// <summary>Working minutes between the two moments divided by <see cref="OfficeHours.MinutesPerDay"/>.</summary>
    public decimal WorkingDaysBetween(DateTimeOffset from, DateTimeOffset to) =>
        (decimal)WorkingMinutesBetween(from, to) / _hours.MinutesPerDay;

    /// <summary>The earliest moment at or after <paramref name="moment"/> that lies inside office time.</summary>
    private LocalMoment NextOfficeMoment(LocalMoment moment)
    {
        if (_calendar.IsWorkingDay(moment.Date))
        {
            foreach (var (segmentStart, segmentEnd) in _segments)
            {
                // A segment's end is not an office moment: nothing can be done at 11:30 until 13:30.
                if (moment.Time < segmentEnd)
                {
                    return new LocalMoment(moment.Date, moment.Time > segmentStart ? moment.Time : segmentStart);
                }
            }
        }
        return new LocalMoment(_calendar.NextWorkingDay(moment.Date), _hours.MorningStart);
    }

    private static LocalMoment ToLocal(DateTimeOffset value)
    {
        var local = value.ToOffset(VietnamOffset).DateTime;
        return new LocalMoment(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));
    }

    private static DateTimeOffset ToOffset(LocalMoment moment) =>
        new(moment.Date.ToDateTime(moment.Time), VietnamOffset);

    private static OfficeHours Validate(OfficeHours hours)
    {
        ArgumentNullException.ThrowIfNull(hours);
        // TimeOnly subtraction wraps around midnight, so out-of-order hours would silently yield
        // nonsense segment lengths instead of failing.
        if (!(hours.MorningStart < hours.MorningEnd
              && hours.MorningEnd <= hours.AfternoonStart
              && hours.AfternoonStart < hours.AfternoonEnd))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture,
                    $"Office hours must be ordered: {hours.MorningStart:HH\\:mm} < {hours.MorningEnd:HH\\:mm} <= {hours.AfternoonStart:HH\\:mm} < {hours.AfternoonEnd:HH\\:mm}."),
                nameof(hours));
        }
        return hours;
    }

    private readonly record struct LocalMoment(DateOnly Date, TimeOnly Time);
}
