using OneStop.Domain.Dossiers;
using OneStop.Domain.Dossiers.Actions;
using static OneStop.Domain.Tests.Dossiers.VietnamTime;

namespace OneStop.Domain.Tests.Dossiers;

/// <summary>Wait steps end by themselves as <c>system</c>; escalations notify before and at a step's due date (DESIGN §4.1).</summary>
public sealed class WaitAndEscalationTests
{
    private readonly RicherDesk _richer = new();
    private static readonly DateTime Monday = RicherDesk.Monday;

    /// <summary>Organisations pay nothing, so sorting goes straight to the one-day posting (ends Tuesday 09:00).</summary>
    private Dossier Posted()
    {
        var dossier = _richer.Received(applicant: new Applicant("0101234567", "Công ty TNHH An Bình", ApplicantType.Organisation));
        _richer.Desk.Act(dossier, People.Specialist(), DossierActions.Claim, Monday);
        _richer.Desk.Act(dossier, People.Specialist(), DossierActions.Forward, Monday);
        return dossier;
    }

    [Fact]
    public void A_posting_wait_is_a_timer_due_at_the_end_of_its_period_and_nobody_may_end_it_early()
    {
        var dossier = Posted();

        Assert.Equal(("niem-yet", Vn(2026, 3, 3, 9, 0)), (dossier.CurrentStepId, dossier.StepDueDate));
        Assert.Equal(Vn(2026, 3, 3, 9, 0), Assert.Single(dossier.Timers, t => t.Kind == TimerKind.WaitElapse).DueAt);
        Assert.Empty(dossier.AvailableActions(_richer.Desk.Context(People.Specialist(), Monday)));
        Assert.Equal(RefusalKind.Forbidden, _richer.Desk.Refused(dossier, People.Leader(), DossierActions.Elapse, Vn(2026, 3, 3, 10, 0)).Kind);
        Assert.Equal(TimerOutcome.NotYet, _richer.Fire(dossier, TimerKind.WaitElapse, Vn(2026, 3, 3, 8, 59)));
        Assert.Equal("niem-yet", dossier.CurrentStepId);
    }

    [Fact]
    public void When_the_wait_is_over_the_system_elapses_it_once()
    {
        var dossier = Posted();

        Assert.Equal(TimerOutcome.Done, _richer.Fire(dossier, TimerKind.WaitElapse, Vn(2026, 3, 3, 9, 1)));

        var elapse = dossier.Events[^1];
        Assert.Equal((DossierActions.Elapse, RoleNames.SystemActor, "niem-yet", "phe-duyet", TestUnits.Commune),
            (elapse.Action, elapse.Actor, elapse.FromStep, elapse.ToStep, elapse.UnitCode));
        var events = dossier.Events.Count;
        var timer = dossier.Timers.Single(t => t.Kind == TimerKind.WaitElapse);
        Assert.Equal(TimerOutcome.Done, dossier.FireTimer(timer.Id, _richer.Desk.Context(Actor.System, Vn(2026, 3, 3, 9, 5))));
        Assert.Equal(events, dossier.Events.Count);
    }

    [Fact]
    public void A_wait_that_ends_while_a_withdrawal_is_pending_waits_for_the_decision_and_a_stopped_dossier_never_elapses()
    {
        var dossier = Posted();
        _richer.Desk.Act(dossier, People.Reception(), DossierActions.Withdraw, Monday);

        Assert.Equal(TimerOutcome.NotYet, _richer.Fire(dossier, TimerKind.WaitElapse, Vn(2026, 3, 3, 9, 1)));
        _richer.Desk.Act(dossier, People.Leader(), DossierActions.Stop, Vn(2026, 3, 3, 10, 0));
        var events = dossier.Events.Count;

        Assert.Equal(TimerOutcome.Done, _richer.Fire(dossier, TimerKind.WaitElapse, Vn(2026, 3, 3, 10, 1)));
        Assert.Equal((DossierStatus.Stopped, events), (dossier.Status, dossier.Events.Count));
    }

    [Fact]
    public void An_escalating_step_notifies_the_listed_roles_before_its_due_date_and_the_leader_at_it()
    {
        var dossier = Posted();
        _richer.Fire(dossier, TimerKind.WaitElapse, Vn(2026, 3, 3, 9, 1));
        dossier.ClearDomainEvents();

        // Approval entered Tue 03/03 09:01 with two working days: due Thu 05/03 09:01. Two working hours before is
        // 900 − 120 = 780 office minutes after entry: Tue 09:01–11:30 (149) + 13:30–17:00 (210) = 359, Wed 450 → 809 ≥ 780,
        // so Wed 04/03 at 780 − 359 = 421 minutes into its office day: 07:30 + 240 = 11:30, then 13:30 + 181 = 16:31.
        Assert.Equal(Vn(2026, 3, 5, 9, 1), dossier.StepDueDate);
        Assert.Equal([Vn(2026, 3, 4, 16, 31), Vn(2026, 3, 5, 9, 1)],
            dossier.Timers.Where(t => t.Kind is TimerKind.EscalateBefore or TimerKind.EscalateDue).OrderBy(t => t.Kind).Select(t => t.DueAt));

        _richer.Fire(dossier, TimerKind.EscalateBefore, Vn(2026, 3, 4, 16, 31));
        _richer.Fire(dossier, TimerKind.EscalateDue, Vn(2026, 3, 5, 9, 1));

        Assert.Equal([(NotificationKinds.DueSoon, "leader,specialist"), (NotificationKinds.Escalated, "leader")],
            RicherDesk.Notifications(dossier).Select(n => (n.Kind, string.Join(",", n.Roles))));
        Assert.All(RicherDesk.Notifications(dossier), n => Assert.Equal(TestUnits.Commune, n.UnitCode));
    }
}
