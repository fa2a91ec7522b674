using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using OneStop.Api.Common;
using OneStop.Infrastructure.Reports;

namespace OneStop.Api.Features.Reports;

/// <summary>A report period: whole days in Vietnam time, both ends included.</summary>
public readonly record struct ReportPeriod(DateOnly From, DateOnly To)
{
    public const int MaxDays = 731;

    public int Days => To.DayNumber - From.DayNumber + 1;

    public static string Day(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>
    /// <c>from</c>/<c>to</c> as <c>yyyy-MM-dd</c>; by default the current month up to today. A malformed date, <c>from</c>
    /// after <c>to</c> or a period over two years is a 400 naming the parameter.
    /// </summary>
    public static (ReportPeriod Period, ProblemHttpResult? Problem) Parse(string? from, string? to, DateOnly today)
    {
        if (!TryDay(to, out var end, today))
            return (default, Bad($"Ngày kết thúc (to) '{to}' không hợp lệ; viết theo dạng yyyy-MM-dd, ví dụ 2026-03-31.", "to"));
        if (!TryDay(from, out var start, new DateOnly(end.Year, end.Month, 1)))
            return (default, Bad($"Ngày bắt đầu (from) '{from}' không hợp lệ; viết theo dạng yyyy-MM-dd, ví dụ 2026-03-01.", "from"));
        if (start > end)
            return (default, Bad($"Ngày bắt đầu (from) {Day(start)} đang sau ngày kết thúc (to) {Day(end)}; hãy đổi lại cho đúng thứ tự.", "from"));
        var period = new ReportPeriod(start, end);
        if (period.Days > MaxDays)
            return (default, Bad($"Kỳ báo cáo dài {period.Days} ngày; tối đa {MaxDays} ngày (hai năm). Hãy chia thành các kỳ ngắn hơn.", "to"));
        return (period, null);
    }

    /// <summary>The year <paramref name="year"/>, from 1 January to 31 December.</summary>
    public static (ReportPeriod Period, ProblemHttpResult? Problem) Year(int? year)
    {
        if (year is null)
            return (default, Bad("Phải chọn năm báo cáo (year), ví dụ year=2026.", "year"));
        if (year is < 2000 or > 9998)
            return (default, Bad($"Năm {year} không hợp lệ.", "year"));
        return (new ReportPeriod(new DateOnly(year.Value, 1, 1), new DateOnly(year.Value, 12, 31)), null);
    }

    /// <summary>
    /// A 404 when the period lies wholly outside the days the system has data for: before its first recorded
    /// event, or after today. A period that overlaps them answers with its counts, zeros included.
    /// </summary>
    public async Task<ProblemHttpResult?> CheckHasDataAsync(IndicatorQueries queries, DateOnly today, string field, CancellationToken ct)
    {
        var first = await queries.FirstActivityAsync(ct);
        var firstDay = first is null ? today : VietnamDays.DayOf(first.Value);
        if (To >= firstDay && From <= today)
            return null;
        return Problems.Of(StatusCodes.Status404NotFound, "Không có số liệu",
            $"Không có số liệu trong kỳ {Day(From)}–{Day(To)}: hệ thống có số liệu từ ngày {Day(firstDay)} đến hôm nay ({Day(today)}).", field);
    }

    private static bool TryDay(string? text, out DateOnly day, DateOnly fallback)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            day = fallback;
            return true;
        }
        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }

    private static ProblemHttpResult Bad(string detail, string field) =>
        Problems.Of(StatusCodes.Status400BadRequest, "Yêu cầu không hợp lệ", detail, field);
}
