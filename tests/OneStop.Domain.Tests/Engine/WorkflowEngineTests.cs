using OneStop.Domain.Definitions;

namespace OneStop.Domain.Tests.Engine;

/// <summary>The engine answers "where does this action lead from here" and draws the definition.</summary>
public sealed class WorkflowEngineTests
{
    private const string OrganisationGuard = "applicant.type == 'organisation'";
    private const string FeeGuard = "fee.amount > 0";

    /// <summary>
    /// Appraisal forwards to verification for organisations, to the fee for a positive fee, and otherwise
    /// (no guard) to approval; the three are listed in that order, so several may hold at once.
    /// </summary>
    private static readonly WorkflowDefinition Branching = new()
    {
        Id = "thu-nghiem.re-nhanh",
        Version = 1,
        Name = "Thử nghiệm rẽ nhánh",
        ProcedureCode = "1.000001",
        Level = Levels.Commune,
        OnlineLevel = "full",
        ProcessingTime = new Duration { WorkingDays = 3 },
        Steps =
        [
            Step("tiep-nhan", StepKinds.Reception, StepRoles.Reception, Go("receive", "tham-dinh")),
            Step("tham-dinh", StepKinds.Task, StepRoles.Specialist,
                Go("forward", "xac-minh", OrganisationGuard), Go("forward", "thu-phi", FeeGuard), Go("forward", "phe-duyet")),
            Step("xac-minh", StepKinds.Task, StepRoles.Specialist, Go("forward", "phe-duyet")),
            Step("thu-phi", StepKinds.Payment, StepRoles.Reception, Go("confirm-payment", "phe-duyet")),
            Step("phe-duyet", StepKinds.Approval, StepRoles.Leader, Go("approve", "tra-ket-qua"), Go("return", "tham-dinh")),
            Step("tra-ket-qua", StepKinds.Result, StepRoles.Reception),
        ],
    };

    private readonly WorkflowEngine _engine = new(Branching);

    private static readonly GuardFacts FreePerson = new(0, "person", "counter");
    private static readonly GuardFacts PayingPerson = new(50_000, "person", "online");
    private static readonly GuardFacts PayingOrganisation = new(50_000, "organisation", "online");

    private static StepDefinition Step(string id, string kind, string role, params TransitionDefinition[] transitions) =>
        new() { Id = id, Name = id, Kind = kind, Role = role, Unit = StepUnits.Receiving, Transitions = transitions };

    private static TransitionDefinition Go(string action, string to, string? when = null) => new() { Action = action, To = to, When = when };

    [Fact]
    public void Only_the_transitions_whose_guards_hold_are_open()
    {
        Assert.Equal(["phe-duyet"], _engine.OpenTransitions("tham-dinh", "forward", FreePerson).Select(t => t.To));
        Assert.Equal(["thu-phi", "phe-duyet"], _engine.OpenTransitions("tham-dinh", "forward", PayingPerson).Select(t => t.To));
        Assert.Equal(["xac-minh", "thu-phi", "phe-duyet"], _engine.OpenTransitions("tham-dinh", "forward", PayingOrganisation).Select(t => t.To));
    }

    [Fact]
    public void An_action_the_step_does_not_have_opens_nothing()
    {
        Assert.Empty(_engine.OpenTransitions("tham-dinh", "approve", FreePerson));
        Assert.Empty(_engine.OpenTransitions("khong-co", "forward", FreePerson));
    }

    [Fact]
    public void Without_a_requested_step_the_only_open_transition_is_taken()
    {
        Assert.Equal("phe-duyet", _engine.NextStep("tham-dinh", "forward", null, FreePerson));
        Assert.Equal("tham-dinh", _engine.NextStep("tiep-nhan", "receive", null, FreePerson));
        Assert.Equal("tham-dinh", _engine.NextStep("phe-duyet", "return", null, FreePerson));
    }

    [Fact]
    public void When_several_guards_hold_the_first_listed_transition_wins()
    {
        Assert.Equal("thu-phi", _engine.NextStep("tham-dinh", "forward", null, PayingPerson));
        Assert.Equal("xac-minh", _engine.NextStep("tham-dinh", "forward", null, PayingOrganisation));
    }

    [Fact]
    public void A_requested_step_whose_transition_is_open_is_taken_even_if_not_listed_first()
    {
        Assert.Equal("phe-duyet", _engine.NextStep("tham-dinh", "forward", "phe-duyet", PayingOrganisation));
        Assert.Equal("thu-phi", _engine.NextStep("tham-dinh", "forward", "thu-phi", PayingOrganisation));
    }

    [Fact]
    public void A_requested_step_whose_guard_does_not_hold_leads_nowhere()
    {
        Assert.Null(_engine.NextStep("tham-dinh", "forward", "xac-minh", PayingPerson));
        Assert.Null(_engine.NextStep("tham-dinh", "forward", "thu-phi", FreePerson));
    }

    [Fact]
    public void A_requested_step_no_transition_names_leads_nowhere()
    {
        Assert.Null(_engine.NextStep("tham-dinh", "forward", "tra-ket-qua", PayingOrganisation));
        Assert.Null(_engine.NextStep("tham-dinh", "forward", "khong-co", FreePerson));
    }

    [Fact]
    public void An_action_the_step_does_not_have_leads_nowhere()
    {
        Assert.Null(_engine.NextStep("tham-dinh", "approve", null, FreePerson));
        Assert.Null(_engine.NextStep("tra-ket-qua", "forward", null, FreePerson));
        Assert.Null(_engine.NextStep("tham-dinh", "teleport", null, FreePerson));
    }

    [Fact]
    public void The_engine_keeps_no_state_between_questions()
    {
        Assert.Equal("thu-phi", _engine.NextStep("tham-dinh", "forward", null, PayingPerson));

        Assert.Equal("phe-duyet", _engine.NextStep("tham-dinh", "forward", null, FreePerson));
        Assert.Equal("tham-dinh", _engine.NextStep("tiep-nhan", "receive", null, PayingPerson));
    }

    [Fact]
    public void The_Mermaid_diagram_shows_every_step_and_every_guard()
    {
        var mermaid = _engine.ToMermaid();

        Assert.All(Branching.Steps, s => Assert.Contains(s.Id, mermaid, StringComparison.Ordinal));
        Assert.Contains(FeeGuard, mermaid, StringComparison.Ordinal);
        Assert.Contains(OrganisationGuard, mermaid, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Graphviz_diagram_shows_every_step_and_every_guard()
    {
        var dot = _engine.ToDot();

        Assert.All(Branching.Steps, s => Assert.Contains(s.Id, dot, StringComparison.Ordinal));
        Assert.Contains(FeeGuard, dot, StringComparison.Ordinal);
        Assert.Contains(OrganisationGuard, dot, StringComparison.Ordinal);
    }
}
