using OneStop.Domain.Dossiers;
using OneStop.Domain.Dossiers.Actions;

using static OneStop.Domain.Tests.Dossiers.VietnamTime;

namespace OneStop.Domain.Tests.Dossiers;

/// <summary>The DESIGN §4 birth registration from the counter to the applicant's hands, on Monday 9/3/2026.</summary>
public sealed class BirthRegistrationHappyPathTests
{
    private readonly DossierDesk _desk = new(TestDefinitions.BirthRegistration);

    [Fact]
    public void Each_action_moves_the_dossier_to_the_next_status_and_step()
    {
        var dossier = _desk.Submit(People.Reception(), Vn(2026, 3, 9, 8, 0));
        Assert.Equal((DossierStatus.Submitted, "tiep-nhan", "22918"), (dossier.Status, dossier.CurrentStepId, dossier.CurrentUnitCode));
        Assert.Equal("000.17.22.H56-260309-0001", dossier.Code);
        Assert.Equal(Vn(2026, 3, 9, 8, 0), dossier.SubmittedAt);
        Assert.Null(dossier.DueDate);

        _desk.Act(dossier, People.Reception(), DossierActions.Receive, Vn(2026, 3, 9, 8, 0));
        Assert.Equal((DossierStatus.Received, "tham-dinh"), (dossier.Status, dossier.CurrentStepId));
        Assert.Equal(Vn(2026, 3, 9, 8, 0), dossier.ReceivedAt);
        Assert.Equal(Vn(2026, 3, 9, 8, 0), dossier.ClockStartedAt);
        // One working day, received Monday before 15:00: Monday is not counted (Civil Code art. 147), Tuesday 10/3 is
        // the one day, and it ends at the close of office hours, 17:00 (art. 148) — not at 08:00, the minute of reception.
        Assert.Equal(Vn(2026, 3, 10, 17, 0), dossier.DueDate);
        Assert.Equal(Vn(2026, 3, 10, 17, 0), dossier.OriginalDueDate);
        // Thẩm định's own 4 hours: 210 before lunch, 30 after.
        Assert.Equal(Vn(2026, 3, 9, 14, 0), dossier.StepDueDate);

        _desk.Act(dossier, People.Specialist(), DossierActions.Forward, Vn(2026, 3, 9, 10, 0));
        Assert.Equal((DossierStatus.InProgress, "phe-duyet"), (dossier.Status, dossier.CurrentStepId));
        Assert.Equal(Vn(2026, 3, 9, 10, 0), dossier.StepStartedAt);
        // Phê duyệt's 105-minute share: 90 before lunch, 15 after.
        Assert.Equal(Vn(2026, 3, 9, 13, 45), dossier.StepDueDate);

        _desk.Act(dossier, People.Leader(), DossierActions.Approve, Vn(2026, 3, 9, 14, 0));
        Assert.Equal((DossierStatus.InProgress, "tra-ket-qua"), (dossier.Status, dossier.CurrentStepId));
        Assert.Equal(Vn(2026, 3, 9, 15, 45), dossier.StepDueDate);

        _desk.Act(dossier, People.Reception(), DossierActions.Resolve, Vn(2026, 3, 9, 15, 0));
        Assert.Equal(DossierStatus.Resolved, dossier.Status);
        Assert.Equal(Vn(2026, 3, 9, 15, 0), dossier.ResolvedAt);
        Assert.Equal(("GKS", "Giấy khai sinh", "reception.22918"), (dossier.Result?.Code, dossier.Result?.Name, dossier.Result?.IssuedBy));

        _desk.Act(dossier, People.Reception(), DossierActions.ReturnResult, Vn(2026, 3, 9, 16, 0));
        Assert.Equal(DossierStatus.Returned, dossier.Status);
        Assert.Equal(Vn(2026, 3, 9, 16, 0), dossier.ReturnedAt);
        Assert.Equal((DossierStatus.Returned, "tra-ket-qua", "22918"), (dossier.Status, dossier.CurrentStepId, dossier.CurrentUnitCode));
        Assert.Equal(Vn(2026, 3, 10, 17, 0), dossier.DueDate);
        Assert.Equal(Outcomes.Granted, dossier.Outcome);
        Assert.Null(dossier.ClosedAt);
    }

    [Fact]
    public void Every_action_appends_an_event_with_the_next_sequence_and_its_from_and_to()
    {
        var dossier = _desk.Submit(People.Reception(), Vn(2026, 3, 9, 8, 0));
        _desk.Act(dossier, People.Reception(), DossierActions.Receive, Vn(2026, 3, 9, 8, 0));
        _desk.Act(dossier, People.Specialist(), DossierActions.Forward, Vn(2026, 3, 9, 10, 0), new ActionRequest(Comment: "  Đủ điều kiện.  "));
        _desk.Act(dossier, People.Leader(), DossierActions.Approve, Vn(2026, 3, 9, 14, 0));
        _desk.Act(dossier, People.Reception(), DossierActions.Resolve, Vn(2026, 3, 9, 15, 0));
        _desk.Act(dossier, People.Reception(), DossierActions.ReturnResult, Vn(2026, 3, 9, 16, 0));

        Assert.Equal(
        [
            (1, "submit", "reception.22918", (DossierStatus?)null, DossierStatus.Submitted, (string?)null, "tiep-nhan"),
            (2, "receive", "reception.22918", DossierStatus.Submitted, DossierStatus.Received, "tiep-nhan", "tham-dinh"),
            (3, "forward", "specialist.22918", DossierStatus.Received, DossierStatus.InProgress, "tham-dinh", "phe-duyet"),
            (4, "approve", "leader.22918", DossierStatus.InProgress, DossierStatus.InProgress, "phe-duyet", "tra-ket-qua"),
            (5, "resolve", "reception.22918", DossierStatus.InProgress, DossierStatus.Resolved, "tra-ket-qua", "tra-ket-qua"),
            (6, "return-result", "reception.22918", DossierStatus.Resolved, DossierStatus.Returned, "tra-ket-qua", "tra-ket-qua"),
        ],
            dossier.Events.Select(e => (e.Sequence, e.Action, e.Actor, e.FromStatus, e.ToStatus, e.FromStep, e.ToStep)));
        Assert.Equal(
            [Vn(2026, 3, 9, 8, 0), Vn(2026, 3, 9, 8, 0), Vn(2026, 3, 9, 10, 0), Vn(2026, 3, 9, 14, 0), Vn(2026, 3, 9, 15, 0), Vn(2026, 3, 9, 16, 0)],
            dossier.Events.Select(e => e.At));
        Assert.All(dossier.Events, e => Assert.Equal(("22918", "22918"), (e.UnitCode, e.ToUnitCode)));
        Assert.Equal("Đủ điều kiện.", dossier.Events[2].Comment);
        Assert.Null(dossier.Events[0].DueDate);
        Assert.Equal(Vn(2026, 3, 10, 17, 0), dossier.Events[1].DueDate);
        Assert.Equal(Vn(2026, 3, 9, 14, 0), dossier.Events[1].StepDueDate);
        Assert.Equal(6, dossier.Version);
    }

    [Fact]
    public void A_dossier_resolved_before_its_due_date_is_on_time()
    {
        var dossier = _desk.Received(Vn(2026, 3, 9, 8, 0));
        Assert.Null(dossier.ResolvedOnTime);
        _desk.Act(dossier, People.Specialist(), DossierActions.Forward, Vn(2026, 3, 9, 10, 0));
        _desk.Act(dossier, People.Leader(), DossierActions.Approve, Vn(2026, 3, 9, 14, 0));

        // Due Tuesday 17:00; resolving exactly then still counts.
        _desk.Act(dossier, People.Reception(), DossierActions.Resolve, Vn(2026, 3, 10, 17, 0));

        Assert.True(dossier.ResolvedOnTime);
    }

    [Fact]
    public void A_dossier_resolved_after_its_due_date_is_late()
    {
        var dossier = _desk.Received(Vn(2026, 3, 9, 8, 0));
        _desk.Act(dossier, People.Specialist(), DossierActions.Forward, Vn(2026, 3, 9, 10, 0));
        _desk.Act(dossier, People.Leader(), DossierActions.Approve, Vn(2026, 3, 9, 14, 0));

        _desk.Act(dossier, People.Reception(), DossierActions.Resolve, Vn(2026, 3, 10, 17, 1));

        Assert.False(dossier.ResolvedOnTime);
        Assert.True(dossier.Late(Vn(2026, 3, 10, 17, 1)));
    }

    [Fact]
    public void The_leader_may_return_the_dossier_to_appraisal_which_starts_that_step_again()
    {
        var dossier = _desk.Received(Vn(2026, 3, 9, 8, 0));
        _desk.Act(dossier, People.Specialist(), DossierActions.Forward, Vn(2026, 3, 9, 9, 0));

        _desk.Act(dossier, People.Leader(), DossierActions.Return, Vn(2026, 3, 9, 10, 0), new ActionRequest(Comment: "Xác minh lại nơi sinh."));

        Assert.Equal((DossierStatus.InProgress, "tham-dinh"), (dossier.Status, dossier.CurrentStepId));
        // 240 minutes from 10:00: 90 before lunch, 150 after.
        Assert.Equal(Vn(2026, 3, 9, 16, 0), dossier.StepDueDate);
        Assert.Equal(Vn(2026, 3, 10, 17, 0), dossier.DueDate);
    }
}
