using System.Globalization;
using System.Text.Json;

namespace OneStop.Domain.Calendar;

/// <summary>
/// Which dates are working days. Monday–Friday work and Saturday–Sunday rest unless an exception says
/// otherwise; exceptions come from the calendar table (seeded from <c>calendar/vietnam-holidays.json</c>)
/// because lunar holidays and each year's announced swaps cannot be computed reliably.
/// </summary>
public sealed class WorkingCalendar
{
    /// <summary>
    /// Upper bound for any forward search. Ten years of consecutive days off can only mean corrupt
    /// data, and failing loudly beats hanging a request or a background job.
    /// </summary>
    internal const int MaxSearchDays = 3_650;

    private readonly Dictionary<DateOnly, CalendarDay> _exceptions = [];
    private readonly HashSet<int>? _heldYears;

    /// <param name="exceptions">The days that differ from the Mon–Fri working week.</param>
    /// <param name="heldYears">
    /// The years whose holidays and swaps the data holds; a date outside them is refused by deadline arithmetic
    /// (<see cref="CalendarYearMissingException"/>). Null holds every year: a calendar built for a rule's test.
    /// </param>
    public WorkingCalendar(IEnumerable<CalendarDay> exceptions, IEnumerable<int>? heldYears = null)
    {
        _heldYears = heldYears?.ToHashSet();
        ArgumentNullException.ThrowIfNull(exceptions);
        foreach (var day in exceptions)
        {
            ArgumentNullException.ThrowIfNull(day, nameof(exceptions));
            // Two rows for one date would make the answer depend on row order; reject instead of guessing.
            if (!_exceptions.TryAdd(day.Date, day))
            {
                throw new ArgumentException(
                    $"The calendar lists {day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} more than once.",
                    nameof(exceptions));
            }
        }
    }

    /// <summary>The years the calendar holds, in order; empty when it was built without a list (every year held).</summary>
    public IReadOnlyList<int> HeldYears => _heldYears?.Order().ToList() ?? [];

    /// <summary>True when the calendar's data covers <paramref name="year"/> (always, for a calendar built without a list).</summary>
    public bool Holds(int year) => _heldYears is null || _heldYears.Contains(year);

    /// <summary>Refuses a date of a year the calendar does not hold: deadline arithmetic must not guess it.</summary>
    public void Require(DateOnly date)
    {
        if (!Holds(date.Year))
            throw new CalendarYearMissingException(date.Year);
    }

    public bool IsWorkingDay(DateOnly date) =>
        _exceptions.TryGetValue(date, out var day)
            ? day.Working
            : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The first working day strictly after <paramref name="after"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly after)
    {
        var date = after;
        for (var i = 0; i < MaxSearchDays; i++)
        {
            if (date == DateOnly.MaxValue)
            {
                break;
            }
            date = date.AddDays(1);
            Require(date);
            if (IsWorkingDay(date))
            {
                return date;
            }
        }
        throw new InvalidOperationException(
            $"No working day within {MaxSearchDays} days after {after.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}; the calendar data is wrong.");
    }

    /// <summary>The last working day strictly before <paramref name="before"/> (no year check: it looks back).</summary>
    public DateOnly PreviousWorkingDay(DateOnly before)
    {
        var date = before;
        for (var i = 0; i < MaxSearchDays && date > DateOnly.MinValue; i++)
        {
            date = date.AddDays(-1);
            if (IsWorkingDay(date))
            {
                return date;
            }
        }
        throw new InvalidOperationException(
            $"No working day within {MaxSearchDays} days before {before.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}; the calendar data is wrong.");
    }

    /// <summary>A calendar holding exactly the years the file lists, with their days.</summary>
    public static WorkingCalendar LoadJson(string json)
    {
        var years = ParseYears(json);
        return new(years.SelectMany(y => y.Days), years.Select(y => y.Year));
    }

    /// <summary>The days of every year of the file; see <see cref="ParseYears"/>.</summary>
    public static IReadOnlyList<CalendarDay> ParseJson(string json) => ParseYears(json).SelectMany(y => y.Days).ToList();

    /// <summary>
    /// Reads <c>{ "years": [ { "year", "source", "days": [ { "date", "working", "note" } ] } ] }</c>.
    /// Parsed by hand rather than by serializer so that a bad row is reported with its position —
    /// the file is edited by people, and a silently defaulted <c>working</c> would shift deadlines.
    /// </summary>
    public static IReadOnlyList<CalendarYear> ParseYears(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions
        {
            AllowTrailingCommas = true,
            CommentHandling = JsonCommentHandling.Skip,
        });

        if (!document.RootElement.TryGetProperty("years", out var years) || years.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("Calendar JSON must have a \"years\" array.");
        }

        var result = new List<CalendarYear>();
        foreach (var year in years.EnumerateArray())
        {
            if (!year.TryGetProperty("year", out var y) || y.ValueKind != JsonValueKind.Number || !y.TryGetInt32(out var number))
            {
                throw new FormatException($"Calendar year #{result.Count} must have a numeric \"year\".");
            }
            var yearLabel = number.ToString(CultureInfo.InvariantCulture);
            if (!year.TryGetProperty("days", out var days) || days.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException($"Calendar year {yearLabel} must have a \"days\" array.");
            }

            var list = new List<CalendarDay>();
            var index = 0;
            foreach (var day in days.EnumerateArray())
            {
                list.Add(ReadDay(day, $"year {yearLabel}, day #{index}"));
                index++;
            }
            var source = year.TryGetProperty("source", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            result.Add(new CalendarYear(number, source, list));
        }
        return result;
    }

    private static CalendarDay ReadDay(JsonElement day, string where)
    {
        if (!day.TryGetProperty("date", out var dateElement) || dateElement.ValueKind != JsonValueKind.String
            || !DateOnly.TryParseExact(dateElement.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new FormatException($"Calendar {where}: \"date\" must be a yyyy-MM-dd string.");
        }
        if (!day.TryGetProperty("working", out var workingElement)
            || workingElement.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            throw new FormatException($"Calendar {where}: \"working\" must be true or false.");
        }
        string? note = day.TryGetProperty("note", out var noteElement) && noteElement.ValueKind == JsonValueKind.String
            ? noteElement.GetString()
            : null;
        return new CalendarDay(date, workingElement.GetBoolean(), note);
    }
}

/// <summary>One year of the calendar file: its number, where its days come from, and the days themselves.</summary>
public sealed record CalendarYear(int Year, string? Source, IReadOnlyList<CalendarDay> Days);
