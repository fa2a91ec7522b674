using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneStop.Api.Common;
using OneStop.Domain.Calendar;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Api.Features.Calendar;

public sealed record CalendarDayResponse(DateOnly Date, bool Working, string? Note, string? Source);

/// <summary>
/// A year of the calendar. <see cref="Held"/> is false when the calendar has no day of that year: its holidays are
/// unknown and deadlines running into it are refused (DESIGN §6).
/// </summary>
public sealed record CalendarYearResponse(int Year, bool Held, int WorkingDays, int NonWorkingDays, IReadOnlyList<CalendarDayResponse> Days);

public sealed record CalendarDayRequest(bool? Working, string? Note);

public sealed class CalendarDayRequestValidator : AbstractValidator<CalendarDayRequest>
{
    public CalendarDayRequestValidator()
    {
        RuleFor(r => r.Working).NotNull().WithMessage("Phải cho biết ngày này có làm việc hay không (working).");
        RuleFor(r => r.Note).StoredLength(StoredLengths.CalendarNote, "Ghi chú (note)");
    }
}

public static class CalendarEndpoints
{
    public static IEndpointRouteBuilder MapCalendarApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/calendar").WithTags("Calendar");
        group.MapGet("/{year:int}", GetYear).AllowAnonymous().WithSummary("Lịch ngày làm việc của một năm (mọi ngày, kèm ghi chú nghỉ lễ / làm bù).");
        // Days live under /days/: /{year} and /{date} would be two equivalent templates, which OpenAPI forbids.
        group.MapPut("/days/{date}", SetDay).Validate<CalendarDayRequest>().RequireAuthorization(Policies.Admin)
            .WithSummary("Sửa một ngày: làm việc hay nghỉ, kèm ghi chú (nguồn ghi tên người sửa; tệp lịch phát hành sau không ghi đè).");
        return app;
    }

    public static async Task<Results<Ok<CalendarYearResponse>, ProblemHttpResult>> GetYear(int year, OneStopDbContext db, CancellationToken ct)
    {
        if (year is < 2000 or > 2100)
            return Problems.Of(StatusCodes.Status400BadRequest, "Yêu cầu không hợp lệ", "Năm phải trong khoảng 2000–2100.", "year");
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var entries = await db.Calendar.AsNoTracking().Where(c => c.Date >= first && c.Date <= last).ToDictionaryAsync(c => c.Date, ct);
        var calendar = new WorkingCalendar(entries.Values.Select(e => new CalendarDay(e.Date, e.Working, e.Note)));
        var days = new List<CalendarDayResponse>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            entries.TryGetValue(day, out var entry);
            days.Add(new CalendarDayResponse(day, calendar.IsWorkingDay(day), entry?.Note, entry?.Source));
        }
        var working = days.Count(d => d.Working);
        return TypedResults.Ok(new CalendarYearResponse(year, entries.Count > 0, working, days.Count - working, days));
    }

    public static async Task<Results<Ok<CalendarDayResponse>, ProblemHttpResult>> SetDay(
        string date, CalendarDayRequest request, ClaimsPrincipal user, OneStopDbContext db, CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", out var day) || day.Year is < 2000 or > 2100)
            return Problems.Of(StatusCodes.Status400BadRequest, "Yêu cầu không hợp lệ", $"Ngày '{date}' phải có dạng yyyy-MM-dd, năm 2000–2100.", "date");
        var entry = await db.Calendar.FirstOrDefaultAsync(c => c.Date == day, ct);
        if (entry is null)
            db.Calendar.Add(entry = new CalendarEntry { Date = day });
        entry.Working = request.Working!.Value;
        entry.Note = request.Note;
        // Any source but the shipped file's marks the day as an admin's: a newer calendar file will not overwrite it.
        entry.Source = $"sửa bởi {user.Identity?.Name}";
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new CalendarDayResponse(entry.Date, entry.Working, entry.Note, entry.Source));
    }
}
