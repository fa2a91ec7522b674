using OneStop.Domain;
using OneStop.Domain.Definitions;

namespace OneStop.Domain.Tests.Definitions;

/// <summary>
/// The birth-registration example of DESIGN §4, built in C# so that each validator test can break exactly
/// one thing with a <c>with</c> expression and know every other rule still holds.
/// </summary>
internal static class BirthRegistration
{
    public const string ExistingUnitCode = "22918";

    public static readonly WorkflowDefinition Definition = new()
    {
        Id = "ho-tich.dang-ky-khai-sinh",
        Version = 1,
        Name = "Đăng ký khai sinh",
        ProcedureCode = "1.001193",
        Field = "Hộ tịch",
        Level = Levels.Commune,
        OnlineLevel = "full",
        ProcessingTime = new Duration { WorkingDays = 1 },
        Fee = new Fee { Amount = 0, Currency = "VND" },
        Documents =
        [
            new DocumentRequirement { Code = "TKKS", Name = "Tờ khai đăng ký khai sinh", Required = true },
            new DocumentRequirement { Code = "GCS", Name = "Giấy chứng sinh", Required = true, Reusable = true },
        ],
        Result = new ResultSpec { Code = "GKS", Name = "Giấy khai sinh", Signed = true, StoreInRepository = true },
        Steps =
        [
            new StepDefinition
            {
                Id = "tiep-nhan", Name = "Tiếp nhận", Kind = StepKinds.Reception, Role = RoleNames.Reception, Unit = StepUnits.Receiving,
                Transitions = [new TransitionDefinition { Action = "receive", To = "tham-dinh" }],
            },
            new StepDefinition
            {
                Id = "tham-dinh", Name = "Thẩm định", Kind = StepKinds.Task, Role = RoleNames.Specialist, Unit = StepUnits.Receiving,
                Duration = new Duration { WorkingHours = 4 },
                Transitions = [new TransitionDefinition { Action = "forward", To = "phe-duyet" }],
            },
            new StepDefinition
            {
                Id = "phe-duyet", Name = "Phê duyệt", Kind = StepKinds.Approval, Role = RoleNames.Leader, Unit = StepUnits.Receiving,
                Transitions =
                [
                    new TransitionDefinition { Action = "approve", To = "tra-ket-qua" },
                    new TransitionDefinition { Action = "return", To = "tham-dinh" },
                ],
            },
            new StepDefinition
            {
                Id = "tra-ket-qua", Name = "Trả kết quả", Kind = StepKinds.Result, Role = RoleNames.Reception, Unit = StepUnits.Receiving,
            },
        ],
    };

    /// <summary>A processing step that the tests insert to build branches, traps and duplicates.</summary>
    public static StepDefinition Task(string id, params TransitionDefinition[] transitions) => new()
    {
        Id = id, Name = "Xác minh", Kind = StepKinds.Task, Role = RoleNames.Specialist, Unit = StepUnits.Receiving,
        Transitions = transitions,
    };

    public static TransitionDefinition Forward(string to) => new() { Action = "forward", To = to };

    public static IReadOnlyList<DefinitionError> Validate(WorkflowDefinition definition) =>
        DefinitionValidator.Validate(definition, code => code == ExistingUnitCode);

    public static WorkflowDefinition WithStep(this WorkflowDefinition definition, int index, Func<StepDefinition, StepDefinition> change) =>
        definition with { Steps = [.. definition.Steps.Select((s, i) => i == index ? change(s) : s)] };

    public static WorkflowDefinition InsertStep(this WorkflowDefinition definition, int index, StepDefinition step)
    {
        var steps = definition.Steps.ToList();
        steps.Insert(index, step);
        return definition with { Steps = steps };
    }

    public static WorkflowDefinition AddStep(this WorkflowDefinition definition, StepDefinition step) =>
        definition with { Steps = [.. definition.Steps, step] };

    public static StepDefinition WithTransition(this StepDefinition step, int index, Func<TransitionDefinition, TransitionDefinition> change) =>
        step with { Transitions = [.. step.Transitions.Select((t, i) => i == index ? change(t) : t)] };

    public static StepDefinition AddTransition(this StepDefinition step, TransitionDefinition transition) =>
        step with { Transitions = [.. step.Transitions, transition] };

    /// <summary>A guarded branch goes before the default of its action: the first transition whose guard holds is taken (DESIGN §4.1).</summary>
    public static StepDefinition AddBranch(this StepDefinition step, TransitionDefinition transition) =>
        step with { Transitions = [transition, .. step.Transitions] };

    public static WorkflowDefinition WithDocument(this WorkflowDefinition definition, int index, Func<DocumentRequirement, DocumentRequirement> change) =>
        definition with { Documents = [.. definition.Documents.Select((d, i) => i == index ? change(d) : d)] };
}

/// <summary>Assertions that name the path and a key word of the Vietnamese message.</summary>
internal static class DefinitionAssert
{
    /// <summary>The definition has exactly this one error: the rule broke nothing else.</summary>
    public static DefinitionError OnlyError(IReadOnlyList<DefinitionError> errors, string path, string keyword)
    {
        var error = Assert.Single(errors);
        Assert.Equal(path, error.Path);
        HasMessage(error, keyword);
        return error;
    }

    /// <summary>Among the errors, one is at this path with this key word (for breaks that necessarily cascade).</summary>
    public static DefinitionError HasError(IReadOnlyList<DefinitionError> errors, string path, string keyword)
    {
        var error = Assert.Single(errors, e => e.Path == path && e.Message.Contains(keyword, StringComparison.Ordinal));
        HasMessage(error, keyword);
        return error;
    }

    private static void HasMessage(DefinitionError error, string keyword)
    {
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        Assert.Contains(keyword, error.Message, StringComparison.Ordinal);
    }
}
