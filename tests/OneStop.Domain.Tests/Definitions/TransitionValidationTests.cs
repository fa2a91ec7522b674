using OneStop.Domain.Definitions;

using static OneStop.Domain.Tests.Definitions.BirthRegistration;
using static OneStop.Domain.Tests.Definitions.DefinitionAssert;

namespace OneStop.Domain.Tests.Definitions;

/// <summary>Transitions: which actions fit which steps, where they may lead, and their guards.</summary>
public sealed class TransitionValidationTests
{
    private static WorkflowDefinition ChangeTransition(int step, int transition, Func<TransitionDefinition, TransitionDefinition> change) =>
        Definition.WithStep(step, s => s.WithTransition(transition, change));

    [Fact]
    public void An_unknown_action_is_reported_at_the_transition_action()
    {
        OnlyError(Validate(ChangeTransition(1, 0, t => t with { Action = "send" })), "steps[1].transitions[0].action", "send");
    }

    [Fact]
    public void Receive_outside_the_reception_step_is_reported_at_the_transition_action()
    {
        OnlyError(Validate(ChangeTransition(1, 0, t => t with { Action = "receive" })), "steps[1].transitions[0].action", "tiếp nhận");
    }

    [Theory]
    [InlineData("forward")]
    [InlineData("return")]
    public void A_reception_step_using_another_action_than_receive_is_reported_at_the_transition_action(string action)
    {
        OnlyError(Validate(ChangeTransition(0, 0, t => t with { Action = action })), "steps[0].transitions[0].action", "receive");
    }

    [Fact]
    public void Approve_outside_an_approval_step_is_reported_at_the_transition_action()
    {
        OnlyError(Validate(ChangeTransition(1, 0, t => t with { Action = "approve" })), "steps[1].transitions[0].action", "approval");
    }

    [Fact]
    public void Confirm_payment_outside_a_payment_step_is_reported_at_the_transition_action()
    {
        OnlyError(Validate(ChangeTransition(2, 0, t => t with { Action = "confirm-payment" })), "steps[2].transitions[0].action", "payment");
    }

    [Fact]
    public void A_transition_to_an_unknown_step_is_reported_at_its_to()
    {
        var definition = Definition.WithStep(2, s => s.AddTransition(new TransitionDefinition { Action = "return", To = "tham-tra" }));

        OnlyError(Validate(definition), "steps[2].transitions[2].to", "tham-tra");
    }

    [Fact]
    public void A_transition_without_target_is_reported_at_its_to()
    {
        var definition = Definition.WithStep(2, s => s.AddTransition(new TransitionDefinition { Action = "return", To = "" }));

        OnlyError(Validate(definition), "steps[2].transitions[2].to", "Thiếu bước đích");
    }

    [Fact]
    public void A_transition_back_to_the_reception_step_is_reported_at_its_to()
    {
        OnlyError(Validate(ChangeTransition(2, 1, t => t with { To = "tiep-nhan" })), "steps[2].transitions[1].to", "tiếp nhận");
    }

    [Fact]
    public void A_transition_to_its_own_step_is_reported_at_its_to()
    {
        OnlyError(Validate(ChangeTransition(2, 1, t => t with { To = "phe-duyet" })), "steps[2].transitions[1].to", "chính nó");
    }

    // Guards are JavaScript now (DESIGN §4.1, Jint): the old tiny language's refusals ("fee > 0" compared an object)
    // gave way to the sandbox's rules — one expression, known variables only, nothing that writes or calls out.
    [Theory]
    [InlineData("while(true){}", "câu lệnh, vòng lặp")]
    [InlineData("System.Environment.Exit(1)", "Biến 'System'")]
    [InlineData("dossier.status == 'Received'", "Biến 'dossier'")]
    [InlineData("fee.amount = 0", "không được gán")]
    [InlineData("fee.amount >", "không phải biểu thức JavaScript hợp lệ")]
    [InlineData("fee.constructor.constructor('return 1')()", "'constructor'")]
    [InlineData("applicant.age > 18", "applicant không có thuộc tính 'age'")]
    [InlineData("", "không được để trống")]
    public void A_guard_the_sandbox_refuses_is_reported_at_its_when(string when, string keyword)
    {
        OnlyError(Validate(ChangeTransition(2, 1, t => t with { When = when })), "steps[2].transitions[1].when", keyword);
    }

    [Fact]
    public void A_guard_whose_cases_cover_every_applicant_is_accepted_in_the_older_spelling_too()
    {
        // 'organisation' and 'person' are the older files' spellings of 'organization' and 'citizen'.
        Assert.Empty(Validate(ChangeTransition(2, 1, t => t with { When = "applicant.type == 'organisation' || applicant.type == 'person'" })));
    }
}
