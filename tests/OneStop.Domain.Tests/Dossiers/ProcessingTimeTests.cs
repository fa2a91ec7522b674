using OneStop.Domain.Dossiers;
using OneStop.Domain.Dossiers.Actions;

using static OneStop.Domain.Tests.Dossiers.VietnamTime;

namespace OneStop.Domain.Tests.Dossiers;

/// <summary>
/// What the reports read from a resolved dossier (DESIGN §11): the office minutes the unit worked, the minutes
/// the applicant's pauses took, and the legal due date that pauses move but an apology does not.
/// Office hours are 07:30–11:30 and 13:30–17:00: 210 + 240 = 450 minutes a working day.
/// </summary>
public sealed class ProcessingTimeTests
{
    private readonly DossierDesk _desk = new(TestDefinitions.BirthRegistration);

    private static ActionRequest Listing => new(Comment: "Bổ sung Giấy chứng sinh bản chính.");

    private void ResolveAt(Dossier dossier, DateTime forward, DateTime approve, DateTime resolve)
    {
        _desk.Act(dossier, People.Specialist(), DossierActions.Forward, forward);
        _desk.Act(dossier, People.Leader(), DossierActions.Approve, approve);
        _desk.Act(dossier, People.Reception(), DossierActions.Resolve, resolve);
    }

    [Fact]
    public void An_open_dossier_has_no_processing_time_yet()
    {
        var dossier = _desk.Received(Vn(2026, 3, 9, 8, 0));

        Assert.Equal((null, null), (dossier.ProcessingWorkingMinutes, dossier.PausedWorkingMinutes));
    }

    [Fact]
    public void Resolution_records_the_office_minutes_since_the_clock_started()
    {
        var dossier = _desk.Received(Vn(2026, 3, 9, 8, 0));

        ResolveAt(dossier, Vn(2026, 3, 9, 9, 0), Vn(2026, 3, 9, 10, 0), Vn(2026, 3, 10, 9, 0));

        // Mon 08:00–11:30 = 210, 13:30–17:00 = 210; Tue 07:30–09:00 = 90: 510 minutes, nothing paused.
        Assert.Equal((510, 0), (dossier.ProcessingWorkingMinutes, dossier.PausedWorkingMinutes));
    }

    [Fact]
    public void A_dossier_received_after_the_cut_off_counts_from_the_next_working_morning()
    {
        // Received Mon 16:00: the clock starts Tue 07:30.
        var dossier = _desk.Received(Vn(2026, 3, 9, 16, 0));

        ResolveAt(dossier, Vn(2026, 3, 10, 8, 0), Vn(2026, 3, 10, 9, 0), Vn(2026, 3, 10, 10, 0));

        // Tue 07:30–10:00 = 150 minutes.
        Assert.Equal(150, dossier.ProcessingWorkingMinutes);
    }

    [Fact]
    public void The_applicants_pause_is_not_counted_against_the_unit()
    {
        var dossier = _desk.Received(Vn(2026, 3, 9, 8, 0));
        _desk.Act(dossier, People.Specialist(), DossierActions.RequestSupplement, Vn(2026, 3, 9, 10, 0), Listing);
        _desk.Act(dossier, People.Applicant(), DossierActions.Supplement, Vn(2026, 3, 11, 9, 0), DossierDesk.Papers("GCS"));

        ResolveAt(dossier, Vn(2026, 3, 11, 10, 0), Vn(2026, 3, 11, 11, 0), Vn(2026, 3, 11, 16, 0));

        // Mon 08:00 → Wed 16:00: Mon 420, Tue 450, Wed 240 + 150 = 390 → 1260 minutes in all.
        // Paused Mon 10:00 → Wed 09:00: 90 + 210 + 450 + 90 = 840. The unit worked 1260 − 840 = 420.
        Assert.Equal((420, 840), (dossier.ProcessingWorkingMinutes, dossier.PausedWorkingMinutes));
        // Due Tue 08:00 + 840 paused minutes = Wed 16:30, so Wed 16:00 is on time.
        Assert.Equal(Vn(2026, 3, 11, 16, 30), dossier.OriginalDueDate);
        Assert.True(dossier.ResolvedAt <= dossier.OriginalDueDate);
    }

    [Fact]
    public void An_apology_moves_the_promised_date_but_not_the_legal_one_while_a_pause_moves_both()
    {
        // Received Mon 08:00: due Tue 08:00.
        var dossier = _desk.Received(Vn(2026, 3, 9, 8, 0));
        _desk.Act(dossier, People.Leader(), DossierActions.Apologize, Vn(2026, 3, 9, 9, 0),
            new ActionRequest(Comment: "Cần xác minh thêm.", NewDueDate: VnOffset(2026, 3, 12, 17, 0)));

        _desk.Act(dossier, People.Specialist(), DossierActions.RequestSupplement, Vn(2026, 3, 9, 10, 0), Listing);
        _desk.Act(dossier, People.Reception(), DossierActions.Supplement, Vn(2026, 3, 9, 14, 0), DossierDesk.Papers("GCS"));

        // Paused 10:00–11:30 = 90 and 13:30–14:00 = 30: 120 minutes.
        // Promised Thu 17:00 + 120 → Fri 07:30 + 120 = 09:30; legal Tue 08:00 + 120 = 10:00.
        Assert.Equal(Vn(2026, 3, 13, 9, 30), dossier.DueDate);
        Assert.Equal(Vn(2026, 3, 10, 10, 0), dossier.OriginalDueDate);
    }

    [Fact]
    public void A_restarted_processing_time_restarts_the_legal_due_date()
    {
        var dossier = _desk.Received(Vn(2026, 3, 9, 8, 0));
        _desk.Act(dossier, People.Specialist(), DossierActions.Forward, Vn(2026, 3, 9, 9, 0));
        _desk.Act(dossier, People.Leader(), DossierActions.RequestSupplement, Vn(2026, 3, 9, 10, 0), Listing);

        _desk.Act(dossier, People.Applicant(), DossierActions.Supplement, Vn(2026, 3, 11, 9, 0), DossierDesk.Papers("GCS"));

        // One working day from Wed 09:00 (150 + 210 on Wednesday, 90 on Thursday): Thu 09:00.
        Assert.Equal(Vn(2026, 3, 12, 9, 0), dossier.OriginalDueDate);
    }
}
