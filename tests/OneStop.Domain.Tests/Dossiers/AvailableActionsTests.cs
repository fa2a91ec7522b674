using OneStop.Domain.Dossiers;
using OneStop.Domain.Dossiers.Actions;

using static OneStop.Domain.Tests.Dossiers.VietnamTime;

namespace OneStop.Domain.Tests.Dossiers;

/// <summary><c>availableActions</c>: exactly the actions <see cref="Dossier.Check"/> allows to that actor now.</summary>
public sealed class AvailableActionsTests
{
    private readonly DossierDesk _desk = new(TestDefinitions.BirthRegistration);

    private void AssertAvailable(Dossier dossier, Actor actor, DateTime at, params string[] expected)
    {
        var context = _desk.Context(actor, at);

        Assert.Equal(expected, dossier.AvailableActions(context));
        foreach (var action in DossierActions.All)
            Assert.True(expected.Contains(action) == (dossier.Check(action, context) is null), $"{actor.UserName}: {action}");
    }

    [Fact]
    public void An_online_submission_offers_the_counter_its_reception_choices_and_the_applicant_withdrawal()
    {
        var dossier = _desk.Submit(People.Applicant(), Vn(2026, 3, 9, 7, 0), Channel.Online);
        var at = Vn(2026, 3, 9, 8, 0);

        AssertAvailable(dossier, People.Reception(), at, "receive", "refuse", "request-supplement", "withdraw");
        AssertAvailable(dossier, People.Applicant(), at, "withdraw");
        AssertAvailable(dossier, People.Specialist(), at);
        AssertAvailable(dossier, People.Reception(TestUnits.District), at);
    }

    [Fact]
    public void A_received_dossier_in_appraisal_offers_each_actor_their_own_actions()
    {
        var dossier = _desk.Received(Vn(2026, 3, 9, 8, 0));
        var at = Vn(2026, 3, 9, 9, 0);

        AssertAvailable(dossier, People.Specialist(), at, "request-supplement", "forward");
        // The counter may also ask for papers on the unit's behalf (DESIGN §2).
        AssertAvailable(dossier, People.Reception(), at, "request-supplement", "apologize", "withdraw");
        // A leader of the unit deciding the dossier may also decline it after review (DESIGN §5).
        AssertAvailable(dossier, People.Leader(), at, "apologize", "stop", "decline");
        AssertAvailable(dossier, People.Applicant(), at, "withdraw");
        AssertAvailable(dossier, People.Stranger(), at);
        AssertAvailable(dossier, People.Specialist(TestUnits.District), at);
        AssertAvailable(dossier, People.Leader(TestUnits.Province), at);
    }

    [Fact]
    public void On_the_last_day_the_apology_is_no_longer_offered()
    {
        // Due Tue 10/3 17:00: an apology must come by Monday (at least one working day ahead).
        var dossier = _desk.Received(Vn(2026, 3, 9, 8, 0));

        AssertAvailable(dossier, People.Leader(), Vn(2026, 3, 10, 8, 1), "stop", "decline");
        AssertAvailable(dossier, People.Leader(), Vn(2026, 3, 9, 16, 59), "apologize", "stop", "decline");
    }

    [Fact]
    public void At_approval_the_leader_may_approve_return_ask_for_papers_apologize_or_stop()
    {
        var dossier = _desk.Received(Vn(2026, 3, 9, 8, 0));
        _desk.Act(dossier, People.Specialist(), DossierActions.Forward, Vn(2026, 3, 9, 9, 0));
        var at = Vn(2026, 3, 9, 10, 0);

        AssertAvailable(dossier, People.Leader(), at, "request-supplement", "return", "approve", "apologize", "stop", "decline");
        AssertAvailable(dossier, People.Specialist(), at);
    }

    [Fact]
    public void While_papers_are_awaited_only_the_supplement_withdrawal_or_a_stop_is_offered()
    {
        var dossier = _desk.Received(Vn(2026, 3, 9, 8, 0));
        _desk.Act(dossier, People.Specialist(), DossierActions.RequestSupplement, Vn(2026, 3, 9, 9, 0), new ActionRequest(Comment: "Thiếu GCS.", Items: [new SupplementItem("GCS", "Thiếu.")]));
        var at = Vn(2026, 3, 9, 10, 0);

        AssertAvailable(dossier, People.Applicant(), at, "supplement", "withdraw");
        AssertAvailable(dossier, People.Reception(), at, "supplement", "withdraw");
        AssertAvailable(dossier, People.Leader(), at, "stop");
        AssertAvailable(dossier, People.Specialist(), at);
    }

    [Fact]
    public void While_the_fee_is_awaited_the_counter_may_confirm_it()
    {
        var desk = new DossierDesk(TestDefinitions.WithFee(50_000));
        var dossier = desk.Received(Vn(2026, 3, 9, 8, 0));
        desk.Act(dossier, People.Reception(), DossierActions.RequestPayment, Vn(2026, 3, 9, 8, 30));
        var context = desk.Context(People.Reception(), Vn(2026, 3, 9, 9, 0));

        Assert.Equal(["confirm-payment", "withdraw"], dossier.AvailableActions(context));
    }

    [Fact]
    public void A_resolved_dossier_offers_only_the_return_of_the_result_at_the_counter()
    {
        var dossier = _desk.Received(Vn(2026, 3, 9, 8, 0));
        _desk.Act(dossier, People.Specialist(), DossierActions.Forward, Vn(2026, 3, 9, 9, 0));
        _desk.Act(dossier, People.Leader(), DossierActions.Approve, Vn(2026, 3, 9, 10, 0));
        _desk.Act(dossier, People.Reception(), DossierActions.Resolve, Vn(2026, 3, 9, 11, 0));
        var at = Vn(2026, 3, 9, 11, 5);

        AssertAvailable(dossier, People.Reception(), at, "return-result");
        AssertAvailable(dossier, People.Leader(), at);
        AssertAvailable(dossier, People.Applicant(), at);
    }
}
