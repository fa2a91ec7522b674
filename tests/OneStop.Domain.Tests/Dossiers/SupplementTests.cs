using OneStop.Domain.Dossiers;
using OneStop.Domain.Dossiers.Actions;

using static OneStop.Domain.Tests.Dossiers.VietnamTime;

namespace OneStop.Domain.Tests.Dossiers;

/// <summary>
/// Supplement requests (DESIGN §6; Decree 61/2018/NĐ-CP art. 15–16 as amended by Decree 107/2021/NĐ-CP): one request,
/// itemised (Mẫu 02), pauses the clock; when the papers arrive the due dates move by the office minutes lost — the time
/// already spent counts (<c>supplementClock: resume</c>, the default) — or, where the sector law says so
/// (<c>restart</c>), the processing time counts anew from the supplemented dossier.
/// </summary>
public sealed class SupplementTests
{
    private readonly DossierDesk _desk = new(TestDefinitions.BirthRegistration);
    private readonly DossierDesk _restarting = new(TestDefinitions.BirthRegistration with { SupplementClock = "restart" });

    private static ActionRequest Listing => new(Comment: "Bổ sung Giấy chứng sinh bản chính.",
        Items: [new SupplementItem("GCS", "Cần bản chính Giấy chứng sinh do cơ sở y tế cấp.")]);

    [Fact]
    public void A_supplement_request_on_a_received_dossier_pauses_the_clock()
    {
        var dossier = _desk.Received(Vn(2026, 3, 9, 8, 0));

        _desk.Act(dossier, People.Specialist(), DossierActions.RequestSupplement, Vn(2026, 3, 9, 10, 0), Listing);

        Assert.Equal((DossierStatus.SupplementRequested, DossierStatus.Received), (dossier.Status, dossier.ResumeStatus));
        var pause = Assert.IsType<ClockPause>(dossier.OpenPause);
        Assert.Equal((PauseReason.Supplement, Vn(2026, 3, 9, 10, 0), false, (DateTime?)null), (pause.Reason, pause.StartedAt, pause.RestartsClock, pause.EndedAt));
        Assert.True(dossier.SupplementRequestedDuringProcessing);
        Assert.Equal(Vn(2026, 3, 10, 17, 0), dossier.DueDate);
        Assert.Equal("""[{"code":"GCS","name":"Giấy chứng sinh","reason":"Cần bản chính Giấy chứng sinh do cơ sở y tế cấp."}]""", dossier.Events[^1].Details);
    }

    [Fact]
    public void Without_a_comment_the_request_writes_a_readable_one_from_its_items()
    {
        var dossier = _desk.Received(Vn(2026, 3, 9, 8, 0));

        _desk.Act(dossier, People.Specialist(), DossierActions.RequestSupplement, Vn(2026, 3, 9, 10, 0),
            new ActionRequest(Items: [new SupplementItem("GCS", "Bản chính."), new SupplementItem("KHAC", "Xác nhận nơi cư trú của mẹ.")]));

        Assert.Equal("Đề nghị bổ sung, hoàn thiện: GCS (Giấy chứng sinh): Bản chính.; KHAC (Giấy tờ khác): Xác nhận nơi cư trú của mẹ..",
            dossier.Events[^1].Comment);
    }

    [Theory]
    [InlineData("GPXD", "Không thuộc thủ tục.", "items[0].code")]
    [InlineData("GCS", " ", "items[0].reason")]
    public void An_item_naming_an_unknown_paper_or_without_a_reason_is_refused_and_nothing_changes(string code, string reason, string field)
    {
        var dossier = _desk.Received(Vn(2026, 3, 9, 8, 0));

        var refusal = _desk.Refused(dossier, People.Specialist(), DossierActions.RequestSupplement, Vn(2026, 3, 9, 10, 0),
            new ActionRequest(Items: [new SupplementItem(code, reason)]));

        Assert.Equal((RefusalKind.Invalid, field), (refusal.Kind, refusal.Field));
        Assert.Equal((DossierStatus.Received, 2), (dossier.Status, dossier.Events.Count));
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
        // Due Tue 17:00 + 840: Tuesday's office time is over, so 450 on Wednesday, then 240 + 150 on Thursday → 16:00.
        Assert.Equal(Vn(2026, 3, 12, 16, 0), dossier.DueDate);
        // Step due Mon 14:00 + 840: 180 on Monday, 450 on Tuesday, 210 on Wednesday → 11:00.
        Assert.Equal(Vn(2026, 3, 11, 11, 0), dossier.StepDueDate);
        // Waiting for the applicant is not the unit's delay: the law's date moves too.
        Assert.Equal(Vn(2026, 3, 12, 16, 0), dossier.OriginalDueDate);
    }

    [Fact]
    public void The_supplemented_paper_replaces_the_one_handed_in_before()
    {
        var dossier = _desk.Received(Vn(2026, 3, 9, 8, 0));
        _desk.Act(dossier, People.Specialist(), DossierActions.RequestSupplement, Vn(2026, 3, 9, 10, 0), Listing);

        _desk.Act(dossier, People.Reception(), DossierActions.Supplement, Vn(2026, 3, 9, 14, 0), DossierDesk.Papers("GCS"));

        Assert.Equal(["TKKS", "GCS"], dossier.Documents.Select(d => d.Code));
        // 90 + 30 minutes paused: Tue 17:00 + 120 → Wed 07:30 + 120 = 09:30.
        Assert.Equal(Vn(2026, 3, 11, 9, 30), dossier.DueDate);
    }

    [Fact]
    public void A_pause_that_costs_no_office_time_leaves_the_due_dates_as_they_were()
    {
        // Received at opening on Monday, a day not counted: due Tue 17:00; appraisal due Mon 11:30.
        var dossier = _desk.Received(Vn(2026, 3, 9, 7, 30));
        _desk.Act(dossier, People.Specialist(), DossierActions.RequestSupplement, Vn(2026, 3, 9, 12, 0), Listing);

        _desk.Act(dossier, People.Reception(), DossierActions.Supplement, Vn(2026, 3, 9, 13, 0), DossierDesk.Papers("GCS"));

        Assert.Equal(0, dossier.Pauses[0].WorkingMinutes);
        Assert.Equal(Vn(2026, 3, 10, 17, 0), dossier.DueDate);
        Assert.Equal(Vn(2026, 3, 9, 11, 30), dossier.StepDueDate);
    }

    [Fact]
    public void After_processing_began_the_clock_resumes_with_the_time_already_spent_counted_by_default()
    {
        var dossier = _desk.Received(Vn(2026, 3, 9, 8, 0));
        _desk.Act(dossier, People.Specialist(), DossierActions.Forward, Vn(2026, 3, 9, 9, 0));
        _desk.Act(dossier, People.Leader(), DossierActions.RequestSupplement, Vn(2026, 3, 9, 10, 0), Listing);
        Assert.Equal((DossierStatus.SupplementRequested, false), (dossier.Status, dossier.OpenPause?.RestartsClock));

        _desk.Act(dossier, People.Applicant(), DossierActions.Supplement, Vn(2026, 3, 11, 9, 0), DossierDesk.Papers("GCS"));

        Assert.Equal((DossierStatus.InProgress, "phe-duyet"), (dossier.Status, dossier.CurrentStepId));
        Assert.Equal(Vn(2026, 3, 9, 8, 0), dossier.ClockStartedAt);
        // The 2 office hours spent (Mon 08:00–10:00) still count: Tue 17:00 + 840 paused minutes → Thu 12/3 16:00.
        Assert.Equal(Vn(2026, 3, 12, 16, 0), dossier.DueDate);
        Assert.Equal(840, dossier.Pauses[0].WorkingMinutes);
    }

    [Fact]
    public void Where_the_definition_says_restart_the_processing_time_counts_anew_from_the_supplement()
    {
        var dossier = _restarting.Received(Vn(2026, 3, 9, 8, 0));
        _restarting.Act(dossier, People.Specialist(), DossierActions.Forward, Vn(2026, 3, 9, 9, 0));
        _restarting.Act(dossier, People.Leader(), DossierActions.RequestSupplement, Vn(2026, 3, 9, 10, 0), Listing);
        Assert.Equal((DossierStatus.SupplementRequested, true), (dossier.Status, dossier.OpenPause?.RestartsClock));

        _restarting.Act(dossier, People.Applicant(), DossierActions.Supplement, Vn(2026, 3, 11, 9, 0), DossierDesk.Papers("GCS"));

        Assert.Equal((DossierStatus.InProgress, "phe-duyet"), (dossier.Status, dossier.CurrentStepId));
        Assert.Equal(Vn(2026, 3, 11, 9, 0), dossier.ClockStartedAt);
        // One whole working day counted from the supplemented dossier of Wed 09:00: Thursday, to its close.
        Assert.Equal(Vn(2026, 3, 12, 17, 0), dossier.DueDate);
        Assert.Equal(Vn(2026, 3, 12, 17, 0), dossier.OriginalDueDate);
        Assert.Equal(Vn(2026, 3, 11, 9, 0), dossier.StepStartedAt);
        // Phê duyệt's 105 minutes from 09:00.
        Assert.Equal(Vn(2026, 3, 11, 10, 45), dossier.StepDueDate);
        Assert.Equal(840, dossier.Pauses[0].WorkingMinutes);
    }

    [Fact]
    public void A_restarted_processing_time_follows_the_15_00_cut_off()
    {
        var dossier = _restarting.Received(Vn(2026, 3, 9, 8, 0));
        _restarting.Act(dossier, People.Specialist(), DossierActions.Forward, Vn(2026, 3, 9, 9, 0));
        _restarting.Act(dossier, People.Leader(), DossierActions.RequestSupplement, Vn(2026, 3, 9, 10, 0), Listing);

        _restarting.Act(dossier, People.Reception(), DossierActions.Supplement, Vn(2026, 3, 11, 16, 0), DossierDesk.Papers("GCS"));

        // Supplemented after 15:00: counts from Thursday, which is then the one day.
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

        var refusal = _desk.Refused(dossier, People.Specialist(), DossierActions.RequestSupplement, Vn(2026, 3, 9, 10, 0),
            new ActionRequest(Comment: "Thiếu giấy tờ."));

        Assert.Equal((RefusalKind.Invalid, "items"), (refusal.Kind, refusal.Field));
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
