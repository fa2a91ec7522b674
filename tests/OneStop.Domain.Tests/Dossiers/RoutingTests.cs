using OneStop.Domain.Dossiers;
using OneStop.Domain.Dossiers.Actions;

using static OneStop.Domain.Tests.Dossiers.VietnamTime;

namespace OneStop.Domain.Tests.Dossiers;

/// <summary>Where an action leads: explicit targets, transfers and steps run by another level.</summary>
public sealed class RoutingTests
{
    [Fact]
    public void Forwarding_to_a_step_the_transitions_do_not_name_is_invalid_and_names_the_to_field()
    {
        var desk = new DossierDesk(TestDefinitions.BirthRegistration);
        var dossier = desk.Received(Vn(2026, 3, 9, 8, 0));

        var refusal = desk.Refused(dossier, People.Specialist(), DossierActions.Forward, Vn(2026, 3, 9, 9, 0), new ActionRequest(To: "tra-ket-qua"));

        Assert.Equal((RefusalKind.Invalid, "to"), (refusal.Kind, refusal.Field));
        Assert.Contains("phe-duyet", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Forwarding_to_the_step_the_transition_names_is_allowed()
    {
        var desk = new DossierDesk(TestDefinitions.BirthRegistration);
        var dossier = desk.Received(Vn(2026, 3, 9, 8, 0));

        desk.Act(dossier, People.Specialist(), DossierActions.Forward, Vn(2026, 3, 9, 9, 0), new ActionRequest(To: " phe-duyet "));

        Assert.Equal("phe-duyet", dossier.CurrentStepId);
    }

    [Fact]
    public void A_transfer_to_an_unknown_unit_is_invalid_and_names_the_toUnit_field()
    {
        var desk = new DossierDesk(TestDefinitions.BirthRegistration);
        var dossier = desk.Received(Vn(2026, 3, 9, 8, 0));

        var refusal = desk.Refused(dossier, People.Specialist(), DossierActions.Forward, Vn(2026, 3, 9, 9, 0), new ActionRequest(ToUnit: "99999"));

        Assert.Equal((RefusalKind.Invalid, "toUnit"), (refusal.Kind, refusal.Field));
    }

    [Fact]
    public void The_result_may_not_be_transferred_away_from_the_receiving_unit()
    {
        var desk = new DossierDesk(TestDefinitions.BirthRegistration);
        var dossier = desk.Received(Vn(2026, 3, 9, 8, 0));
        desk.Act(dossier, People.Specialist(), DossierActions.Forward, Vn(2026, 3, 9, 9, 0));

        var refusal = desk.Refused(dossier, People.Leader(), DossierActions.Approve, Vn(2026, 3, 9, 10, 0), new ActionRequest(ToUnit: TestUnits.District));

        Assert.Equal((RefusalKind.Invalid, "toUnit"), (refusal.Kind, refusal.Field));
    }

    [Fact]
    public void A_district_step_moves_the_dossier_to_593_and_the_result_step_brings_it_back_to_22918()
    {
        var desk = new DossierDesk(TestDefinitions.CrossLevel);
        var dossier = desk.Received(Vn(2026, 3, 9, 8, 0));
        Assert.Equal("22918", dossier.CurrentUnitCode);

        desk.Act(dossier, People.Specialist(), DossierActions.Forward, Vn(2026, 3, 9, 9, 0));
        Assert.Equal(("quyet-dinh-huyen", "593", "22918"), (dossier.CurrentStepId, dossier.CurrentUnitCode, dossier.ReceivingUnitCode));

        Assert.Equal(RefusalKind.Forbidden, desk.Refused(dossier, People.Leader(), DossierActions.Approve, Vn(2026, 3, 9, 10, 0)).Kind);
        desk.Act(dossier, People.Leader(TestUnits.District), DossierActions.Approve, Vn(2026, 3, 9, 10, 0));
        Assert.Equal(("tra-ket-qua", "22918"), (dossier.CurrentStepId, dossier.CurrentUnitCode));

        Assert.Equal(RefusalKind.Forbidden, desk.Refused(dossier, People.Reception(TestUnits.District), DossierActions.Resolve, Vn(2026, 3, 9, 11, 0)).Kind);
        desk.Act(dossier, People.Reception(), DossierActions.Resolve, Vn(2026, 3, 9, 11, 0));
        desk.Act(dossier, People.Reception(), DossierActions.ReturnResult, Vn(2026, 3, 9, 11, 15));

        Assert.Equal(DossierStatus.Returned, dossier.Status);
        Assert.Equal(
            [("22918", "22918"), ("22918", "22918"), ("22918", "593"), ("593", "22918"), ("22918", "22918"), ("22918", "22918")],
            dossier.Events.Select(e => (e.UnitCode, e.ToUnitCode)));
    }

    [Fact]
    public void The_district_leader_may_return_the_dossier_to_the_communes_appraisal()
    {
        var desk = new DossierDesk(TestDefinitions.CrossLevel);
        var dossier = desk.Received(Vn(2026, 3, 9, 8, 0));
        desk.Act(dossier, People.Specialist(), DossierActions.Forward, Vn(2026, 3, 9, 9, 0));

        desk.Act(dossier, People.Leader(TestUnits.District), DossierActions.Return, Vn(2026, 3, 9, 10, 0), new ActionRequest(Comment: "Bổ sung ý kiến xác minh."));

        Assert.Equal(("tham-dinh", "22918", DossierStatus.InProgress), (dossier.CurrentStepId, dossier.CurrentUnitCode, dossier.Status));
    }
}
