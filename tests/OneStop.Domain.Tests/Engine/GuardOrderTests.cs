using OneStop.Domain.Definitions;
using OneStop.Domain.Tests.Dossiers;

namespace OneStop.Domain.Tests.Engine;

/// <summary>
/// Of several transitions for one action the first whose guard holds is taken (DESIGN §4.1), so publishing checks
/// the order: one default, last; guards that may all be false need it; guards that hide each other are warned about.
/// </summary>
public sealed class GuardOrderTests
{
    private static WorkflowDefinition WithAppraisal(params TransitionDefinition[] transitions)
    {
        var definition = TestDefinitions.BirthRegistration;
        return definition with
        {
            Form = [new FormField { Key = "soBan", Label = "Số bản", Type = FormFieldTypes.Number, Required = true, Min = 1 }],
            Steps = [.. definition.Steps.Select((s, i) => i == 1 ? s with { Transitions = transitions } : s)],
        };
    }

    private static TransitionDefinition Forward(string? when) => new() { Action = "forward", To = "phe-duyet", When = when };

    private static DefinitionReport Check(WorkflowDefinition definition) =>
        DefinitionValidator.Check(definition, code => TestUnits.Tree.Find(code) is not null);

    [Fact]
    public void Guards_that_cover_every_value_need_no_default()
    {
        var report = Check(WithAppraisal(Forward("fee.amount > 0"), Forward("fee.amount == 0")));

        Assert.Empty(report.Errors);
        Assert.Empty(report.Warnings);
    }

    [Fact]
    public void Guards_that_may_all_be_false_without_a_default_are_an_error()
    {
        var error = Assert.Single(Check(WithAppraisal(Forward("form.soBan > 2"), Forward("form.soBan < 2"))).Errors);

        Assert.Equal("steps[1].transitions", error.Path);
        Assert.Equal("Các điều kiện của hành động 'forward' có thể cùng sai, khi đó hồ sơ không đi tiếp được; thêm một chuyển tiếp mặc định (không có when) ở cuối.", error.Message);
    }

    [Fact]
    public void A_default_before_a_guarded_transition_is_an_error()
    {
        var error = Assert.Single(Check(WithAppraisal(Forward(null), Forward("form.soBan > 2"))).Errors);

        Assert.Equal(("steps[1].transitions[0]", "Chuyển tiếp mặc định (không có when) của hành động 'forward' phải đứng sau mọi chuyển tiếp có điều kiện."),
            (error.Path, error.Message));
    }

    [Fact]
    public void A_narrower_guard_first_is_a_sensible_order()
    {
        Assert.Empty(Check(WithAppraisal(Forward("form.soBan > 10"), Forward("form.soBan > 2"), Forward(null))).Warnings);
    }

    [Fact]
    public void A_guard_hidden_by_a_wider_one_before_it_is_warned_about()
    {
        var warning = Assert.Single(Check(WithAppraisal(Forward("form.soBan > 2"), Forward("form.soBan > 10"), Forward(null))).Warnings);

        Assert.Equal("steps[1].transitions[1].when", warning.Path);
        Assert.Equal("Điều kiện này ('form.soBan > 10') không bao giờ được chọn: mỗi khi nó đúng thì điều kiện đứng trước ở transitions[0] ('form.soBan > 2') cũng đúng.", warning.Message);
    }

    [Fact]
    public void Overlapping_guards_or_guards_on_different_facts_are_warned_about_but_publish()
    {
        var overlapping = Check(WithAppraisal(Forward("form.soBan > 2 && form.soBan < 8"), Forward("form.soBan > 5"), Forward(null)));
        var differentFacts = Check(WithAppraisal(Forward("fee.amount > 0"), Forward("channel == 'online'"), Forward(null)));

        Assert.Empty(overlapping.Errors);
        Assert.Equal("steps[1].transitions[1].when", Assert.Single(overlapping.Warnings).Path);
        Assert.Contains("có thể cùng đúng", Assert.Single(overlapping.Warnings).Message, StringComparison.Ordinal);
        Assert.Contains("hai dữ kiện khác nhau", Assert.Single(differentFacts.Warnings).Message, StringComparison.Ordinal);
    }
}
