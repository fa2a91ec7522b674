using System.Text.Json;
using OneStop.Domain.Definitions.Guards;

namespace OneStop.Domain.Definitions;

/// <summary>
/// A published definition version compiled once into an immutable model (Camunda's parsed process model):
/// steps with their transitions and prepared guards, roles, form, fee rule, papers, consultation, wait and
/// escalation rules, results. Cached per (id, version). <see cref="Next"/> is the one decision "where does
/// this action lead from here for this dossier": <c>availableActions</c>, the action itself and (later) the
/// simulation all ask it, so nothing decides twice.
/// </summary>
public sealed class ProcedureModel
{
    private readonly Dictionary<string, StepModel> _steps;

    private ProcedureModel(WorkflowDefinition definition, IGuardEvaluator guards)
    {
        Definition = definition;
        Steps = definition.Steps.Select(s => new StepModel(s, guards)).ToList();
        _steps = Steps.GroupBy(s => s.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        Reception = Steps.First(s => s.Kind == StepKinds.Reception);
        Roles = definition.RolesInForce.ToHashSet(StringComparer.Ordinal);
        Results = definition.AllResults;
        Form = definition.Form ?? [];
        Fee = new FeeModel(definition.Fee, guards);
        Papers = definition.Documents.Select(d => new PaperModel(d, d.Required.When is { } when ? guards.Prepare(when) : null)).ToList();
    }

    /// <summary>Compiles a definition that passed <see cref="DefinitionValidator"/>.</summary>
    public static ProcedureModel Compile(WorkflowDefinition definition, IGuardEvaluator? guards = null) =>
        new(definition, guards ?? JintGuardEvaluator.Default);

    public WorkflowDefinition Definition { get; }
    public string Id => Definition.Id;
    public int Version => Definition.Version;
    public string Name => Definition.Name;
    public IReadOnlyList<StepModel> Steps { get; }
    public StepModel Reception { get; }
    public IReadOnlySet<string> Roles { get; }
    public IReadOnlyList<ResultSpec> Results { get; }
    public IReadOnlyList<FormField> Form { get; }
    public FeeModel Fee { get; }
    public IReadOnlyList<PaperModel> Papers { get; }

    public StepModel? Step(string? id) => id is not null && _steps.TryGetValue(id, out var step) ? step : null;

    /// <summary>
    /// Where <paramref name="action"/> leads from <paramref name="step"/> for the dossier <paramref name="scope"/>
    /// describes: the first transition of that action (in definition order) whose guard holds, or — when the
    /// caller names a step — the first open one to that step. Null when the action leads nowhere now.
    /// </summary>
    public TransitionModel? Next(StepModel step, string action, string? requestedTo, GuardScope scope)
    {
        foreach (var transition in step.Transitions)
        {
            if (transition.Action != action || requestedTo is not null && transition.To != requestedTo)
                continue;
            if (transition.Guard is null || transition.Guard.Holds(scope))
                return transition;
        }
        return null;
    }

    /// <summary>The targets <paramref name="action"/> may lead to now, for a refusal's message.</summary>
    public IReadOnlyList<string> OpenTargets(StepModel step, string action, GuardScope scope) =>
        step.Transitions.Where(t => t.Action == action && (t.Guard is null || t.Guard.Holds(scope))).Select(t => t.To).Distinct().ToList();
}

/// <summary>One compiled step.</summary>
public sealed class StepModel
{
    internal StepModel(StepDefinition step, IGuardEvaluator guards)
    {
        Definition = step;
        Transitions = step.Transitions.Select(t => new TransitionModel(t.Action, t.To, t.When is null ? null : guards.Prepare(t.When))).ToList();
        Consults = step.Consult ?? [];
        Join = step.Join is { ValueKind: JsonValueKind.Number } n && n.TryGetInt32(out var count) ? count : Consults.Count;
        EscalateNotify = step.Escalate?.Notify ?? (step.Escalate is null ? [] : [RoleNames.Leader]);
    }

    public StepDefinition Definition { get; }
    public string Id => Definition.Id;
    public string Name => Definition.Name;
    public string Kind => Definition.Kind;
    public string? Role => Definition.Role;
    public string Unit => Definition.Unit;
    public bool Claimable => Definition.Assign == "claim";
    public bool Signs => Definition.Signs == true;
    public IReadOnlyList<TransitionModel> Transitions { get; }
    public IReadOnlyList<ConsultSpec> Consults { get; }
    /// <summary>How many answers open the way forward (<c>join</c>; <c>all</c> = every consulted unit).</summary>
    public int Join { get; }
    public bool DeemAgreedOnTimeout => Definition.OnTimeout == "deemAgreed";
    public Duration? EscalateBefore => Definition.Escalate?.Before;
    public IReadOnlyList<string> EscalateNotify { get; }

    public bool HasAction(string action) => Transitions.Any(t => t.Action == action);
}

/// <summary>A compiled transition: its guard is prepared once.</summary>
public sealed record TransitionModel(string Action, string To, PreparedGuard? Guard);

/// <summary>A paper and, when it is required only under a guard, that guard.</summary>
public sealed record PaperModel(DocumentRequirement Requirement, PreparedGuard? RequiredWhen)
{
    public string Code => Requirement.Code;

    public bool IsRequired(GuardScope scope) => Requirement.Required.Always || RequiredWhen?.Holds(scope) == true;
}

/// <summary>The fee rule of DESIGN §4.1, computed per dossier at submission.</summary>
public sealed class FeeModel(Fee? fee, IGuardEvaluator guards)
{
    private readonly PreparedGuard? _exemptWhen = fee?.ExemptWhen is { } when ? guards.Prepare(when) : null;

    public Fee? Rule => fee;

    /// <summary>
    /// The amount for one dossier: the online amount for an online submission (else the amount), times the
    /// count in the form for a fee per copy or page, capped by <c>max</c>; nothing when <c>exemptWhen</c> holds
    /// (the guard sees <c>fee.amount</c> as that amount before the exemption).
    /// </summary>
    public decimal Compute(GuardScope scope)
    {
        if (fee is null)
            return 0;
        var unit = scope.Channel == "online" && fee.OnlineAmount is { } online ? online : fee.Amount;
        var count = fee.Per is null or "dossier" ? 1 : CountOf(scope.Form, fee.CountField);
        var amount = unit * count;
        if (fee.Max is { } max && amount > max)
            amount = max;
        return _exemptWhen?.Holds(scope with { FeeAmount = amount }) == true ? 0 : amount;
    }

    private static decimal CountOf(IReadOnlyDictionary<string, JsonElement> form, string? field) =>
        field is not null && form.TryGetValue(field, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var count) && count > 0
            ? decimal.Floor(count) : 1;
}
