using OneStop.Domain.Dossiers;
using OneStop.Domain.Dossiers.Actions;

using static OneStop.Domain.Tests.Dossiers.VietnamTime;

namespace OneStop.Domain.Tests.Dossiers;

/// <summary>Withdrawal by the applicant and stopping by the unit, which closes the dossier with a stop notice.</summary>
public sealed class WithdrawalTests
{
    private readonly DossierDesk _desk = new(TestDefinitions.BirthRegistration);

    private Dossier SubmittedOnlineAndReceived()
    {
        var dossier = _desk.Submit(People.Applicant(), Vn(2026, 3, 9, 7, 0), Channel.Online);
        _desk.Act(dossier, People.Reception(), DossierActions.Receive, Vn(2026, 3, 9, 8, 0));
        return dossier;
    }

    [Fact]
    public void The_applicant_withdraws_and_the_counter_stops_the_dossier()
    {
        var dossier = SubmittedOnlineAndReceived();

        _desk.Act(dossier, People.Applicant(), DossierActions.Withdraw, Vn(2026, 3, 9, 10, 0));
        Assert.Equal((DossierStatus.WithdrawalRequested, DossierStatus.Received), (dossier.Status, dossier.ResumeStatus));
        Assert.Null(dossier.ClosedAt);

        _desk.Act(dossier, People.Reception(), DossierActions.Stop, Vn(2026, 3, 9, 10, 30));

        Assert.Equal(DossierStatus.Stopped, dossier.Status);
        Assert.Equal(Vn(2026, 3, 9, 10, 30), dossier.ClosedAt);
        Assert.Null(dossier.ResumeStatus);
        Assert.Equal(
            [("withdraw", DossierStatus.Received, DossierStatus.WithdrawalRequested), ("stop", DossierStatus.WithdrawalRequested, DossierStatus.Stopped)],
            dossier.Events.Skip(2).Select(e => (e.Action, e.FromStatus!.Value, e.ToStatus)));
        Assert.Empty(dossier.AvailableActions(_desk.Context(People.Reception(), Vn(2026, 3, 9, 11, 0))));
    }

    [Fact]
    public void A_withdrawal_during_a_supplement_wait_closes_the_pause_when_stopped()
    {
        var dossier = SubmittedOnlineAndReceived();
        _desk.Act(dossier, People.Specialist(), DossierActions.RequestSupplement, Vn(2026, 3, 9, 10, 0), new ActionRequest(Comment: "Bổ sung GCS.", Items: [new SupplementItem("GCS", "Bản chính.")]));
        _desk.Act(dossier, People.Applicant(), DossierActions.Withdraw, Vn(2026, 3, 9, 11, 0));

        _desk.Act(dossier, People.Leader(), DossierActions.Stop, Vn(2026, 3, 9, 14, 0));

        Assert.Equal(DossierStatus.Stopped, dossier.Status);
        Assert.Null(dossier.OpenPause);
        // 10:00–11:30 and 13:30–14:00.
        Assert.Equal((Vn(2026, 3, 9, 14, 0), 120), (dossier.Pauses[0].EndedAt, dossier.Pauses[0].WorkingMinutes));
    }

    [Fact]
    public void A_specialist_may_not_stop_a_withdrawn_dossier()
    {
        var dossier = SubmittedOnlineAndReceived();
        _desk.Act(dossier, People.Applicant(), DossierActions.Withdraw, Vn(2026, 3, 9, 10, 0));

        var refusal = _desk.Refused(dossier, People.Specialist(), DossierActions.Stop, Vn(2026, 3, 9, 10, 30));

        Assert.Equal(RefusalKind.Forbidden, refusal.Kind);
    }

    [Fact]
    public void Another_citizen_may_not_withdraw_the_dossier()
    {
        var dossier = SubmittedOnlineAndReceived();

        var refusal = _desk.Refused(dossier, People.Stranger(), DossierActions.Withdraw, Vn(2026, 3, 9, 10, 0));

        Assert.Equal(RefusalKind.Forbidden, refusal.Kind);
    }

    [Fact]
    public void Withdrawing_twice_is_a_conflict()
    {
        var dossier = SubmittedOnlineAndReceived();
        _desk.Act(dossier, People.Applicant(), DossierActions.Withdraw, Vn(2026, 3, 9, 10, 0));

        var refusal = _desk.Refused(dossier, People.Applicant(), DossierActions.Withdraw, Vn(2026, 3, 9, 10, 5));

        Assert.Equal(RefusalKind.Conflict, refusal.Kind);
    }

    [Fact]
    public void A_resolved_dossier_can_no_longer_be_withdrawn()
    {
        var dossier = SubmittedOnlineAndReceived();
        _desk.Act(dossier, People.Specialist(), DossierActions.Forward, Vn(2026, 3, 9, 9, 0));
        _desk.Act(dossier, People.Leader(), DossierActions.Approve, Vn(2026, 3, 9, 9, 30));
        _desk.Act(dossier, People.Reception(), DossierActions.Resolve, Vn(2026, 3, 9, 10, 0));

        var refusal = _desk.Refused(dossier, People.Applicant(), DossierActions.Withdraw, Vn(2026, 3, 9, 10, 5));

        Assert.Equal(RefusalKind.Conflict, refusal.Kind);
    }

    [Fact]
    public void Stopping_without_a_withdrawal_needs_the_legal_grounds()
    {
        var dossier = SubmittedOnlineAndReceived();

        var refusal = _desk.Refused(dossier, People.Leader(), DossierActions.Stop, Vn(2026, 3, 9, 10, 0));
        Assert.Equal((RefusalKind.Invalid, "comment"), (refusal.Kind, refusal.Field));

        _desk.Act(dossier, People.Leader(), DossierActions.Stop, Vn(2026, 3, 9, 10, 0), new ActionRequest(Comment: "Cơ quan có thẩm quyền yêu cầu dừng."));
        Assert.Equal((DossierStatus.Stopped, Vn(2026, 3, 9, 10, 0)), (dossier.Status, dossier.ClosedAt));
    }

    [Fact]
    public void Only_a_leader_may_stop_a_dossier_that_was_not_withdrawn()
    {
        var dossier = SubmittedOnlineAndReceived();

        var refusal = _desk.Refused(dossier, People.Reception(), DossierActions.Stop, Vn(2026, 3, 9, 10, 0), new ActionRequest(Comment: "Dừng."));

        Assert.Equal(RefusalKind.Forbidden, refusal.Kind);
    }
}
