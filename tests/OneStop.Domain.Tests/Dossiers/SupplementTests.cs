using OneStop.Domain.Dossiers;
using OneStop.Domain.Dossiers.Actions;

using static OneStop.Domain.Tests.Dossiers.VietnamTime;

namespace OneStop.Domain.Tests.Dossiers;

/// <summary>
/// Supplement requests (DESIGN §6): before processing the clock pauses and the due dates move by the
/// office minutes lost; once processing began the processing time restarts from the supplement.
/// </summary>
public sealed class SupplementTests
{
    private readonly DossierDesk _desk = new(TestDefinitions.BirthRegistration);

    private static ActionRequest Listing => new(Comment: "Bổ sung Giấy chứng sinh bản chính.");

    [Fact]
    public void A_supplement_request_on_a_received_dossier_pauses_the_clock()
    {
        var dossier = _desk.Received(Vn(2026, 3, 9, 8, 0));

        _desk.Act(dossier, People.Specialist(), DossierActions.RequestSupplement, Vn(2026, 3, 9, 10, 0), Listing);

        Assert.Equal((DossierStatus.SupplementRequested, DossierStatus.Received), (dossier.Status, dossier.ResumeStatus));
        var pause = Assert.IsType<ClockPause>(dossier.OpenPause);
        Assert.Equal((PauseReason.Supplement, Vn(2026, 3, 9, 10, 0), false, (DateTime?)null), (pause.Reason, pause.StartedAt, pause.RestartsClock, pause.EndedAt));
        Assert.True(dossier.SupplementRequestedDuringProcessing);
        Assert.Equal(Vn(2026, 3, 10, 8, 0), dossier.DueDate);
    }

    [Fact]
    public void Supplementing_a_received_dossier_moves_the_due_dates_by_exactly_the_office_minutes_paused()
    {
        var dossier = _desk.Received(Vn(2026, 3, 9, 8, 0));
        _desk.Act(dossier, People.Specialist(), DossierActions.RequestSupplement, Vn(2026, 3, 9, 10, 0), Listing);

        _desk.Act(dossier, People.Applicant(), DossierActions.Supplement, Vn(2026, 3, 11, 9, 0), DossierDesk.Papers("GCS"));

        // Paused Mon 10:00 → Wed 09:00: 90 + 210 on Monday, 450 on Tuesday, 90 on Wednesday = 840 minutes.
        var pause = Assert.Single(dossier.Pauses);
        Assert.Equal((Vn(2026, 3, 11, 9, 0), 840), (pause.EndedAt, pause.WorkingMinutes));
        Assert.Null(dossier.OpenPause);
        Assert.Equal((DossierStatus.Received, (DossierStatus?)null), (dossier.Status, dossier.ResumeStatus));
        Assert.Equal(Vn(2026, 3, 9, 8, 0), dossier.ClockStartedAt);
        // Due Tue 08:00 + 840: 210 + 210 on Tuesday, then 240 + 180 on Wednesday → 16:30.
        Assert.Equal(Vn(2026, 3, 11, 16, 30), dossier.DueDate);
        // Step due Mon 14:00 + 840: 180 on Monday, 450 on Tuesday, 210 on Wednesday → 11:00.
        Assert.Equal(Vn(2026, 3, 11, 11, 0), dossier.StepDueDate);
        // The legal due date moves with the applicant's pause too (issue 13: pauses are not counted against the
        // unit); before issue 13 it stayed at Tue 08:00 and a dossier resolved by Wed 16:30 would have been "late".
        Assert.Equal(Vn(2026, 3, 11, 16, 30), dossier.OriginalDueDate);
    }

    [Fact]
    public void The_supplemented_paper_replaces_the_one_handed_in_before()
    {
        var dossier = _desk.Received(Vn(2026, 3, 9, 8, 0));
        _desk.Act(dossier, People.Specialist(), DossierActions.RequestSupplement, Vn(2026, 3, 9, 10, 0), Listing);

        _desk.Act(dossier, People.Reception(), DossierActions.Supplement, Vn(2026, 3, 9, 14, 0), DossierDesk.Papers("GCS"));

        Assert.Equal(["TKKS", "GCS"], dossier.Documents.Select(d => d.Code));
        // 90 + 30 minutes paused: Tue 08:00 + 120 → 10:00.
        Assert.Equal(Vn(2026, 3, 10, 10, 0), dossier.DueDate);
    }

    [Fact]
    public void A_pause_that_costs_no_office_time_leaves_the_due_dates_as_they_were()
    {
        // Received at opening: due Mon 17:00, appraisal due Mon 11:30.
        var dossier = _desk.Received(Vn(2026, 3, 9, 7, 30));
        _desk.Act(dossier, People.Specialist(), DossierActions.RequestSupplement, Vn(2026, 3, 9, 12, 0), Listing);

        _desk.Act(dossier, People.Reception(), DossierActions.Supplement, Vn(2026, 3, 9, 13, 0), DossierDesk.Papers("GCS"));

        Assert.Equal(0, dossier.Pauses[0].WorkingMinutes);
        Assert.Equal(Vn(2026, 3, 9, 17, 0), dossier.DueDate);
        Assert.Equal(Vn(2026, 3, 9, 11, 30), dossier.StepDueDate);
    }

    [Fact]
    public void A_supplement_request_after_processing_began_restarts_the_processing_time_from_the_supplement()
    {
        var dossier = _desk.Received(Vn(2026, 3, 9, 8, 0));
        _desk.Act(dossier, People.Specialist(), DossierActions.Forward, Vn(2026, 3, 9, 9, 0));
        _desk.Act(dossier, People.Leader(), DossierActions.RequestSupplement, Vn(2026, 3, 9, 10, 0), Listing);
        Assert.Equal((DossierStatus.SupplementRequested, true), (dossier.Status, dossier.OpenPause?.RestartsClock));

        _desk.Act(dossier, People.Applicant(), DossierActions.Supplement, Vn(2026, 3, 11, 9, 0), DossierDesk.Papers("GCS"));

        Assert.Equal((DossierStatus.InProgress, "phe-duyet"), (dossier.Status, dossier.CurrentStepId));
        Assert.Equal(Vn(2026, 3, 11, 9, 0), dossier.ClockStartedAt);
        // A full day from Wed 09:00: 150 + 210 on Wednesday, 90 on Thursday.
        Assert.Equal(Vn(2026, 3, 12, 9, 0), dossier.DueDate);
        Assert.Equal(Vn(2026, 3, 11, 9, 0), dossier.StepStartedAt);
        // Phê duyệt's 105 minutes from 09:00.
        Assert.Equal(Vn(2026, 3, 11, 10, 45), dossier.StepDueDate);
        Assert.Equal(840, dossier.Pauses[0].WorkingMinutes);
    }

    [Fact]
    public void A_restarted_processing_time_follows_the_15_00_cut_off()
    {
        var dossier = _desk.Received(Vn(2026, 3, 9, 8, 0));
        _desk.Act(dossier, People.Specialist(), DossierActions.Forward, Vn(2026, 3, 9, 9, 0));
        _desk.Act(dossier, People.Leader(), DossierActions.RequestSupplement, Vn(2026, 3, 9, 10, 0), Listing);

        _desk.Act(dossier, People.Reception(), DossierActions.Supplement, Vn(2026, 3, 11, 16, 0), DossierDesk.Papers("GCS"));

        Assert.Equal(Vn(2026, 3, 12, 7, 30), dossier.ClockStartedAt);
        Assert.Equal(Vn(2026, 3, 12, 17, 0), dossier.DueDate);
    }

    [Fact]
    public void A_second_supplement_request_during_processing_is_a_conflict()
    {
        var dossier = _desk.Received(Vn(2026, 3, 9, 8, 0));
        _desk.Act(dossier, People.Specialist(), DossierActions.RequestSupplement, Vn(2026, 3, 9, 10, 0), Listing);
        _desk.Act(dossier, People.Reception(), DossierActions.Supplement, Vn(2026, 3, 9, 14, 0), DossierDesk.Papers("GCS"));
        _desk.Act(dossier, People.Specialist(), DossierActions.Forward, Vn(2026, 3, 9, 15, 0));

        var refusal = _desk.Refused(dossier, People.Leader(), DossierActions.RequestSupplement, Vn(2026, 3, 9, 16, 0), Listing);

        Assert.Equal(RefusalKind.Conflict, refusal.Kind);
        Assert.Single(dossier.Pauses);
    }

    [Fact]
    public void A_supplement_request_must_list_the_missing_papers()
    {
        var dossier = _desk.Received(Vn(2026, 3, 9, 8, 0));

        var refusal = _desk.Refused(dossier, People.Specialist(), DossierActions.RequestSupplement, Vn(2026, 3, 9, 10, 0));

        Assert.Equal((RefusalKind.Invalid, "comment"), (refusal.Kind, refusal.Field));
        Assert.False(dossier.SupplementRequestedDuringProcessing);
    }

    [Fact]
    public void A_supplement_without_papers_is_invalid_and_the_clock_stays_paused()
    {
        var dossier = _desk.Received(Vn(2026, 3, 9, 8, 0));
        _desk.Act(dossier, People.Specialist(), DossierActions.RequestSupplement, Vn(2026, 3, 9, 10, 0), Listing);

        var refusal = _desk.Refused(dossier, People.Applicant(), DossierActions.Supplement, Vn(2026, 3, 9, 14, 0), new ActionRequest(Documents: []));

        Assert.Equal((RefusalKind.Invalid, "documents"), (refusal.Kind, refusal.Field));
        Assert.NotNull(dossier.OpenPause);
    }

    [Fact]
    public void Another_citizen_may_not_supplement_someone_elses_dossier()
    {
        var dossier = _desk.Received(Vn(2026, 3, 9, 8, 0));
        _desk.Act(dossier, People.Specialist(), DossierActions.RequestSupplement, Vn(2026, 3, 9, 10, 0), Listing);

        var refusal = _desk.Refused(dossier, People.Stranger(), DossierActions.Supplement, Vn(2026, 3, 9, 14, 0), DossierDesk.Papers("GCS"));

        Assert.Equal(RefusalKind.Forbidden, refusal.Kind);
    }

    [Fact]
    public void Before_reception_the_counter_asks_once_and_no_clock_is_paused()
    {
        var dossier = _desk.Submit(People.Applicant(), Vn(2026, 3, 9, 8, 0), Channel.Online);
        _desk.Act(dossier, People.Reception(), DossierActions.RequestSupplement, Vn(2026, 3, 9, 9, 0), Listing);
        Assert.Equal((DossierStatus.SupplementRequested, true), (dossier.Status, dossier.SupplementRequestedBeforeReception));
        Assert.Empty(dossier.Pauses);

        _desk.Act(dossier, People.Applicant(), DossierActions.Supplement, Vn(2026, 3, 9, 10, 0),
            new ActionRequest(Documents: [new DocumentSubmission("GCS", FileId: Guid.NewGuid())]));

        Assert.Equal(DossierStatus.Submitted, dossier.Status);
        Assert.Null(dossier.DueDate);
        var refusal = _desk.Refused(dossier, People.Reception(), DossierActions.RequestSupplement, Vn(2026, 3, 9, 11, 0), Listing);
        Assert.Equal(RefusalKind.Conflict, refusal.Kind);
    }
}
