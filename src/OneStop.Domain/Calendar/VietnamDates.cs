using System.Globalization;

namespace OneStop.Domain.Calendar;

/// <summary>Instants as a Vietnamese reader expects them in a message: "16:30 ngày 05/03/2026", Vietnam time.</summary>
public static class VietnamDates
{
    public static string Format(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).Add(DeadlineCalculator.VietnamOffset)
            .ToString("HH:mm 'ngày' dd/MM/yyyy", CultureInfo.InvariantCulture);
}
