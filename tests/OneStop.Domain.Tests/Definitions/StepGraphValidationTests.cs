using OneStop.Domain.Definitions;

using static OneStop.Domain.Tests.Definitions.BirthRegistration;
using static OneStop.Domain.Tests.Definitions.DefinitionAssert;

namespace OneStop.Domain.Tests.Definitions;

/// <summary>The steps as a graph: every dossier can start at reception and end at the result.</summary>
public sealed class StepGraphValidationTests
{
    [Fact]
    public void A_result_step_that_cannot_be_reached_from_reception_is_reported_at_steps()
    {
        // Approval now only loops back to review: the result is unreachable, said once at `steps`, not again per step.
        var definition = Definition.WithStep(2, s => s.WithTransition(0, t => t with { To = "tham-dinh" }));

        var errors = Validate(definition);

        var error = HasError(errors, "steps", "tra-ket-qua");
        Assert.Contains("tiep-nhan", error.Message, StringComparison.Ordinal);
        Assert.Equal(["steps"], errors.Select(e => e.Path));
    }

    [Fact]
    public void A_step_that_cannot_be_reached_from_reception_is_reported_at_the_step()
    {
        var definition = Definition.AddStep(Task("xac-minh", Forward("phe-duyet")));

        OnlyError(Validate(definition), "steps[4]", "không thể tới được");
    }

    [Fact]
    public void Steps_caught_in_a_cycle_without_exit_are_each_reported_at_the_step()
    {
        var definition = Definition
            .WithStep(1, s => s.AddBranch(Forward("xac-minh") with { When = "channel == 'post'" }))
            .AddStep(Task("xac-minh", Forward("xac-minh-lai")))
            .AddStep(Task("xac-minh-lai", Forward("xac-minh")));

        var errors = Validate(definition);

        Assert.Equal(["steps[4]", "steps[5]"], errors.Select(e => e.Path));
        Assert.All(errors, e => Assert.Contains("vòng lặp", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_branch_that_rejoins_the_main_path_is_accepted()
    {
        var definition = Definition
            .WithStep(1, s => s.AddBranch(new TransitionDefinition { Action = "forward", To = "xac-minh", When = "applicant.type == 'organisation'" }))
            .InsertStep(2, Task("xac-minh", Forward("phe-duyet")));

        Assert.Empty(Validate(definition));
    }
}
