using Stateless;
using Stateless.Graph;

namespace OneStop.Domain.Definitions;

/// <summary>
/// Interprets one published definition version with a Stateless machine whose states are step ids and
/// whose triggers are actions. The dossier owns its current step (external state storage); the engine
/// only answers "where does this action lead from here" and draws the diagram.
/// </summary>
public sealed class WorkflowEngine
{
    private readonly WorkflowDefinition _definition;
    private readonly Dictionary<TransitionDefinition, GuardExpression?> _guards = new(ReferenceEqualityComparer.Instance);

    public WorkflowEngine(WorkflowDefinition definition)
    {
        _definition = definition;
        foreach (var transition in definition.Steps.SelectMany(s => s.Transitions))
            _guards[transition] = transition.When is null ? null : GuardExpression.Parse(transition.When);
    }

    public WorkflowDefinition Definition => _definition;

    /// <summary>
    /// The transitions of <paramref name="action"/> from a step whose guards hold for these facts.
    /// An action is available at a step exactly when this is not empty.
    /// </summary>
    public IReadOnlyList<TransitionDefinition> OpenTransitions(string stepId, string action, GuardFacts facts) =>
        _definition.FindStep(stepId)?.Transitions
            .Where(t => t.Action == action && GuardHolds(t, facts))
            .ToList() ?? [];

    /// <summary>
    /// Fires <paramref name="action"/> from <paramref name="stepId"/> and returns the next step id. With no
    /// <paramref name="requestedTo"/>, the first open transition in definition order is taken (guards are
    /// meant to be exclusive); otherwise only the transition to that step.
    /// Returns null when the action does not lead anywhere from this step.
    /// </summary>
    public string? NextStep(string stepId, string action, string? requestedTo, GuardFacts facts)
    {
        var state = stepId;
        var machine = Build(() => state, s => state = s, facts, requestedTo);
        if (!machine.CanFire(action))
            return null;
        machine.Fire(action);
        return state;
    }

    public string ToMermaid() => MermaidGraph.Format(Build(() => _definition.ReceptionStep.Id, _ => { }, null, null).GetInfo());

    public string ToDot() => UmlDotGraph.Format(Build(() => _definition.ReceptionStep.Id, _ => { }, null, null).GetInfo());

    private bool GuardHolds(TransitionDefinition transition, GuardFacts facts) =>
        _guards[transition]?.Evaluate(facts) ?? true;

    /// <summary>
    /// Builds the machine for one question. Guards are made mutually exclusive here, because Stateless
    /// refuses to fire when two guarded transitions of one trigger both hold.
    /// </summary>
    private StateMachine<string, string> Build(Func<string> read, Action<string> write, GuardFacts? facts, string? requestedTo)
    {
        var machine = new StateMachine<string, string>(read, write);
        foreach (var step in _definition.Steps)
        {
            var state = machine.Configure(step.Id);
            foreach (var group in step.Transitions.GroupBy(t => t.Action))
            {
                var candidates = group.ToList();
                for (var i = 0; i < candidates.Count; i++)
                {
                    var transition = candidates[i];
                    var earlier = candidates.Take(i).ToList();
                    var description = transition.When ?? "";
                    state.PermitIf(transition.Action, transition.To, () => facts is null || Chosen(transition, earlier, facts, requestedTo), description);
                }
            }
        }
        return machine;
    }

    private bool Chosen(TransitionDefinition transition, List<TransitionDefinition> earlier, GuardFacts facts, string? requestedTo) =>
        GuardHolds(transition, facts) && (requestedTo is null
            ? !earlier.Any(t => GuardHolds(t, facts))
            : transition.To == requestedTo && !earlier.Any(t => t.To == requestedTo && GuardHolds(t, facts)));
}
