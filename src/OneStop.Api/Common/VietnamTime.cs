using OneStop.Domain.Calendar;

namespace OneStop.Api.Common;

/// <summary>Instants are stored in UTC and shown in Vietnam time (+07:00) at the API edge.</summary>
public static class VietnamTime
{
    public static DateTimeOffset ToVietnam(this DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(DeadlineCalculator.VietnamOffset);

    public static DateTimeOffset? ToVietnam(this DateTime? utc) => utc?.ToVietnam();

    public static DateOnly Today(TimeProvider clock) =>
        DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(DeadlineCalculator.VietnamOffset).DateTime);
}
