using OneStop.Domain.Dossiers;
using OneStop.Domain.Dossiers.Actions;

using static OneStop.Domain.Tests.Dossiers.VietnamTime;

namespace OneStop.Domain.Tests.Dossiers;

/// <summary>Receiving and refusing at the counter: when the clock starts and what a refusal needs.</summary>
public sealed class ReceptionTests
{
    private readonly DossierDesk _desk = new(TestDefinitions.BirthRegistration);

    [Fact]
    public void A_dossier_received_after_15_00_starts_its_clock_the_next_working_morning()
    {
        var dossier = _desk.Received(Vn(2026, 3, 9, 15, 30));

        Assert.Equal(Vn(2026, 3, 9, 15, 30), dossier.ReceivedAt);
        Assert.Equal(Vn(2026, 3, 10, 7, 30), dossier.ClockStartedAt);
        // A full working day from Tuesday's opening ends at Tuesday's close.
        Assert.Equal(Vn(2026, 3, 10, 17, 0), dossier.DueDate);
    }

    [Fact]
    public void A_dossier_received_after_15_00_on_Friday_starts_its_clock_on_Monday()
    {
        var dossier = _desk.Received(Vn(2026, 3, 13, 16, 0));

        Assert.Equal(Vn(2026, 3, 16, 7, 30), dossier.ClockStartedAt);
        Assert.Equal(Vn(2026, 3, 16, 17, 0), dossier.DueDate);
    }

    [Fact]
    public void A_dossier_received_at_14_59_starts_its_clock_at_once_and_its_one_day_ends_at_the_next_days_close()
    {
        var dossier = _desk.Received(Vn(2026, 3, 9, 14, 59));

        Assert.Equal(Vn(2026, 3, 9, 14, 59), dossier.ClockStartedAt);
        // Received on Monday before 15:00: Monday is not counted, Tuesday is the one day (Civil Code art. 147), ending at
        // its close (art. 148) — not at 14:59, the minute of reception.
        Assert.Equal(Vn(2026, 3, 10, 17, 0), dossier.DueDate);
    }

    [Fact]
    public void The_first_step_of_a_dossier_received_after_15_00_also_counts_from_the_next_working_morning()
    {
        var dossier = _desk.Received(Vn(2026, 3, 9, 16, 0));

        // Thẩm định's 240 minutes from Tuesday 07:30 end at 11:30 (the code gives 10:30: 60 minutes on Monday).
        Assert.Equal(Vn(2026, 3, 10, 11, 30), dossier.StepDueDate);
    }

    [Fact]
    public void Refusing_without_a_reason_changes_nothing()
    {
        var dossier = _desk.Submit(People.Reception(), Vn(2026, 3, 9, 8, 0));

        var refusal = _desk.Refused(dossier, People.Reception(), DossierActions.Refuse, Vn(2026, 3, 9, 8, 5), new ActionRequest(Comment: "   "));

        Assert.Equal((RefusalKind.Invalid, "comment"), (refusal.Kind, refusal.Field));
        Assert.Equal((DossierStatus.Submitted, 1), (dossier.Status, dossier.Version));
        Assert.Single(dossier.Events);
        Assert.Null(dossier.ClosedAt);
    }

    [Fact]
    public void Refusing_with_a_reason_closes_the_dossier_as_not_accepted()
    {
        var dossier = _desk.Submit(People.Reception(), Vn(2026, 3, 9, 8, 0));

        _desk.Act(dossier, People.Reception(), DossierActions.Refuse, Vn(2026, 3, 9, 8, 5), new ActionRequest(Comment: "Không thuộc thẩm quyền."));

        Assert.Equal(DossierStatus.NotAccepted, dossier.Status);
        Assert.Equal(Vn(2026, 3, 9, 8, 5), dossier.ClosedAt);
        Assert.Null(dossier.DueDate);
        Assert.Equal(("refuse", "Không thuộc thẩm quyền."), (dossier.Events[^1].Action, dossier.Events[^1].Comment));
        Assert.Empty(dossier.AvailableActions(_desk.Context(People.Reception(), Vn(2026, 3, 9, 8, 10))));
    }

    [Fact]
    public void A_reception_officer_can_receive_an_online_submission_once_only()
    {
        var dossier = _desk.Submit(People.Applicant(), Vn(2026, 3, 9, 8, 0), Channel.Online);
        _desk.Act(dossier, People.Reception(), DossierActions.Receive, Vn(2026, 3, 9, 9, 0));

        var refusal = _desk.Refused(dossier, People.Reception(), DossierActions.Receive, Vn(2026, 3, 9, 9, 1));

        Assert.Equal(RefusalKind.Conflict, refusal.Kind);
        Assert.Equal(Vn(2026, 3, 9, 9, 0), dossier.ClockStartedAt);
    }
}
