using OneStop.Domain.Definitions;
using OneStop.Domain.Definitions.Guards;

namespace OneStop.Domain.Tests.Engine;

/// <summary>The one decision: where an action leads from a step for one dossier, and the diagrams drawn from the definition.</summary>
public sealed class ProcedureModelTests
{
    private const string OrganisationGuard = "applicant.type == 'organization'";
    private const string FeeGuard = "fee.amount > 0";

    /// <summary>Appraisal forwards to verification for organisations, to the fee when there is one, otherwise to approval.</summary>
    private static readonly WorkflowDefinition Branching = new()
    {
        Id = "thu-nghiem.re-nhanh", Version = 1, Name = "Thử nghiệm rẽ nhánh", ProcedureCode = "1.000001", Level = Levels.Commune, OnlineLevel = "full",
        ProcessingTime = new Duration { WorkingDays = 3 },
        Steps =
        [
            Step("tiep-nhan", StepKinds.Reception, "reception", Go("receive", "tham-dinh")),
            Step("tham-dinh", StepKinds.Task, "specialist", Go("forward", "xac-minh", OrganisationGuard), Go("forward", "thu-phi", FeeGuard), Go("forward", "phe-duyet")),
            Step("xac-minh", StepKinds.Task, "specialist", Go("forward", "phe-duyet")),
            Step("thu-phi", StepKinds.Payment, "reception", Go("confirm-payment", "phe-duyet")),
            Step("phe-duyet", StepKinds.Approval, "leader", Go("approve", "tra-ket-qua"), Go("return", "tham-dinh")),
            Step("tra-ket-qua", StepKinds.Result, "reception"),
        ],
    };

    private readonly ProcedureModel _model = ProcedureModel.Compile(Branching);

    private static GuardScope Facts(decimal fee, string type) => new(GuardScope.NoForm, type, "x", "counter", fee, [], null);

    private static StepDefinition Step(string id, string kind, string role, params TransitionDefinition[] transitions) =>
        new() { Id = id, Name = id, Kind = kind, Role = role, Unit = StepUnits.Receiving, Transitions = transitions };

    private static TransitionDefinition Go(string action, string to, string? when = null) => new() { Action = action, To = to, When = when };

    private string? Next(string step, string action, string? to, GuardScope scope) => _model.Next(_model.Step(step)!, action, to, scope)?.To;

    [Fact]
    public void The_first_transition_whose_guard_holds_is_taken()
    {
        Assert.Equal("phe-duyet", Next("tham-dinh", "forward", null, Facts(0, GuardScope.Citizen)));
        Assert.Equal("thu-phi", Next("tham-dinh", "forward", null, Facts(50_000, GuardScope.Citizen)));
        Assert.Equal("xac-minh", Next("tham-dinh", "forward", null, Facts(50_000, GuardScope.Organization)));
    }

    [Fact]
    public void A_requested_step_is_taken_only_when_its_transition_is_open()
    {
        Assert.Equal("phe-duyet", Next("tham-dinh", "forward", "phe-duyet", Facts(50_000, GuardScope.Organization)));
        Assert.Null(Next("tham-dinh", "forward", "xac-minh", Facts(50_000, GuardScope.Citizen)));
        Assert.Null(Next("tham-dinh", "forward", "tra-ket-qua", Facts(0, GuardScope.Citizen)));
        Assert.Equal(["thu-phi", "phe-duyet"], _model.OpenTargets(_model.Step("tham-dinh")!, "forward", Facts(50_000, GuardScope.Citizen)));
    }

    [Fact]
    public void An_action_a_step_does_not_have_leads_nowhere()
    {
        Assert.Null(Next("tham-dinh", "approve", null, Facts(0, GuardScope.Citizen)));
        Assert.Null(Next("tra-ket-qua", "forward", null, Facts(0, GuardScope.Citizen)));
        Assert.Null(_model.Step("khong-co"));
    }

    [Fact]
    public void The_Mermaid_diagram_shows_every_step_every_action_and_every_guard()
    {
        var mermaid = DefinitionDiagram.Mermaid(Branching);

        Assert.StartsWith("stateDiagram-v2\n", mermaid, StringComparison.Ordinal);
        Assert.All(Branching.Steps, s => Assert.Contains($"as {s.Id.Replace('-', '_')}", mermaid, StringComparison.Ordinal));
        Assert.Contains("tham_dinh --> xac_minh : forward [applicant.type == 'organization']", mermaid, StringComparison.Ordinal);
        Assert.Contains("tham_dinh --> thu_phi : forward [fee.amount > 0]", mermaid, StringComparison.Ordinal);
        Assert.Contains("[*] --> tiep_nhan", mermaid, StringComparison.Ordinal);
        Assert.Contains("tra_ket_qua --> [*]", mermaid, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Graphviz_diagram_shows_every_step_and_every_guard()
    {
        var dot = DefinitionDiagram.Dot(Branching);

        Assert.StartsWith("digraph \"thu-nghiem.re-nhanh\" {", dot, StringComparison.Ordinal);
        Assert.Contains("\"tham-dinh\" -> \"thu-phi\" [label=\"forward [fee.amount > 0]\"];", dot, StringComparison.Ordinal);
        Assert.Contains("\"phe-duyet\" -> \"tham-dinh\" [label=\"return\"];", dot, StringComparison.Ordinal);
        Assert.All(Branching.Steps, s => Assert.Contains($"\"{s.Id}\" [label=", dot, StringComparison.Ordinal));
    }
}
