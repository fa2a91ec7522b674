using OneStop.Domain.Dossiers;
using OneStop.Domain.Dossiers.Actions;
using static OneStop.Domain.Tests.Dossiers.VietnamTime;

namespace OneStop.Domain.Tests.Dossiers;

/// <summary>Consultation steps (DESIGN §4.1): parallel opinion requests with their own due dates, join, onTimeout.</summary>
public sealed class ConsultationTests
{
    private readonly RicherDesk _richer = new();
    private static readonly DateTime Monday = RicherDesk.Monday;

    [Fact]
    public void Entering_the_step_asks_each_agency_with_its_own_due_date_and_tells_its_officers()
    {
        var dossier = _richer.Received();
        _richer.Desk.Act(dossier, People.Specialist(), DossierActions.Claim, Monday);
        dossier.ClearDomainEvents();
        _richer.Desk.Act(dossier, People.Specialist(), DossierActions.Forward, Monday);

        // From Monday 09:00: one working day is Tuesday 09:00, two are Wednesday 09:00 (no holiday in early March 2026).
        Assert.Equal([(TestUnits.BuildingDepartment, Vn(2026, 3, 3, 9, 0)), (TestUnits.FirePolice, Vn(2026, 3, 4, 9, 0))],
            dossier.OpenRound.Select(c => (c.UnitCode, c.DueAt)));
        Assert.Equal([TestUnits.BuildingDepartment, TestUnits.FirePolice],
            RicherDesk.Notifications(dossier).Where(n => n.Kind == NotificationKinds.ConsultationRequested).Select(n => n.UnitCode));
        Assert.All(RicherDesk.Notifications(dossier), n => Assert.Equal([RoleNames.Appraiser], n.Roles));
    }

    [Fact]
    public void The_way_forward_opens_once_the_join_is_met_and_a_disagreement_counts_as_an_answer()
    {
        var dossier = _richer.Consulting();
        Assert.DoesNotContain(DossierActions.Forward, dossier.AvailableActions(_richer.Desk.Context(People.Specialist(), Monday)));

        _richer.Answer(dossier, TestUnits.FirePolice, ConsultationAnswers.Disagree, Monday, "Thiếu lối thoát nạn.");

        Assert.Contains(DossierActions.Forward, dossier.AvailableActions(_richer.Desk.Context(People.Specialist(), Monday)));
        var answer = dossier.Events[^1];
        Assert.Equal((DossierActions.AnswerConsultation, TestUnits.FirePolice, "Ý kiến của 60.PCCC: không đồng ý. Thiếu lối thoát nạn."),
            (answer.Action, answer.UnitCode, answer.Comment));
    }

    [Fact]
    public void Only_an_officer_of_the_consulted_unit_with_the_consulted_role_answers_and_only_once()
    {
        var dossier = _richer.Consulting();

        Assert.Equal(RefusalKind.Forbidden, _richer.Desk.Refused(dossier, People.Specialist(), DossierActions.AnswerConsultation, Monday,
            new ActionRequest(Answer: "agree", UnitCode: TestUnits.Commune)).Kind);
        Assert.Equal(RefusalKind.Forbidden, _richer.Desk.Refused(dossier, People.Officer(RoleNames.Specialist, TestUnits.BuildingDepartment),
            DossierActions.AnswerConsultation, Monday, new ActionRequest(Answer: "agree", UnitCode: TestUnits.BuildingDepartment)).Kind);
        Assert.Equal("answer", _richer.Desk.Refused(dossier, RicherDesk.Appraiser(TestUnits.BuildingDepartment), DossierActions.AnswerConsultation,
            Monday, new ActionRequest(Answer: "maybe", UnitCode: TestUnits.BuildingDepartment)).Field);
        _richer.Answer(dossier, TestUnits.BuildingDepartment, ConsultationAnswers.Agree, Monday);
        Assert.Equal(RefusalKind.Conflict, _richer.Desk.Refused(dossier, RicherDesk.Appraiser(TestUnits.BuildingDepartment),
            DossierActions.AnswerConsultation, Monday, new ActionRequest(Answer: "agree", UnitCode: TestUnits.BuildingDepartment)).Kind);
    }

    [Fact]
    public void A_silent_agency_escalates_to_the_consulting_units_leader_when_the_step_says_escalate()
    {
        var dossier = _richer.Consulting();
        dossier.ClearDomainEvents();

        Assert.Equal(TimerOutcome.NotYet, _richer.Fire(dossier, TimerKind.ConsultationTimeout, Vn(2026, 3, 3, 8, 59), TestUnits.BuildingDepartment));
        Assert.Equal(TimerOutcome.Done, _richer.Fire(dossier, TimerKind.ConsultationTimeout, Vn(2026, 3, 3, 9, 1), TestUnits.BuildingDepartment));

        var escalated = Assert.Single(RicherDesk.Notifications(dossier));
        Assert.Equal((NotificationKinds.Escalated, TestUnits.Commune, RoleNames.Leader), (escalated.Kind, escalated.UnitCode, escalated.Roles.Single()));
        Assert.False(dossier.OpenRound.Single(c => c.UnitCode == TestUnits.BuildingDepartment).IsAnswered);
    }

    [Fact]
    public void A_timer_that_fires_twice_or_after_the_dossier_moved_on_does_nothing()
    {
        var dossier = _richer.Consulting();
        var timer = dossier.Timers.Single(t => t.Target == TestUnits.FirePolice);
        _richer.Answer(dossier, TestUnits.BuildingDepartment, ConsultationAnswers.Agree, Monday);
        _richer.Desk.Act(dossier, People.Specialist(), DossierActions.Forward, Monday);
        var version = dossier.Version;
        dossier.ClearDomainEvents();

        Assert.Equal(TimerOutcome.Done, dossier.FireTimer(timer.Id, _richer.Desk.Context(Actor.System, Vn(2026, 3, 5, 9, 0))));
        Assert.Equal(TimerOutcome.Done, dossier.FireTimer(timer.Id, _richer.Desk.Context(Actor.System, Vn(2026, 3, 5, 9, 5))));

        Assert.Empty(RicherDesk.Notifications(dossier));
        Assert.Equal("niem-yet", dossier.CurrentStepId);
        Assert.Equal(version + 1, dossier.Version);
    }
}
