using System.Text;
using Acornima;
using Acornima.Ast;

namespace OneStop.Domain.Definitions.Guards;

/// <summary>What a guard may name: the form fields of its definition (key → field type).</summary>
public sealed record GuardVocabulary(IReadOnlyDictionary<string, FormField> FormFields)
{
    public static GuardVocabulary Of(WorkflowDefinition definition) => new(
        (definition.Form ?? []).Where(f => f is not null && !string.IsNullOrWhiteSpace(f.Key))
            .GroupBy(f => f.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal));
}

/// <summary>
/// The publish-time check of a guard (DESIGN §4.1): exactly one JavaScript expression, reading only the
/// variables <c>form</c>, <c>applicant</c>, <c>channel</c>, <c>fee</c>, <c>papers</c> and <c>unit</c> (plus
/// <c>Math</c> and <c>undefined</c>), with no assignment, call of anything but a few pure string and array
/// methods, function, <c>new</c> or <c>this</c>. What passes cannot change anything or run for long, so the
/// sandbox's limits are only the second line of defence.
/// </summary>
public static class GuardLanguage
{
    public static readonly IReadOnlyList<string> Variables = ["form", "applicant", "channel", "fee", "papers", "unit"];

    private static readonly IReadOnlyDictionary<string, string[]> Members = new Dictionary<string, string[]>
    {
        ["applicant"] = ["type", "idNumber"],
        ["fee"] = ["amount"],
        ["unit"] = ["code", "level", "kind"],
    };

    /// <summary>Pure methods of strings and arrays a guard may call, e.g. <c>papers.includes('GPMB')</c>.</summary>
    private static readonly HashSet<string> Methods = ["includes", "indexOf", "startsWith", "endsWith", "toLowerCase", "toUpperCase", "trim"];

    private static readonly HashSet<string> MathFunctions = ["min", "max", "abs", "floor", "ceil", "round"];

    /// <summary>Names that reach into an object's machinery instead of its data.</summary>
    private static readonly HashSet<string> Forbidden = ["constructor", "__proto__", "prototype", "__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__"];

    private const string Example = "ví dụ \"form.dienTichSan > 250\" hoặc \"fee.amount > 0 && channel == 'online'\"";

    /// <summary>Null when the guard may be published; otherwise why not, in Vietnamese.</summary>
    public static string? Check(string? guard, GuardVocabulary vocabulary)
    {
        if (string.IsNullOrWhiteSpace(guard))
            return $"Điều kiện không được để trống; {Example}.";
        if (guard.Length > 500)
            return "Điều kiện dài tối đa 500 ký tự.";
        Expression expression;
        try
        {
            expression = new Parser().ParseExpression(guard);
        }
        catch (ParseErrorException error)
        {
            return IsStatement(guard)
                ? $"Điều kiện phải là một biểu thức JavaScript duy nhất; câu lệnh, vòng lặp, khai báo hay khối lệnh không được dùng ({Example})."
                : $"Điều kiện không phải biểu thức JavaScript hợp lệ: {error.Description}; {Example}.";
        }
        return Walk(expression, vocabulary);
    }

    /// <summary>
    /// The text Jint runs. Older files compared <c>applicant.type</c> with <c>'person'</c> / <c>'organisation'</c>;
    /// DESIGN §4.1 spells them <c>'citizen'</c> / <c>'organization'</c>, so the old spellings are read as the new.
    /// </summary>
    public static string Normalise(string guard)
    {
        Expression expression;
        try
        {
            expression = new Parser().ParseExpression(guard);
        }
        catch (ParseErrorException)
        {
            return guard;
        }
        var replacements = new List<(int Start, int End, string Text)>();
        Collect(expression);
        if (replacements.Count == 0)
            return guard;
        var text = new StringBuilder(guard);
        foreach (var (start, end, replacement) in replacements.OrderByDescending(r => r.Start))
            text.Remove(start, end - start).Insert(start, replacement);
        return text.ToString();

        void Collect(Node node)
        {
            if (node is BinaryExpression { Left: var left, Right: var right } && (Path(left) == "applicant.type" || Path(right) == "applicant.type"))
            {
                foreach (var side in (Expression[])[left, right])
                    if (side is StringLiteral literal && LegacyApplicantType(literal.Value) is { } modern)
                        replacements.Add((literal.Start, literal.End, $"'{modern}'"));
            }
            foreach (var child in node.ChildNodes)
                Collect(child);
        }
    }

    private static string? LegacyApplicantType(string value) => value switch
    {
        "person" => GuardScope.Citizen,
        "organisation" => GuardScope.Organization,
        _ => null,
    };

    /// <summary>A dotted path such as <c>form.dienTichSan</c> for a chain of plain member reads, else null.</summary>
    public static string? Path(Node node) => node switch
    {
        Identifier id => id.Name,
        MemberExpression { Computed: false, Object: var target, Property: Identifier property } when Path(target) is { } parent => $"{parent}.{property.Name}",
        MemberExpression { Computed: true, Object: var target, Property: StringLiteral key } when Path(target) is { } parent => $"{parent}.{key.Value}",
        ChainExpression chain => Path(chain.Expression),
        ParenthesizedExpression inner => Path(inner.Expression),
        _ => null,
    };

    private static bool IsStatement(string guard)
    {
        try
        {
            var script = new Parser().ParseScript(guard, strict: true);
            return script.Body.Count > 0;
        }
        catch (ParseErrorException)
        {
            return false;
        }
    }

    private static string? Walk(Node node, GuardVocabulary vocabulary) => node switch
    {
        StringLiteral or NumericLiteral or BooleanLiteral or NullLiteral => null,
        Literal => "Điều kiện chỉ dùng chuỗi, số, true, false hoặc null; không dùng biểu thức chính quy hay BigInt.",
        Identifier id => CheckVariable(id.Name),
        MemberExpression member => CheckMember(member, vocabulary),
        ChainExpression chain => Walk(chain.Expression, vocabulary),
        ParenthesizedExpression inner => Walk(inner.Expression, vocabulary),
        BinaryExpression { Operator: Operator.In or Operator.InstanceOf } => "Điều kiện không dùng phép 'in' hay 'instanceof'.",
        BinaryExpression binary => Walk(binary.Left, vocabulary) ?? Walk(binary.Right, vocabulary),
        // Before UnaryExpression: in Acornima "x++" is an UpdateExpression, which is a UnaryExpression.
        AssignmentExpression or UpdateExpression => "Điều kiện chỉ đọc dữ liệu hồ sơ; không được gán hay thay đổi giá trị (=, +=, ++, --).",
        UnaryExpression { Operator: Operator.Delete or Operator.Void } => "Điều kiện không dùng 'delete' hay 'void'.",
        UnaryExpression unary => Walk(unary.Argument, vocabulary),
        ConditionalExpression conditional => Walk(conditional.Test, vocabulary) ?? Walk(conditional.Consequent, vocabulary) ?? Walk(conditional.Alternate, vocabulary),
        ArrayExpression array => array.Elements.Select(e => e is null ? null : Walk(e, vocabulary)).FirstOrDefault(e => e is not null),
        CallExpression call => CheckCall(call, vocabulary),
        TemplateLiteral { Expressions.Count: 0 } => null,
        FunctionExpression or ArrowFunctionExpression or ClassExpression => "Điều kiện không được khai báo hàm hay lớp.",
        NewExpression => "Điều kiện không được tạo đối tượng (new).",
        ThisExpression => "Điều kiện không dùng 'this'; hãy đọc các biến " + string.Join(", ", Variables) + ".",
        SequenceExpression => "Điều kiện là một biểu thức duy nhất; không nối nhiều biểu thức bằng dấu phẩy.",
        _ => $"Điều kiện không được dùng cấu trúc '{node.TypeText}'; chỉ dùng so sánh, phép logic, số học và đọc biến.",
    };

    private static string? CheckVariable(string name) =>
        Variables.Contains(name) || name is "undefined" ? null
        : $"Biến '{name}' không được dùng trong điều kiện; chỉ dùng: {string.Join(", ", Variables)}.";

    private static string? CheckMember(MemberExpression member, GuardVocabulary vocabulary)
    {
        var name = member.Property switch
        {
            Identifier id when !member.Computed => id.Name,
            StringLiteral key when member.Computed => key.Value,
            NumericLiteral when member.Computed => null,
            _ => "",
        };
        if (name == "")
            return "Điều kiện chỉ đọc thuộc tính có tên cố định (ví dụ form.dienTichSan hay papers[0]).";
        if (name is not null && Forbidden.Contains(name))
            return $"Điều kiện không được đọc '{name}'.";
        if (member.Object is Identifier root && name is not null)
        {
            if (root.Name == "Math")
                return MathFunctions.Contains(name) ? null : $"Math.{name} không được dùng; chỉ dùng Math.{string.Join(", Math.", MathFunctions)}.";
            if (CheckVariable(root.Name) is { } unknown)
                return unknown;
            if (root.Name == "form" && !vocabulary.FormFields.ContainsKey(name))
                return vocabulary.FormFields.Count == 0
                    ? $"Định nghĩa không có form nên không đọc được form.{name}."
                    : $"form.{name} không có trong form của định nghĩa; các trường: {string.Join(", ", vocabulary.FormFields.Keys)}.";
            if (Members.TryGetValue(root.Name, out var known) && !known.Contains(name) && !Methods.Contains(name) && name != "length")
                return $"{root.Name} không có thuộc tính '{name}'; chỉ có: {string.Join(", ", known)}.";
            return null;
        }
        return Walk(member.Object, vocabulary);
    }

    private static string? CheckCall(CallExpression call, GuardVocabulary vocabulary)
    {
        var callee = call.Callee is ChainExpression chain ? chain.Expression : call.Callee;
        if (callee is not MemberExpression { Computed: false, Property: Identifier method } member)
            return Walk(callee, vocabulary)
                ?? "Điều kiện chỉ gọi các hàm có sẵn của chuỗi, mảng (includes, indexOf, startsWith, endsWith, toLowerCase, toUpperCase, trim) và Math.";
        var isMath = member.Object is Identifier { Name: "Math" };
        // What the method is called on is checked first: "System.exit()" is about System, not exit.
        if (!isMath && Walk(member.Object, vocabulary) is { } problem)
            return problem;
        if (Forbidden.Contains(method.Name))
            return $"Điều kiện không được đọc '{method.Name}'.";
        if (isMath ? !MathFunctions.Contains(method.Name) : !Methods.Contains(method.Name))
            return $"Hàm '{method.Name}' không được dùng trong điều kiện; chỉ dùng: {string.Join(", ", Methods)} và Math.{string.Join(", Math.", MathFunctions)}.";
        foreach (var argument in call.Arguments)
        {
            if (argument is SpreadElement)
                return "Điều kiện không dùng toán tử '...'.";
            if (Walk(argument, vocabulary) is { } bad)
                return bad;
        }
        return null;
    }
}
