using Acornima;
using Acornima.Ast;

namespace OneStop.Domain.Definitions.Guards;

/// <summary>
/// What a simple guard says about one variable — <c>fee.amount &gt; 0</c>, <c>channel == 'online'</c>,
/// <c>form.dienTichSan &lt;= 250</c>, and <c>&amp;&amp;</c> / <c>||</c> / <c>!</c> of such on the same variable — as
/// a set of values, so that publishing can tell whether two guards exclude each other and whether the guards
/// of an action leave some dossier with no way forward. Anything more complex is not analysed (null).
/// </summary>
public sealed record GuardConstraint(string Path, ValueSet Values)
{
    public static GuardConstraint? Of(string guard)
    {
        try
        {
            return From(new Parser().ParseExpression(GuardLanguage.Normalise(guard)));
        }
        catch (ParseErrorException)
        {
            return null;
        }
    }

    private static GuardConstraint? From(Expression expression)
    {
        switch (expression)
        {
            case ParenthesizedExpression inner:
                return From(inner.Expression);
            case UnaryExpression { Operator: Operator.LogicalNot, Argument: var argument }:
                return From(argument) is { } negated ? negated with { Values = negated.Values.Complement() } : null;
            case LogicalExpression { Operator: Operator.LogicalAnd or Operator.LogicalOr } logical:
                if (From(logical.Left) is not { } left || From(logical.Right) is not { } right || left.Path != right.Path)
                    return null;
                return left with
                {
                    Values = logical.Operator == Operator.LogicalAnd ? left.Values.Intersect(right.Values) : left.Values.Union(right.Values),
                };
            case BinaryExpression binary:
                if (GuardLanguage.Path(binary.Left) is { } leftPath && Literal(binary.Right) is { } rightValue)
                    return Compare(leftPath, binary.Operator, rightValue);
                if (GuardLanguage.Path(binary.Right) is { } rightPath && Literal(binary.Left) is { } leftValue)
                    return Compare(rightPath, Mirror(binary.Operator), leftValue);
                return null;
            default:
                return null;
        }
    }

    private static object? Literal(Expression expression) => expression switch
    {
        NumericLiteral n => n.Value,
        StringLiteral s => s.Value,
        BooleanLiteral b => b.Value ? "true" : "false",
        UnaryExpression { Operator: Operator.UnaryNegation, Argument: NumericLiteral n } => -n.Value,
        _ => null,
    };

    private static Operator Mirror(Operator op) => op switch
    {
        Operator.LessThan => Operator.GreaterThan,
        Operator.LessThanOrEqual => Operator.GreaterThanOrEqual,
        Operator.GreaterThan => Operator.LessThan,
        Operator.GreaterThanOrEqual => Operator.LessThanOrEqual,
        _ => op,
    };

    private static GuardConstraint? Compare(string path, Operator op, object literal)
    {
        if (literal is double number)
        {
            var set = op switch
            {
                Operator.Equality or Operator.StrictEquality => ValueSet.Between(number, true, number, true),
                Operator.Inequality or Operator.StrictInequality => ValueSet.Between(number, true, number, true).Complement(),
                Operator.GreaterThan => ValueSet.Between(number, false, double.PositiveInfinity, false),
                Operator.GreaterThanOrEqual => ValueSet.Between(number, true, double.PositiveInfinity, false),
                Operator.LessThan => ValueSet.Between(double.NegativeInfinity, false, number, false),
                Operator.LessThanOrEqual => ValueSet.Between(double.NegativeInfinity, false, number, true),
                _ => null,
            };
            return set is null ? null : new GuardConstraint(path, set);
        }
        var text = (string)literal;
        return op switch
        {
            Operator.Equality or Operator.StrictEquality => new GuardConstraint(path, ValueSet.Of(text)),
            Operator.Inequality or Operator.StrictInequality => new GuardConstraint(path, ValueSet.Of(text).Complement()),
            _ => null,
        };
    }

    /// <summary>The values a variable can take for every dossier, when publishing knows them; else null.</summary>
    public static ValueSet? DomainOf(string path, GuardVocabulary vocabulary)
    {
        switch (path)
        {
            case "fee.amount": return ValueSet.Between(0, true, double.PositiveInfinity, false);
            case "channel": return ValueSet.Of("counter", "online", "post");
            case "applicant.type": return ValueSet.Of(GuardScope.Citizen, GuardScope.Organization);
            case "unit.level": return ValueSet.Of(Levels.All.ToArray());
            case "unit.kind": return ValueSet.Of(Units.UnitKinds.All.ToArray());
        }
        if (!path.StartsWith("form.", StringComparison.Ordinal) || !vocabulary.FormFields.TryGetValue(path[5..], out var field) || field.Required != true)
            return null;
        return field.Type switch
        {
            _ when FormFieldTypes.IsNumeric(field.Type) => ValueSet.Between(
                (double?)field.Min ?? double.NegativeInfinity, field.Min is not null, (double?)field.Max ?? double.PositiveInfinity, field.Max is not null),
            FormFieldTypes.Choice when field.Choices is { Count: > 0 } choices => ValueSet.Of(choices.ToArray()),
            FormFieldTypes.Boolean => ValueSet.Of("true", "false"),
            _ => null,
        };
    }
}

/// <summary>A set of numbers (a union of intervals) or of strings (finite, or all but a finite few).</summary>
public sealed class ValueSet
{
    private readonly List<(double Lo, bool LoIn, double Hi, bool HiIn)>? _intervals;
    private readonly HashSet<string>? _strings;
    private readonly bool _allBut;

    private ValueSet(List<(double, bool, double, bool)>? intervals, HashSet<string>? strings, bool allBut)
    {
        _intervals = intervals;
        _strings = strings;
        _allBut = allBut;
    }

    public static ValueSet Between(double lo, bool loIn, double hi, bool hiIn) =>
        new(Normalise([(lo, loIn, hi, hiIn)]), null, false);

    public static ValueSet Of(params string[] values) => new(null, [.. values], false);

    private bool IsNumeric => _intervals is not null;

    public bool IsEmpty => IsNumeric ? _intervals!.Count == 0 : !_allBut && _strings!.Count == 0;

    public ValueSet Complement()
    {
        if (!IsNumeric)
            return new ValueSet(null, [.. _strings!], !_allBut);
        var result = new List<(double, bool, double, bool)>();
        var (lo, loIn) = (double.NegativeInfinity, false);
        foreach (var (a, aIn, b, bIn) in _intervals!)
        {
            result.Add((lo, loIn, a, !aIn));
            (lo, loIn) = (b, !bIn);
        }
        result.Add((lo, loIn, double.PositiveInfinity, false));
        return new ValueSet(Normalise(result), null, false);
    }

    public ValueSet Intersect(ValueSet other)
    {
        if (IsNumeric != other.IsNumeric)
            return IsNumeric ? new ValueSet([], null, false) : new ValueSet(null, [], false);
        if (!IsNumeric)
        {
            return (_allBut, other._allBut) switch
            {
                (false, false) => new ValueSet(null, [.. _strings!.Intersect(other._strings!)], false),
                (false, true) => new ValueSet(null, [.. _strings!.Except(other._strings!)], false),
                (true, false) => new ValueSet(null, [.. other._strings!.Except(_strings!)], false),
                _ => new ValueSet(null, [.. _strings!.Union(other._strings!)], true),
            };
        }
        var result = new List<(double, bool, double, bool)>();
        foreach (var (a, aIn, b, bIn) in _intervals!)
            foreach (var (c, cIn, d, dIn) in other._intervals!)
            {
                var (lo, loIn) = a > c ? (a, aIn) : c > a ? (c, cIn) : (a, aIn && cIn);
                var (hi, hiIn) = b < d ? (b, bIn) : d < b ? (d, dIn) : (b, bIn && dIn);
                result.Add((lo, loIn, hi, hiIn));
            }
        return new ValueSet(Normalise(result), null, false);
    }

    public ValueSet Union(ValueSet other) => Complement().Intersect(other.Complement()).Complement();

    /// <summary>True when every value of this set is in <paramref name="other"/>.</summary>
    public bool IsSubsetOf(ValueSet other) => Intersect(other.Complement()).IsEmpty;

    private static List<(double, bool, double, bool)> Normalise(List<(double Lo, bool LoIn, double Hi, bool HiIn)> intervals)
    {
        var kept = intervals.Where(i => i.Lo < i.Hi || i.Lo == i.Hi && i.LoIn && i.HiIn && !double.IsInfinity(i.Lo))
            .OrderBy(i => i.Lo).ThenBy(i => i.LoIn ? 0 : 1).ToList();
        var merged = new List<(double, bool, double, bool)>();
        foreach (var interval in kept)
        {
            if (merged.Count > 0)
            {
                var (lo, loIn, hi, hiIn) = merged[^1];
                if (interval.Lo < hi || interval.Lo == hi && (hiIn || interval.LoIn))
                {
                    merged[^1] = interval.Hi > hi || interval.Hi == hi && interval.HiIn ? (lo, loIn, interval.Hi, interval.HiIn) : (lo, loIn, hi, hiIn);
                    continue;
                }
            }
            merged.Add(interval);
        }
        return merged;
    }
}
