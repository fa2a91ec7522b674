using System.Globalization;

namespace OneStop.Domain.Calendar;

/// <summary>
/// A deadline would run into a year the calendar does not hold (DESIGN §6): its Tết, Hùng Kings day and swapped
/// days are unknown, so counting weekends alone would promise a wrong date. Thrown before anything changes; the
/// API answers 422 naming <see cref="Field"/>.
/// </summary>
public sealed class CalendarYearMissingException(int year) : Exception(
    string.Create(CultureInfo.InvariantCulture,
        $"Thời hạn giải quyết kéo sang năm {year} nhưng lịch ngày làm việc chưa có năm {year} (chưa có ngày nghỉ Tết, lễ, ngày hoán đổi được công bố); " +
        $"quản trị viên cần cập nhật lịch năm {year} trước khi tiếp nhận hồ sơ có hạn giải quyết sang năm đó."))
{
    public int Year { get; } = year;

    /// <summary>What the caller would have got: the due date that cannot be computed.</summary>
    public string Field => "dueDate";
}
