namespace OneStop.Domain.Calendar;

/// <summary>
/// One exception to the default working week: a weekday off (holiday, swapped day, carry-over day)
/// or a weekend day worked (make-up Saturday). Ordinary Mon–Fri working days are never stored.
/// </summary>
public sealed record CalendarDay(DateOnly Date, bool Working, string? Note);
