using OneStop.Domain;
using OneStop.Domain.Definitions;

using static OneStop.Domain.Tests.Definitions.BirthRegistration;

namespace OneStop.Domain.Tests.Definitions;

public sealed class DefinitionValidatorTests
{
    [Fact]
    public void The_birth_registration_example_of_the_design_is_valid()
    {
        Assert.Empty(Validate(Definition));
    }

    [Fact]
    public void The_example_survives_a_round_trip_through_json_and_stays_valid()
    {
        var parsed = WorkflowDefinition.Parse(Definition.ToJson());

        Assert.Empty(Validate(parsed));
    }

    [Fact]
    public void A_payment_step_reached_by_guarded_receive_transitions_is_valid()
    {
        var paid = (Definition with { Fee = new Fee { Amount = 8000 } })
            .WithStep(0, s => s with
            {
                Transitions =
                [
                    new TransitionDefinition { Action = "receive", To = "thu-phi", When = "fee.amount > 0" },
                    new TransitionDefinition { Action = "receive", To = "tham-dinh", When = "fee.amount == 0" },
                ],
            })
            .InsertStep(1, new StepDefinition
            {
                Id = "thu-phi", Name = "Thu phí", Kind = StepKinds.Payment, Role = RoleNames.Reception, Unit = StepUnits.Receiving,
                Transitions = [new TransitionDefinition { Action = "confirm-payment", To = "tham-dinh" }],
            });

        Assert.Empty(Validate(paid));
    }

    [Fact]
    public void Several_errors_are_all_reported_together_in_document_order()
    {
        var broken = (Definition with { Id = "Ho_Tich", Fee = new Fee { Amount = -1 } })
            .WithStep(1, s => s with { Role = "clerk" })
            .WithStep(2, s => s.AddTransition(new TransitionDefinition { Action = "return", To = "tham-tra" }))
            .WithStep(3, s => s with { Unit = Levels.Commune });

        var errors = Validate(broken);

        Assert.Equal(
            ["id", "fee.amount", "steps[1].role", "steps[2].transitions[2].to", "steps[3].unit"],
            errors.Select(e => e.Path));
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
    }

    [Fact]
    public void An_empty_definition_reports_every_missing_part()
    {
        var errors = Validate(new WorkflowDefinition());

        Assert.Equal(
            ["id", "version", "name", "procedureCode", "level", "onlineLevel", "processingTime", "result", "steps", "steps", "steps"],
            errors.Select(e => e.Path));
    }
}
