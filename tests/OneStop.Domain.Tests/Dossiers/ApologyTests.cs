using OneStop.Domain.Dossiers;
using OneStop.Domain.Dossiers.Actions;

using static OneStop.Domain.Tests.Dossiers.VietnamTime;

namespace OneStop.Domain.Tests.Dossiers;

/// <summary>The apology letter: issued before the due date, it sets a new date, once (DESIGN §6).</summary>
public sealed class ApologyTests
{
    private readonly DossierDesk _desk = new(TestDefinitions.BirthRegistration);

    /// <summary>Received Mon 9/3/2026 08:00, due Tue 10/3 08:00.</summary>
    private Dossier Received() => _desk.Received(Vn(2026, 3, 9, 8, 0));

    private static ActionRequest Apology(DateTimeOffset newDue, string? comment = "Cần xác minh thêm tại bệnh viện.") =>
        new(Comment: comment, NewDueDate: newDue);

    [Fact]
    public void An_apology_sets_the_new_due_date_and_remembers_the_original()
    {
        var dossier = Received();

        _desk.Act(dossier, People.Leader(), DossierActions.Apologize, Vn(2026, 3, 9, 16, 0), Apology(VnOffset(2026, 3, 12, 17, 0)));

        Assert.Equal(Vn(2026, 3, 12, 17, 0), dossier.DueDate);
        Assert.True(dossier.DueDateReset);
        Assert.Equal(Vn(2026, 3, 10, 8, 0), dossier.OriginalDueDate);
        Assert.Equal(DossierStatus.Received, dossier.Status);
        var recorded = dossier.Events[^1];
        Assert.Equal(("apologize", DossierStatus.Received, DossierStatus.Received, Vn(2026, 3, 12, 17, 0)),
            (recorded.Action, recorded.FromStatus, recorded.ToStatus, recorded.DueDate));
    }

    [Fact]
    public void A_dossier_resolved_by_the_apology_date_is_on_time()
    {
        var dossier = Received();
        _desk.Act(dossier, People.Reception(), DossierActions.Apologize, Vn(2026, 3, 9, 16, 0), Apology(VnOffset(2026, 3, 12, 17, 0)));
        _desk.Act(dossier, People.Specialist(), DossierActions.Forward, Vn(2026, 3, 11, 9, 0));
        _desk.Act(dossier, People.Leader(), DossierActions.Approve, Vn(2026, 3, 11, 10, 0));

        _desk.Act(dossier, People.Reception(), DossierActions.Resolve, Vn(2026, 3, 11, 11, 0));

        Assert.True(dossier.ResolvedOnTime);
    }

    [Fact]
    public void A_second_apology_is_a_conflict()
    {
        var dossier = Received();
        _desk.Act(dossier, People.Leader(), DossierActions.Apologize, Vn(2026, 3, 9, 16, 0), Apology(VnOffset(2026, 3, 12, 17, 0)));

        var refusal = _desk.Refused(dossier, People.Leader(), DossierActions.Apologize, Vn(2026, 3, 9, 16, 30), Apology(VnOffset(2026, 3, 13, 17, 0)));

        Assert.Equal(RefusalKind.Conflict, refusal.Kind);
        Assert.Equal(Vn(2026, 3, 12, 17, 0), dossier.DueDate);
    }

    [Fact]
    public void An_apology_after_the_due_date_has_passed_is_a_conflict()
    {
        var dossier = Received();

        var refusal = _desk.Refused(dossier, People.Leader(), DossierActions.Apologize, Vn(2026, 3, 10, 8, 1), Apology(VnOffset(2026, 3, 12, 17, 0)));

        Assert.Equal(RefusalKind.Conflict, refusal.Kind);
        Assert.False(dossier.DueDateReset);
    }

    [Fact]
    public void An_apology_at_the_very_minute_of_the_due_date_is_still_in_time()
    {
        var dossier = Received();

        _desk.Act(dossier, People.Leader(), DossierActions.Apologize, Vn(2026, 3, 10, 8, 0), Apology(VnOffset(2026, 3, 12, 17, 0)));

        Assert.True(dossier.DueDateReset);
    }

    [Fact]
    public void A_new_due_date_before_the_current_one_is_invalid()
    {
        var dossier = Received();

        var refusal = _desk.Refused(dossier, People.Leader(), DossierActions.Apologize, Vn(2026, 3, 9, 16, 0), Apology(VnOffset(2026, 3, 10, 7, 45)));

        Assert.Equal((RefusalKind.Invalid, "newDueDate"), (refusal.Kind, refusal.Field));
    }

    [Fact]
    public void A_new_due_date_equal_to_the_current_one_is_invalid()
    {
        var dossier = Received();

        var refusal = _desk.Refused(dossier, People.Leader(), DossierActions.Apologize, Vn(2026, 3, 9, 16, 0), Apology(VnOffset(2026, 3, 10, 8, 0)));

        Assert.Equal((RefusalKind.Invalid, "newDueDate"), (refusal.Kind, refusal.Field));
    }

    [Fact]
    public void A_new_due_date_on_a_Saturday_is_invalid()
    {
        var dossier = Received();

        var refusal = _desk.Refused(dossier, People.Leader(), DossierActions.Apologize, Vn(2026, 3, 9, 16, 0), Apology(VnOffset(2026, 3, 14, 10, 0)));

        Assert.Equal((RefusalKind.Invalid, "newDueDate"), (refusal.Kind, refusal.Field));
    }

    [Fact]
    public void An_apology_without_a_new_due_date_is_invalid()
    {
        var dossier = Received();

        var refusal = _desk.Refused(dossier, People.Leader(), DossierActions.Apologize, Vn(2026, 3, 9, 16, 0), new ActionRequest(Comment: "Xin lỗi."));

        Assert.Equal((RefusalKind.Invalid, "newDueDate"), (refusal.Kind, refusal.Field));
    }

    [Fact]
    public void An_apology_without_a_reason_is_invalid()
    {
        var dossier = Received();

        var refusal = _desk.Refused(dossier, People.Leader(), DossierActions.Apologize, Vn(2026, 3, 9, 16, 0), Apology(VnOffset(2026, 3, 12, 17, 0), comment: null));

        Assert.Equal((RefusalKind.Invalid, "comment"), (refusal.Kind, refusal.Field));
    }

    [Fact]
    public void A_specialist_may_not_apologize_for_the_unit()
    {
        var dossier = Received();

        var refusal = _desk.Refused(dossier, People.Specialist(), DossierActions.Apologize, Vn(2026, 3, 9, 16, 0), Apology(VnOffset(2026, 3, 12, 17, 0)));

        Assert.Equal(RefusalKind.Forbidden, refusal.Kind);
    }
}
