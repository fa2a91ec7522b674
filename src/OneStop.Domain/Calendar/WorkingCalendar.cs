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

    public WorkingCalendar(IEnumerable<CalendarDay> exceptions)
    {
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
            if (IsWorkingDay(date))
            {
                return date;
            }
        }
        throw new InvalidOperationException(
            $"No working day within {MaxSearchDays} days after {after.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}; the calendar data is wrong.");
    }

    public static WorkingCalendar LoadJson(string json) => new(ParseJson(json));

    /// <summary>
    /// Reads <c>{ "years": [ { "year", "source", "days": [ { "date", "working", "note" } ] } ] }</c>.
    /// Parsed by hand rather than by serializer so that a bad row is reported with its position —
    /// the file is edited by people, and a silently defaulted <c>working</c> would shift deadlines.
    /// </summary>
    public static IReadOnlyList<CalendarDay> ParseJson(string json)
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

        var result = new List<CalendarDay>();
        foreach (var year in years.EnumerateArray())
        {
            var yearLabel = year.TryGetProperty("year", out var y) && y.ValueKind == JsonValueKind.Number
                ? y.GetInt32().ToString(CultureInfo.InvariantCulture)
                : "?";
            if (!year.TryGetProperty("days", out var days) || days.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException($"Calendar year {yearLabel} must have a \"days\" array.");
            }

            var index = 0;
            foreach (var day in days.EnumerateArray())
            {
                result.Add(ReadDay(day, $"year {yearLabel}, day #{index}"));
                index++;
            }
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
