using OneStop.Domain;
using OneStop.Domain.Definitions;

using static OneStop.Domain.Tests.Definitions.BirthRegistration;
using static OneStop.Domain.Tests.Definitions.DefinitionAssert;

namespace OneStop.Domain.Tests.Definitions;

/// <summary>Each step on its own: ids, names, kinds, roles, and the reception and result steps.</summary>
public sealed class StepValidationTests
{
    [Fact]
    public void A_definition_with_fewer_than_two_steps_is_reported_at_steps()
    {
        var definition = Definition with { Steps = [Definition.Steps[0] with { Transitions = [] }] };

        // One step cannot also be the result step, so that error comes too.
        var errors = Validate(definition);

        HasError(errors, "steps", "ít nhất hai bước");
        HasError(errors, "steps", "bước trả kết quả");
    }

    [Fact]
    public void Duplicate_step_id_is_reported_at_the_second_step()
    {
        var definition = Definition.InsertStep(2, Task("tham-dinh", Forward("phe-duyet")));

        var error = OnlyError(Validate(definition), "steps[2].id", "trùng");

        Assert.Contains("steps[1]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_step_id_is_reported_at_the_step_id()
    {
        // Nothing can lead to a step without id, so its missing target is reported as well.
        var errors = Validate(Definition.WithStep(2, s => s with { Id = "" }));

        HasError(errors, "steps[2].id", "Thiếu mã bước");
        HasError(errors, "steps[1].transitions[0].to", "phe-duyet");
    }

    [Theory]
    [InlineData("Phe-Duyet")]
    [InlineData("phe_duyet")]
    [InlineData("phe.duyet")]
    [InlineData("-phe-duyet")]
    public void A_step_id_that_is_not_kebab_case_is_reported_at_the_step_id(string id)
    {
        var definition = Definition
            .WithStep(1, s => s.WithTransition(0, t => t with { To = id }))
            .WithStep(2, s => s with { Id = id });

        OnlyError(Validate(definition), "steps[2].id", "không đúng dạng");
    }

    [Fact]
    public void A_step_without_name_is_reported_at_the_step_name()
    {
        OnlyError(Validate(Definition.WithStep(1, s => s with { Name = "" })), "steps[1].name", "Thiếu tên bước");
    }

    [Fact]
    public void An_unknown_step_kind_is_reported_at_the_step_kind()
    {
        OnlyError(Validate(Definition.WithStep(1, s => s with { Kind = "review" })), "steps[1].kind", "review");
    }

    [Fact]
    public void An_unknown_role_is_reported_at_the_step_role()
    {
        OnlyError(Validate(Definition.WithStep(2, s => s with { Role = "chairman" })), "steps[2].role", "chairman");
    }

    [Fact]
    public void A_definition_without_reception_step_is_reported_at_steps()
    {
        // The first step keeps its receive transition, which only a reception step may use.
        var errors = Validate(Definition.WithStep(0, s => s with { Kind = StepKinds.Task, Role = RoleNames.Specialist }));

        HasError(errors, "steps", "bước tiếp nhận");
        HasError(errors, "steps[0].transitions[0].action", "receive");
    }

    [Fact]
    public void A_second_reception_step_is_reported_at_its_kind()
    {
        var definition = Definition.WithStep(1, s => s with { Kind = StepKinds.Reception, Role = RoleNames.Reception });

        OnlyError(Validate(definition), "steps[1].kind", "một bước tiếp nhận");
    }

    [Fact]
    public void A_reception_step_that_is_not_listed_first_is_reported_at_its_kind()
    {
        var definition = Definition with { Steps = [Definition.Steps[1], Definition.Steps[0], .. Definition.Steps.Skip(2)] };

        OnlyError(Validate(definition), "steps[1].kind", "đứng đầu");
    }

    [Fact]
    public void A_reception_step_run_by_another_role_is_reported_at_its_role()
    {
        var definition = Definition.WithStep(0, s => s with { Role = RoleNames.Specialist });

        OnlyError(Validate(definition), "steps[0].role", "reception");
    }

    [Fact]
    public void A_definition_without_result_step_is_reported_at_steps()
    {
        // The former result step has no transitions, so it is also a dead end.
        var errors = Validate(Definition.WithStep(3, s => s with { Kind = StepKinds.Task }));

        HasError(errors, "steps", "bước trả kết quả");
        HasError(errors, "steps[3].transitions", "ngõ cụt");
    }

    [Fact]
    public void A_second_result_step_is_reported_at_its_kind()
    {
        var definition = Definition
            .WithStep(2, s => s.AddBranch(new TransitionDefinition { Action = "approve", To = "tra-qua-buu-chinh", When = "channel == 'post'" }))
            .AddStep(Definition.Steps[3] with { Id = "tra-qua-buu-chinh" });

        OnlyError(Validate(definition), "steps[4].kind", "một bước trả kết quả");
    }

    [Fact]
    public void A_result_step_with_transitions_is_reported_at_its_transitions()
    {
        var definition = Definition.WithStep(3, s => s with { Transitions = [new TransitionDefinition { Action = "return", To = "tham-dinh" }] });

        OnlyError(Validate(definition), "steps[3].transitions", "bước cuối");
    }

    [Fact]
    public void A_step_without_transitions_is_reported_as_a_dead_end_at_its_transitions()
    {
        var definition = Definition
            .WithStep(1, s => s.AddBranch(Forward("xac-minh") with { When = "channel == 'post'" }))
            .AddStep(Task("xac-minh"));

        OnlyError(Validate(definition), "steps[4].transitions", "ngõ cụt");
    }
}
