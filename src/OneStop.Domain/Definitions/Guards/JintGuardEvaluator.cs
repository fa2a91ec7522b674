using System.Globalization;
using System.Text.Json;
using Acornima.Ast;
using Jint;
using Jint.Native;

namespace OneStop.Domain.Definitions.Guards;

/// <summary>
/// Guards run by Jint in a sandbox: no CLR access (Jint's default, never switched on), strict mode, and
/// statement, time, memory and recursion limits as defence in depth — <see cref="GuardLanguage"/> already
/// refused at publish anything but one side-effect-free expression over the variables of DESIGN §4.1.
/// Variables are plain JavaScript values built for each evaluation, never wrappers of .NET objects.
/// Lives in the domain because Jint is a pure library: no I/O, no HTTP, no EF.
/// </summary>
public sealed class JintGuardEvaluator(Action<string, Exception>? onFailure = null) : IGuardEvaluator
{
    /// <summary>Without a failure sink: for tests, tools and benchmarks.</summary>
    public static JintGuardEvaluator Default { get; } = new();

    /// <summary>One engine per thread: Jint engines are not thread-safe, prepared scripts are shared.</summary>
    [ThreadStatic]
    private static Engine? _engine;

    private static Engine Engine => _engine ??= new Engine(options => options
        .Strict()
        .MaxStatements(50)
        .TimeoutInterval(TimeSpan.FromMilliseconds(250))
        .LimitMemory(4_000_000)
        .LimitRecursion(8)
        .DisableStringCompilation());

    public PreparedGuard Prepare(string expression)
    {
        var normalised = GuardLanguage.Normalise(expression);
        // Parenthesised so that an object-literal-looking text is read as an expression, never as a block.
        return new JintGuard(expression, Jint.Engine.PrepareScript($"({normalised})", strict: true), onFailure);
    }

    private sealed class JintGuard(string expression, Prepared<Script> script, Action<string, Exception>? onFailure) : PreparedGuard(expression)
    {
        public override bool Holds(GuardScope scope)
        {
            var engine = Engine;
            try
            {
                Bind(engine, scope);
                var value = engine.Evaluate(script);
                return value.IsBoolean() ? value.AsBoolean() : Jint.Runtime.TypeConverter.ToBoolean(value);
            }
#pragma warning disable CA1031 // Whatever a guard does at run time, it must not take the request down: it does not hold.
            catch (Exception e)
#pragma warning restore CA1031
            {
                onFailure?.Invoke(Expression, e);
                return false;
            }
        }
    }

    private static void Bind(Engine engine, GuardScope scope)
    {
        var form = new JsObject(engine);
        foreach (var (key, value) in scope.Form)
            form.Set(key, ToJs(engine, value));
        engine.SetValue("form", form);

        var applicant = new JsObject(engine);
        applicant.Set("type", scope.ApplicantType);
        applicant.Set("idNumber", scope.ApplicantIdNumber);
        engine.SetValue("applicant", applicant);

        engine.SetValue("channel", scope.Channel);

        var fee = new JsObject(engine);
        fee.Set("amount", (double)scope.FeeAmount);
        engine.SetValue("fee", fee);

        var papers = new JsArray(engine, scope.Papers.Select(p => (JsValue)new JsString(p)).ToArray());
        engine.SetValue("papers", papers);

        if (scope.Unit is { } unit)
        {
            var current = new JsObject(engine);
            current.Set("code", unit.Code);
            current.Set("level", unit.Level);
            current.Set("kind", unit.Kind);
            engine.SetValue("unit", current);
        }
        else
        {
            engine.SetValue("unit", JsValue.Undefined);
        }
    }

    private static JsValue ToJs(Engine engine, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => new JsNumber(value.GetDouble()),
        JsonValueKind.String => new JsString(value.GetString()!),
        JsonValueKind.True => JsBoolean.True,
        JsonValueKind.False => JsBoolean.False,
        JsonValueKind.Null => JsValue.Null,
        // The form holds scalars only (DESIGN §4.1); anything else is read as its JSON text.
        _ => new JsString(value.GetRawText()),
    };

    /// <summary>For messages: a number as JavaScript would print it.</summary>
    internal static string Print(double number) => number.ToString(CultureInfo.InvariantCulture);
}
