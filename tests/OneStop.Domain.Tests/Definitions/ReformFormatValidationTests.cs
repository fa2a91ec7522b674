using OneStop.Domain.Definitions;
using static OneStop.Domain.Tests.Definitions.DefinitionAssert;

namespace OneStop.Domain.Tests.Definitions;

/// <summary>
/// The members the 2025 reform brought to the definition format (DESIGN §4, §4.1, §6, §8): a same-day processing time,
/// the deciding unit (<c>competent</c>), a step's own unit after the reform (<c>afterReform</c>), the legal basis and the
/// subject of a result. The rules the JSON Schema cannot express are the validator's alone, tested here.
/// </summary>
public sealed class ReformFormatValidationTests
{
    private static readonly WorkflowDefinition Definition = BirthRegistration.Definition;

    private static IReadOnlyList<DefinitionError> Validate(WorkflowDefinition definition) =>
        DefinitionValidator.Validate(definition, code => code == BirthRegistration.ExistingUnitCode);

    private static WorkflowDefinition WithStep(int index, Func<StepDefinition, StepDefinition> change) =>
        Definition with { Steps = [.. Definition.Steps.Select((s, i) => i == index ? change(s) : s)] };

    [Fact]
    public void A_same_day_processing_time_is_valid_and_its_steps_share_one_office_day() =>
        Assert.Empty(Validate(Definition with { ProcessingTime = new Duration { SameDay = true } }));

    [Fact]
    public void Same_day_with_working_days_is_reported_at_processingTime() =>
        OnlyError(Validate(Definition with { ProcessingTime = new Duration { SameDay = true, WorkingDays = 1 } }), "processingTime", "một trong ba");

    [Fact]
    public void Steps_may_run_at_the_competent_unit() =>
        Assert.Empty(Validate(WithStep(1, s => s with { Unit = StepUnits.Competent })));

    [Fact]
    public void After_reform_names_where_a_level_step_runs_once_the_level_is_gone() =>
        Assert.Empty(Validate(WithStep(1, s => s with { Unit = Levels.District, AfterReform = Levels.Commune })));

    [Fact]
    public void After_reform_on_a_step_that_does_not_name_a_level_is_reported() =>
        OnlyError(Validate(WithStep(1, s => s with { AfterReform = Levels.Commune })), "steps[1].afterReform", "chỉ dùng cho bước thực hiện ở một cấp");

    [Theory]
    [InlineData("district")]
    [InlineData("parent")]
    [InlineData("khong-co")]
    public void After_reform_naming_the_same_level_parent_or_an_unknown_unit_is_reported(string after) =>
        OnlyError(Validate(WithStep(1, s => s with { Unit = Levels.District, AfterReform = after })), "steps[1].afterReform", "không hợp lệ");

    [Fact]
    public void A_subject_field_must_be_an_idNumber_field_of_the_form()
    {
        var form = new FormField { Key = "hoTenTre", Label = "Họ tên trẻ", Type = FormFieldTypes.Text };
        var definition = Definition with { Form = [form], Result = Definition.Result! with { SubjectField = "hoTenTre" } };

        OnlyError(Validate(definition), "result.subjectField", "idNumber");
        Assert.Empty(Validate(definition with { Form = [form with { Type = FormFieldTypes.IdNumber }] }));
    }

    [Fact]
    public void A_subject_field_the_form_lacks_is_reported() =>
        OnlyError(Validate(Definition with { Result = Definition.Result! with { SubjectField = "soDinhDanhTre" } }), "result.subjectField", "không có trong form");

    [Fact]
    public void An_empty_legal_basis_list_is_reported() =>
        OnlyError(Validate(Definition with { LegalBasis = [] }), "legalBasis", "không được rỗng");
}
