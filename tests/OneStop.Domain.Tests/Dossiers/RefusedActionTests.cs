using OneStop.Domain.Dossiers;
using OneStop.Domain.Dossiers.Actions;

using static OneStop.Domain.Tests.Dossiers.VietnamTime;

namespace OneStop.Domain.Tests.Dossiers;

/// <summary>Refusals say why (forbidden, conflict, invalid) and leave the dossier as it was.</summary>
public sealed class RefusedActionTests
{
    private readonly DossierDesk _desk = new(TestDefinitions.BirthRegistration);

    [Fact]
    public void A_specialist_may_not_receive_a_dossier()
    {
        var dossier = _desk.Submit(People.Reception(), Vn(2026, 3, 9, 8, 0));

        var refusal = _desk.Refused(dossier, People.Specialist(), DossierActions.Receive, Vn(2026, 3, 9, 8, 5));

        Assert.Equal(RefusalKind.Forbidden, refusal.Kind);
    }

    [Fact]
    public void A_reception_officer_may_not_forward_from_appraisal()
    {
        var dossier = _desk.Received(Vn(2026, 3, 9, 8, 0));

        var refusal = _desk.Refused(dossier, People.Reception(), DossierActions.Forward, Vn(2026, 3, 9, 9, 0));

        Assert.Equal(RefusalKind.Forbidden, refusal.Kind);
    }

    [Fact]
    public void A_specialist_of_another_unit_may_not_forward()
    {
        var dossier = _desk.Received(Vn(2026, 3, 9, 8, 0));

        var refusal = _desk.Refused(dossier, People.Specialist(TestUnits.District), DossierActions.Forward, Vn(2026, 3, 9, 9, 0));

        Assert.Equal(RefusalKind.Forbidden, refusal.Kind);
    }

    [Fact]
    public void A_reception_officer_of_another_unit_may_not_receive()
    {
        var dossier = _desk.Submit(People.Applicant(), Vn(2026, 3, 9, 8, 0), Channel.Online);

        var refusal = _desk.Refused(dossier, People.Reception(TestUnits.District), DossierActions.Receive, Vn(2026, 3, 9, 8, 5));

        Assert.Equal(RefusalKind.Forbidden, refusal.Kind);
    }

    [Fact]
    public void A_leader_may_not_act_on_a_step_that_belongs_to_the_specialist()
    {
        var dossier = _desk.Received(Vn(2026, 3, 9, 8, 0));

        var refusal = _desk.Refused(dossier, People.Leader(), DossierActions.Approve, Vn(2026, 3, 9, 9, 0));

        Assert.Equal(RefusalKind.Forbidden, refusal.Kind);
    }

    [Fact]
    public void Approving_at_a_step_without_an_approve_transition_is_a_conflict()
    {
        var dossier = _desk.Received(Vn(2026, 3, 9, 8, 0));

        var refusal = _desk.Refused(dossier, People.Specialist(), DossierActions.Approve, Vn(2026, 3, 9, 9, 0));

        Assert.Equal(RefusalKind.Conflict, refusal.Kind);
    }

    [Fact]
    public void Forwarding_a_dossier_that_was_not_received_is_a_conflict()
    {
        var dossier = _desk.Submit(People.Reception(), Vn(2026, 3, 9, 8, 0));

        var refusal = _desk.Refused(dossier, People.Specialist(), DossierActions.Forward, Vn(2026, 3, 9, 9, 0));

        Assert.Equal(RefusalKind.Conflict, refusal.Kind);
    }

    [Fact]
    public void Returning_a_result_that_is_not_resolved_is_a_conflict()
    {
        var dossier = _desk.Received(Vn(2026, 3, 9, 8, 0));

        var refusal = _desk.Refused(dossier, People.Reception(), DossierActions.ReturnResult, Vn(2026, 3, 9, 9, 0));

        Assert.Equal(RefusalKind.Conflict, refusal.Kind);
    }

    [Fact]
    public void Resolving_before_the_result_step_is_a_conflict()
    {
        var dossier = _desk.Received(Vn(2026, 3, 9, 8, 0));

        var refusal = _desk.Refused(dossier, People.Specialist(), DossierActions.Resolve, Vn(2026, 3, 9, 9, 0));

        Assert.Equal(RefusalKind.Conflict, refusal.Kind);
    }

    [Fact]
    public void Acting_on_a_returned_dossier_is_a_conflict()
    {
        var dossier = _desk.Received(Vn(2026, 3, 9, 8, 0));
        _desk.Act(dossier, People.Specialist(), DossierActions.Forward, Vn(2026, 3, 9, 9, 0));
        _desk.Act(dossier, People.Leader(), DossierActions.Approve, Vn(2026, 3, 9, 10, 0));
        _desk.Act(dossier, People.Reception(), DossierActions.Resolve, Vn(2026, 3, 9, 10, 30));
        _desk.Act(dossier, People.Reception(), DossierActions.ReturnResult, Vn(2026, 3, 9, 11, 0));

        Assert.Equal(RefusalKind.Conflict, _desk.Refused(dossier, People.Reception(), DossierActions.ReturnResult, Vn(2026, 3, 9, 11, 5)).Kind);
        Assert.Equal(RefusalKind.Conflict, _desk.Refused(dossier, People.Applicant(), DossierActions.Withdraw, Vn(2026, 3, 9, 11, 5)).Kind);
    }

    [Fact]
    public void An_unknown_action_is_invalid_and_names_the_action_field()
    {
        var dossier = _desk.Received(Vn(2026, 3, 9, 8, 0));

        var refusal = _desk.Refused(dossier, People.Specialist(), "teleport", Vn(2026, 3, 9, 9, 0));

        Assert.Equal((RefusalKind.Invalid, "action"), (refusal.Kind, refusal.Field));
        Assert.Contains("teleport", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Submit_is_not_an_action_on_an_existing_dossier()
    {
        var dossier = _desk.Submit(People.Reception(), Vn(2026, 3, 9, 8, 0));

        var refusal = _desk.Refused(dossier, People.Reception(), DossierActions.Submit, Vn(2026, 3, 9, 8, 5));

        Assert.Equal((RefusalKind.Invalid, "action"), (refusal.Kind, refusal.Field));
    }
}
