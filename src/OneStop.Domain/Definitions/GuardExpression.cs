using System.Globalization;
using System.Text.RegularExpressions;

namespace OneStop.Domain.Definitions;

/// <summary>
/// A transition guard such as <c>fee.amount &gt; 0</c> or <c>channel == 'online'</c>.
/// Deliberately tiny — one comparison of a known fact with a literal — so that a definition author
/// cannot write code, and every guard can be checked at publish time.
/// </summary>
public sealed partial record GuardExpression(string Path, string Operator, string Literal, bool LiteralIsText)
{
    /// <summary>Facts a guard may read; values come from <see cref="GuardFacts"/>.</summary>
    public static readonly IReadOnlySet<string> KnownPaths = new HashSet<string> { "fee.amount", "applicant.type", "channel" };

    [GeneratedRegex(@"^\s*(?<path>[a-z]+(\.[a-z]+)*)\s*(?<op>>=|<=|==|!=|>|<)\s*(?:'(?<text>[^']*)'|(?<number>-?\d+(\.\d+)?))\s*$")]
    private static partial Regex Syntax();

    /// <summary>Parses a guard, or explains in Vietnamese why it cannot be used.</summary>
    public static bool TryParse(string? text, out GuardExpression? guard, out string? error)
    {
        guard = null;
        error = null;
        var match = Syntax().Match(text ?? "");
        if (!match.Success)
        {
            error = "Điều kiện phải có dạng '<dữ kiện> <phép so sánh> <giá trị>', ví dụ \"fee.amount > 0\".";
            return false;
        }
        var path = match.Groups["path"].Value;
        if (!KnownPaths.Contains(path))
        {
            error = $"Dữ kiện '{path}' không được hỗ trợ; chỉ dùng: {string.Join(", ", KnownPaths)}.";
            return false;
        }
        var isText = match.Groups["text"].Success;
        var op = match.Groups["op"].Value;
        if (path == "fee.amount" && isText || path != "fee.amount" && !isText)
        {
            error = path == "fee.amount"
                ? "fee.amount phải so sánh với một số."
                : $"{path} phải so sánh với một chuỗi trong dấu nháy đơn.";
            return false;
        }
        if (isText && op is not ("==" or "!="))
        {
            error = "Chuỗi chỉ so sánh được bằng == hoặc !=.";
            return false;
        }
        guard = new GuardExpression(path, op, isText ? match.Groups["text"].Value : match.Groups["number"].Value, isText);
        return true;
    }

    public static GuardExpression Parse(string text) =>
        TryParse(text, out var guard, out var error) ? guard! : throw new FormatException(error);

    public bool Evaluate(GuardFacts facts)
    {
        if (LiteralIsText)
        {
            var actual = Path switch
            {
                "applicant.type" => facts.ApplicantType,
                "channel" => facts.Channel,
                _ => null,
            };
            var equal = string.Equals(actual, Literal, StringComparison.OrdinalIgnoreCase);
            return Operator == "==" ? equal : !equal;
        }
        var value = facts.FeeAmount;
        var literal = decimal.Parse(Literal, CultureInfo.InvariantCulture);
        return Operator switch
        {
            ">" => value > literal,
            ">=" => value >= literal,
            "<" => value < literal,
            "<=" => value <= literal,
            "==" => value == literal,
            "!=" => value != literal,
            _ => false,
        };
    }

    public override string ToString() => LiteralIsText ? $"{Path} {Operator} '{Literal}'" : $"{Path} {Operator} {Literal}";
}

/// <summary>The facts of one dossier that guards can read.</summary>
public sealed record GuardFacts(decimal FeeAmount, string ApplicantType, string Channel);
