using System.Globalization;
using System.Text;

namespace OneStop.Api.Common;

/// <summary>
/// RFC 4180 CSV for spreadsheets: UTF-8 with a byte-order mark (without it Excel reads Vietnamese as
/// mojibake), CRLF line ends, numbers in invariant culture (a dot before decimals).
/// </summary>
public static class Csv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var text = new StringBuilder();
        AppendLine(text, header);
        foreach (var row in rows)
            AppendLine(text, row);
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Number(double? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "";

    private static void AppendLine(StringBuilder text, IReadOnlyList<string> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
                text.Append(',');
            var cell = cells[i];
            // Quote what would break the row, and what a spreadsheet would run as a formula.
            var formula = cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' && !double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
            if (formula)
                cell = "'" + cell;
            text.Append(cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 || formula ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell);
        }
        text.Append("\r\n");
    }
}
