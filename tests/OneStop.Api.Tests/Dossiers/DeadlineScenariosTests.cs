using System.Net;
using OneStop.Api.Tests.Infrastructure;

namespace OneStop.Api.Tests.Dossiers;

/// <summary>
/// Birth registration (1 working day) in the week of Monday 02/03/2026, a plain working week:
/// each scenario moves the clock and checks the due dates the law gives. The clock only moves forward,
/// so every scenario gets its own host and database.
/// </summary>
public sealed class DeadlineScenariosTests : IDisposable
{
    private readonly OneStopFactory factory = new();

    public void Dispose() => factory.Dispose();

    private const string BirthRegistration = "ho-tich.dang-ky-khai-sinh";

    private async Task<string> ReceivedBirthRegistrationAsync(int day, int hour, int minute = 0)
    {
        factory.SetVietnamTime(2026, 3, day, hour, minute);
        var reception = await factory.SignInAsync("tiepnhan.xa");
        var code = (await reception.SubmitAsync(ApiClient.CounterSubmission(BirthRegistration, Demo.Commune, ["TKKS", "GCS"]))).Str("code");
        await reception.ActAsync(code, "receive");
        return code;
    }

    [Fact]
    public async Task A_dossier_received_before_three_pm_is_due_the_same_time_next_working_day()
    {
        var code = await ReceivedBirthRegistrationAsync(2, 9);
        var (dossier, _) = await (await factory.SignInAsync("tiepnhan.xa")).GetDossierAsync(code);

        Assert.Equal("Received", dossier.Str("status"));
        Assert.Equal("2026-03-03T09:00:00+07:00", dossier.Str("dueDate"));
        Assert.Equal("tham-tra", dossier["currentStep"].Str("id"));
    }

    [Fact]
    public async Task A_dossier_received_at_three_pm_counts_from_the_next_working_morning()
    {
        var code = await ReceivedBirthRegistrationAsync(6, 15, 1); // Friday 06/03/2026 15:01
        var (dossier, _) = await (await factory.SignInAsync("tiepnhan.xa")).GetDossierAsync(code);

        // The clock starts Monday 09/03 07:30; one working day ends Monday 17:00.
        Assert.Equal("2026-03-09T17:00:00+07:00", dossier.Str("dueDate"));
    }

    [Fact]
    public async Task A_supplement_round_pauses_the_clock_and_moves_the_due_date_by_the_paused_office_time()
    {
        var code = await ReceivedBirthRegistrationAsync(2, 9); // due Tuesday 03/03 09:00
        factory.SetVietnamTime(2026, 3, 2, 10);
        var specialist = await factory.SignInAsync("chuyenvien.xa");
        var waiting = await specialist.ActAsync(code, "request-supplement", new { comment = "Bổ sung giấy chứng sinh bản chính." });
        Assert.Equal("SupplementRequested", waiting.Str("status"));
        Assert.Equal(5, waiting["statusCode"]!.GetValue<int>());

        factory.SetVietnamTime(2026, 3, 4, 10); // Wednesday: paused 300 + 450 + 150 = 900 office minutes
        var reception = await factory.SignInAsync("tiepnhan.xa");
        var resumed = await reception.ActAsync(code, "supplement", new { documents = new[] { new { code = "GCS" } } });

        Assert.Equal("Received", resumed.Str("status"));
        Assert.Equal("2026-03-05T09:00:00+07:00", resumed.Str("dueDate"));
        var pause = resumed["pauses"]!.AsArray().Single()!;
        Assert.Equal(900, pause["workingMinutes"]!.GetValue<int>());
        Assert.False(pause["restartsClock"]!.GetValue<bool>());
        // The legal due date moves with the applicant's pause as well (issue 13: the applicant's time is not counted
        // against the unit; only an apology leaves it behind). Before issue 13 it stayed at Tuesday 09:00.
        Assert.Equal("2026-03-05T09:00:00+07:00", resumed.Str("originalDueDate"));
    }

    [Fact]
    public async Task A_supplement_requested_after_appraisal_restarts_the_processing_time()
    {
        var code = await ReceivedBirthRegistrationAsync(2, 9);
        factory.SetVietnamTime(2026, 3, 2, 10);
        await (await factory.SignInAsync("chuyenvien.xa")).ActAsync(code, "forward");
        factory.SetVietnamTime(2026, 3, 2, 11);
        await (await factory.SignInAsync("lanhdao.xa")).ActAsync(code, "request-supplement", new { comment = "Thiếu xác nhận nơi cư trú." });

        factory.SetVietnamTime(2026, 3, 4, 16); // after the cut-off: the new clock starts Thursday 07:30
        var resumed = await (await factory.SignInAsync("tiepnhan.xa")).ActAsync(code, "supplement", new { documents = new[] { new { code = "TKKS" } } });

        Assert.Equal("InProgress", resumed.Str("status"));
        Assert.Equal("2026-03-05T17:00:00+07:00", resumed.Str("dueDate"));
        Assert.True(resumed["pauses"]!.AsArray().Single()!["restartsClock"]!.GetValue<bool>());
    }

    [Fact]
    public async Task An_apology_sets_a_new_due_date_once_and_a_second_apology_is_refused()
    {
        var code = await ReceivedBirthRegistrationAsync(2, 9); // due Tuesday 03/03 09:00
        factory.SetVietnamTime(2026, 3, 3, 8);
        var leader = await factory.SignInAsync("lanhdao.xa");
        var apologized = await leader.ActAsync(code, "apologize",
            new { comment = "Cần xác minh thêm thông tin.", newDueDate = "2026-03-05T17:00:00+07:00" });

        Assert.Equal("2026-03-05T17:00:00+07:00", apologized.Str("dueDate"));
        Assert.True(apologized["dueDateReset"]!.GetValue<bool>());
        Assert.DoesNotContain("apologize", apologized.Actions());

        var before = await factory.SnapshotAsync();
        var second = await leader.TryActAsync(code, "apologize", new { comment = "Lần nữa", newDueDate = "2026-03-06T17:00:00+07:00" });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(before, await factory.SnapshotAsync());
    }

    [Fact]
    public async Task An_apology_needs_a_later_working_day_and_is_refused_once_the_due_date_has_passed()
    {
        var code = await ReceivedBirthRegistrationAsync(2, 9);
        var leader = await factory.SignInAsync("lanhdao.xa");
        var before = await factory.SnapshotAsync();

        var earlier = await leader.TryActAsync(code, "apologize", new { comment = "x", newDueDate = "2026-03-02T17:00:00+07:00" });
        var sunday = await leader.TryActAsync(code, "apologize", new { comment = "x", newDueDate = "2026-03-08T10:00:00+07:00" });
        var noReason = await leader.TryActAsync(code, "apologize", new { newDueDate = "2026-03-05T17:00:00+07:00" });
        factory.SetVietnamTime(2026, 3, 3, 10); // an hour after the due date; yesterday's token has expired
        leader = await factory.SignInAsync("lanhdao.xa");
        var late = await leader.TryActAsync(code, "apologize", new { comment = "x", newDueDate = "2026-03-05T17:00:00+07:00" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, earlier.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, sunday.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal(before, await factory.SnapshotAsync());
    }

    [Fact]
    public async Task The_queue_flags_an_overdue_dossier_and_filters_on_it()
    {
        var code = await ReceivedBirthRegistrationAsync(2, 9);
        factory.SetVietnamTime(2026, 3, 3, 10);
        var specialist = await factory.SignInAsync("chuyenvien.xa");

        var overdue = await (await specialist.GetAsync($"{Routes.Dossiers}?overdue=true&pageSize=200")).ReadJsonAsync();
        var item = overdue["items"]!.AsArray().Single(i => i.Str("code") == code)!;
        Assert.True(item["overdue"]!.GetValue<bool>());
        Assert.True(item["stepOverdue"]!.GetValue<bool>());

        var notOverdue = await (await specialist.GetAsync($"{Routes.Dossiers}?overdue=false&pageSize=200")).ReadJsonAsync();
        Assert.DoesNotContain(notOverdue["items"]!.AsArray(), i => i.Str("code") == code);
    }
}
