namespace OneStop.Domain.Definitions.Guards;

/// <summary>
/// A guard checked and prepared once when its definition version is compiled (Elsa keeps expressions behind
/// one evaluator interface the same way). Evaluating never throws: a guard that fails or runs out of time
/// at run time does not hold, and the failure is reported to the evaluator's failure sink.
/// </summary>
public abstract class PreparedGuard(string expression)
{
    /// <summary>The guard as authored.</summary>
    public string Expression { get; } = expression;

    public abstract bool Holds(GuardScope scope);

    public override string ToString() => Expression;
}

/// <summary>Prepares guards that passed <see cref="GuardLanguage.Check"/>.</summary>
public interface IGuardEvaluator
{
    PreparedGuard Prepare(string expression);
}
