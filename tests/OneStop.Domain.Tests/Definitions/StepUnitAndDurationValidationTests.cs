using OneStop.Domain.Definitions;

using static OneStop.Domain.Tests.Definitions.BirthRegistration;
using static OneStop.Domain.Tests.Definitions.DefinitionAssert;

namespace OneStop.Domain.Tests.Definitions;

/// <summary>Who runs each step (units) and how the total processing time is shared out (durations).</summary>
public sealed class StepUnitAndDurationValidationTests
{
    [Theory]
    [InlineData(StepUnits.Receiving)]
    [InlineData(StepUnits.Parent)]
    [InlineData(Levels.District)]
    [InlineData(Levels.Province)]
    [InlineData(ExistingUnitCode)]
    public void A_step_unit_may_be_receiving_parent_a_level_or_an_existing_unit_code(string unit)
    {
        Assert.Empty(Validate(Definition.WithStep(2, s => s with { Unit = unit })));
    }

    [Fact]
    public void An_unknown_unit_code_is_reported_at_the_step_unit()
    {
        OnlyError(Validate(Definition.WithStep(2, s => s with { Unit = "99999" })), "steps[2].unit", "99999");
    }

    [Fact]
    public void A_missing_unit_is_reported_at_the_step_unit()
    {
        OnlyError(Validate(Definition.WithStep(2, s => s with { Unit = "" })), "steps[2].unit", "Thiếu đơn vị");
    }

    [Fact]
    public void A_reception_step_run_by_another_unit_is_reported_at_its_unit()
    {
        OnlyError(Validate(Definition.WithStep(0, s => s with { Unit = StepUnits.Parent })), "steps[0].unit", "receiving");
    }

    [Fact]
    public void A_result_step_run_by_another_unit_is_reported_at_its_unit()
    {
        OnlyError(Validate(Definition.WithStep(3, s => s with { Unit = ExistingUnitCode })), "steps[3].unit", "receiving");
    }

    [Fact]
    public void A_step_duration_in_both_days_and_hours_is_reported_at_the_step_duration()
    {
        var definition = Definition.WithStep(1, s => s with { Duration = new Duration { WorkingDays = 0.5m, WorkingHours = 1 } });

        OnlyError(Validate(definition), "steps[1].duration", "một trong hai");
    }

    [Fact]
    public void A_step_duration_in_neither_days_nor_hours_is_reported_at_the_step_duration()
    {
        OnlyError(Validate(Definition.WithStep(1, s => s with { Duration = new Duration() })), "steps[1].duration", "workingDays hoặc workingHours");
    }

    [Fact]
    public void A_step_duration_of_zero_hours_is_reported_at_the_step_duration_hours()
    {
        var definition = Definition.WithStep(1, s => s with { Duration = new Duration { WorkingHours = 0 } });

        OnlyError(Validate(definition), "steps[1].duration.workingHours", "lớn hơn 0");
    }

    [Fact]
    public void A_reception_step_with_a_duration_is_reported_at_its_duration()
    {
        var definition = Definition.WithStep(0, s => s with { Duration = new Duration { WorkingHours = 1 } });

        OnlyError(Validate(definition), "steps[0].duration", "tiếp nhận");
    }

    [Fact]
    public void Step_durations_exceeding_the_processing_time_are_reported_at_processingTime_in_working_hours()
    {
        // 4 h review + 4 h approval = 8 h, but one working day is only 450 office minutes = 7.5 h.
        var definition = Definition.WithStep(2, s => s with { Duration = new Duration { WorkingHours = 4 } });

        var error = OnlyError(Validate(definition), "processingTime", "vượt quá");

        Assert.Contains("8 giờ", error.Message, StringComparison.Ordinal);
        Assert.Contains("7,5 giờ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Step_durations_that_use_up_exactly_the_processing_time_are_accepted()
    {
        var definition = Definition.WithStep(2, s => s with { Duration = new Duration { WorkingHours = 3.5m } });

        Assert.Empty(Validate(definition));
    }

    [Fact]
    public void Step_durations_in_days_count_a_working_day_as_four_hundred_fifty_minutes()
    {
        // 0.5 day (225 min) + 4 h (240 min) = 465 min > 450 min.
        var definition = Definition.WithStep(2, s => s with { Duration = new Duration { WorkingDays = 0.5m } });

        var error = OnlyError(Validate(definition), "processingTime", "vượt quá");

        Assert.Contains("7,75 giờ", error.Message, StringComparison.Ordinal);
    }
}
