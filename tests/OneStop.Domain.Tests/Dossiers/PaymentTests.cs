using OneStop.Domain.Dossiers;
using OneStop.Domain.Dossiers.Actions;

using static OneStop.Domain.Tests.Dossiers.VietnamTime;

namespace OneStop.Domain.Tests.Dossiers;

/// <summary>
/// Fees: the <c>fee.amount &gt; 0</c> guard routes reception to a payment step, where waiting for the money
/// pauses the clock. In this definition thu phí, phê duyệt and trả kết quả share 210 minutes (70 each).
/// </summary>
public sealed class PaymentTests
{
    private readonly DossierDesk _desk = new(TestDefinitions.WithFee(50_000));

    [Fact]
    public void A_positive_fee_routes_reception_to_the_payment_step()
    {
        var dossier = _desk.Received(Vn(2026, 3, 9, 8, 0));

        Assert.Equal((DossierStatus.Received, "thu-phi", 50_000m), (dossier.Status, dossier.CurrentStepId, dossier.FeeAmount));
        // One working day from Monday 08:00 ends at Tuesday's close (Civil Code art. 147–148).
        Assert.Equal(Vn(2026, 3, 10, 17, 0), dossier.DueDate);
        Assert.Equal(Vn(2026, 3, 9, 9, 10), dossier.StepDueDate);
    }

    [Fact]
    public void A_nil_fee_skips_the_payment_step()
    {
        var desk = new DossierDesk(TestDefinitions.WithFee(0));

        var dossier = desk.Received(Vn(2026, 3, 9, 8, 0));

        Assert.Equal((DossierStatus.Received, "tham-dinh"), (dossier.Status, dossier.CurrentStepId));
        var refusal = desk.Refused(dossier, People.Reception(), DossierActions.RequestPayment, Vn(2026, 3, 9, 8, 30));
        Assert.Equal(RefusalKind.Conflict, refusal.Kind);
    }

    [Fact]
    public void Requesting_payment_waits_for_the_money_with_the_clock_paused()
    {
        var dossier = _desk.Received(Vn(2026, 3, 9, 8, 0));

        _desk.Act(dossier, People.Reception(), DossierActions.RequestPayment, Vn(2026, 3, 9, 8, 30));

        Assert.Equal((DossierStatus.AwaitingPayment, DossierStatus.Received, "thu-phi"), (dossier.Status, dossier.ResumeStatus, dossier.CurrentStepId));
        var pause = Assert.IsType<ClockPause>(dossier.OpenPause);
        Assert.Equal((PauseReason.Payment, Vn(2026, 3, 9, 8, 30), false), (pause.Reason, pause.StartedAt, pause.RestartsClock));
    }

    [Fact]
    public void Confirming_payment_ends_the_pause_moves_the_due_date_and_goes_on_to_appraisal()
    {
        var dossier = _desk.Received(Vn(2026, 3, 9, 8, 0));
        _desk.Act(dossier, People.Reception(), DossierActions.RequestPayment, Vn(2026, 3, 9, 8, 30));

        _desk.Act(dossier, People.Reception(), DossierActions.ConfirmPayment, Vn(2026, 3, 9, 10, 0));

        Assert.Equal((DossierStatus.InProgress, "tham-dinh"), (dossier.Status, dossier.CurrentStepId));
        Assert.Null(dossier.OpenPause);
        Assert.Equal((Vn(2026, 3, 9, 10, 0), 90), (dossier.Pauses[0].EndedAt, dossier.Pauses[0].WorkingMinutes));
        // Tue 17:00 + 90 paused minutes: Tuesday's office time is over, so Wednesday 07:30 + 90 = 09:00.
        Assert.Equal(Vn(2026, 3, 11, 9, 0), dossier.DueDate);
        Assert.Equal(Vn(2026, 3, 11, 9, 0), dossier.OriginalDueDate);
        // Thẩm định's 240 minutes from 10:00: 90 before lunch, 150 after.
        Assert.Equal(Vn(2026, 3, 9, 16, 0), dossier.StepDueDate);
        Assert.Equal(
            [("request-payment", DossierStatus.Received, DossierStatus.AwaitingPayment, "thu-phi", "thu-phi"),
             ("confirm-payment", DossierStatus.AwaitingPayment, DossierStatus.InProgress, "thu-phi", "tham-dinh")],
            dossier.Events.Skip(2).Select(e => (e.Action, e.FromStatus!.Value, e.ToStatus, e.FromStep, e.ToStep)));
    }

    [Fact]
    public void A_fee_paid_on_the_spot_is_confirmed_without_a_pause()
    {
        var dossier = _desk.Received(Vn(2026, 3, 9, 8, 0));

        _desk.Act(dossier, People.Reception(), DossierActions.ConfirmPayment, Vn(2026, 3, 9, 8, 10));

        Assert.Equal((DossierStatus.InProgress, "tham-dinh"), (dossier.Status, dossier.CurrentStepId));
        Assert.Empty(dossier.Pauses);
        Assert.Equal(Vn(2026, 3, 10, 17, 0), dossier.DueDate);
    }

    [Fact]
    public void Asking_for_payment_twice_is_a_conflict()
    {
        var dossier = _desk.Received(Vn(2026, 3, 9, 8, 0));
        _desk.Act(dossier, People.Reception(), DossierActions.RequestPayment, Vn(2026, 3, 9, 8, 30));

        var refusal = _desk.Refused(dossier, People.Reception(), DossierActions.RequestPayment, Vn(2026, 3, 9, 8, 40));

        Assert.Equal(RefusalKind.Conflict, refusal.Kind);
    }

    [Fact]
    public void A_specialist_may_not_ask_for_the_fee_at_the_counters_payment_step()
    {
        var dossier = _desk.Received(Vn(2026, 3, 9, 8, 0));

        var refusal = _desk.Refused(dossier, People.Specialist(), DossierActions.RequestPayment, Vn(2026, 3, 9, 8, 30));

        Assert.Equal(RefusalKind.Forbidden, refusal.Kind);
    }

    [Fact]
    public void Payment_is_not_asked_for_outside_a_payment_step()
    {
        var dossier = _desk.Received(Vn(2026, 3, 9, 8, 0));
        _desk.Act(dossier, People.Reception(), DossierActions.ConfirmPayment, Vn(2026, 3, 9, 8, 10));

        Assert.Equal(RefusalKind.Conflict, _desk.Refused(dossier, People.Specialist(), DossierActions.RequestPayment, Vn(2026, 3, 9, 9, 0)).Kind);
        Assert.Equal(RefusalKind.Conflict, _desk.Refused(dossier, People.Specialist(), DossierActions.ConfirmPayment, Vn(2026, 3, 9, 9, 0)).Kind);
    }

    [Fact]
    public void Forwarding_is_not_a_way_past_the_payment_step()
    {
        var dossier = _desk.Received(Vn(2026, 3, 9, 8, 0));

        var refusal = _desk.Refused(dossier, People.Reception(), DossierActions.Forward, Vn(2026, 3, 9, 8, 30));

        Assert.Equal(RefusalKind.Conflict, refusal.Kind);
    }
}
