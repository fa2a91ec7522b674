using OneStop.Domain.Dossiers;
using OneStop.Domain.Dossiers.Actions;

using static OneStop.Domain.Tests.Dossiers.VietnamTime;

namespace OneStop.Domain.Tests.Dossiers;

/// <summary>
/// The apology (văn bản xin lỗi và hẹn lại ngày trả, DESIGN §6): issued at the latest on the working day before the
/// due date (Decree 61/2018/NĐ-CP art. 19 as amended: "chậm nhất 01 ngày trước ngày hết hạn"), it sets a new date,
/// once; the current step's due date moves with it, and the dossier is still late if resolved after the original date.
/// </summary>
public sealed class ApologyTests
{
    private readonly DossierDesk _desk = new(TestDefinitions.BirthRegistration);

    /// <summary>
    /// Received Mon 9/3/2026 08:00, one working day: Monday is the day of reception and not counted (Civil Code art.
    /// 147), so Tuesday 10/3 is the one day and the time ends at its close, 17:00 (art. 148). The last day an apology may
    /// be issued is Monday 9/3.
    /// </summary>
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
        Assert.Equal(Vn(2026, 3, 10, 17, 0), dossier.OriginalDueDate);
        Assert.Equal(DossierStatus.Received, dossier.Status);
        var recorded = dossier.Events[^1];
        Assert.Equal(("apologize", DossierStatus.Received, DossierStatus.Received, Vn(2026, 3, 12, 17, 0)),
            (recorded.Action, recorded.FromStatus, recorded.ToStatus, recorded.DueDate));
    }

    [Fact]
    public void A_dossier_resolved_by_the_apology_date_but_after_the_original_due_date_still_counts_late()
    {
        var dossier = Received();
        _desk.Act(dossier, People.Reception(), DossierActions.Apologize, Vn(2026, 3, 9, 16, 0), Apology(VnOffset(2026, 3, 12, 17, 0)));
        _desk.Act(dossier, People.Specialist(), DossierActions.Forward, Vn(2026, 3, 11, 9, 0));
        _desk.Act(dossier, People.Leader(), DossierActions.Approve, Vn(2026, 3, 11, 10, 0));

        _desk.Act(dossier, People.Reception(), DossierActions.Resolve, Vn(2026, 3, 11, 11, 0));

        // Wed 11/3 11:00 meets the promise (Thu 12/3 17:00) but not the law's date (Tue 10/3 17:00): late, as Decision 766 counts it.
        Assert.False(dossier.ResolvedOnTime);
        Assert.True(dossier.Late(Vn(2026, 3, 11, 11, 0)));
        Assert.Equal(Vn(2026, 3, 12, 17, 0), dossier.DueDate);
    }

    [Fact]
    public void A_dossier_resolved_by_its_original_due_date_after_an_apology_is_on_time()
    {
        var dossier = Received();
        _desk.Act(dossier, People.Reception(), DossierActions.Apologize, Vn(2026, 3, 9, 16, 0), Apology(VnOffset(2026, 3, 12, 17, 0)));
        _desk.Act(dossier, People.Specialist(), DossierActions.Forward, Vn(2026, 3, 10, 9, 0));
        _desk.Act(dossier, People.Leader(), DossierActions.Approve, Vn(2026, 3, 10, 10, 0));

        _desk.Act(dossier, People.Reception(), DossierActions.Resolve, Vn(2026, 3, 10, 16, 59));

        Assert.True(dossier.ResolvedOnTime);
        Assert.False(dossier.Late(Vn(2026, 3, 10, 16, 59)));
    }

    [Fact]
    public void The_apology_moves_the_current_step_due_date_by_as_much_office_time_as_the_due_date()
    {
        var dossier = Received();
        // Appraisal has 4 working hours from Mon 08:00: due Mon 12:00 would be lunch, so 08:00 + 210 min to 11:30 + 30 min = Mon 14:00.
        Assert.Equal(Vn(2026, 3, 9, 14, 0), dossier.StepDueDate);

        _desk.Act(dossier, People.Leader(), DossierActions.Apologize, Vn(2026, 3, 9, 10, 0), Apology(VnOffset(2026, 3, 12, 17, 0)));

        // Tue 10/3 17:00 → Thu 12/3 17:00 is two whole office days (2 × 450 minutes): the step's Mon 14:00 becomes Wed 11/3 14:00.
        Assert.Equal(Vn(2026, 3, 11, 14, 0), dossier.StepDueDate);
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

        var refusal = _desk.Refused(dossier, People.Leader(), DossierActions.Apologize, Vn(2026, 3, 10, 17, 1), Apology(VnOffset(2026, 3, 12, 17, 0)));

        Assert.Equal(RefusalKind.Conflict, refusal.Kind);
        Assert.False(dossier.DueDateReset);
    }

    [Fact]
    public void An_apology_on_the_last_day_is_refused_naming_the_due_date()
    {
        var dossier = Received();

        // Tue 10/3 08:00: the due date is today at 17:00, so the apology comes less than a working day ahead.
        var refusal = _desk.Refused(dossier, People.Leader(), DossierActions.Apologize, Vn(2026, 3, 10, 8, 0), Apology(VnOffset(2026, 3, 12, 17, 0)));

        Assert.Equal((RefusalKind.Conflict, "dueDate"), (refusal.Kind, refusal.Field));
        Assert.Contains("09/03/2026", refusal.Message);
        Assert.False(dossier.DueDateReset);
        Assert.Equal(Vn(2026, 3, 10, 17, 0), dossier.DueDate);
    }

    [Fact]
    public void An_apology_on_the_working_day_before_the_due_day_is_in_time()
    {
        var dossier = Received();

        _desk.Act(dossier, People.Leader(), DossierActions.Apologize, Vn(2026, 3, 9, 16, 59), Apology(VnOffset(2026, 3, 12, 17, 0)));

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

        var refusal = _desk.Refused(dossier, People.Leader(), DossierActions.Apologize, Vn(2026, 3, 9, 16, 0), Apology(VnOffset(2026, 3, 10, 17, 0)));

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
