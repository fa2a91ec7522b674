using System.Net;
using OneStop.Api.Tests.Infrastructure;
using OneStop.Api.Tests.Reports;
using OneStop.Api.Tests.Sync;

namespace OneStop.Api.Tests.Dossiers;

/// <summary>
/// Due dates over HTTP in the week of Monday 02/03/2026, a plain working week (DESIGN §6): same-day birth registration
/// (Law on Civil Status 2014 art. 16), one-day marriage registration and three-day household business registration,
/// whose times end at the close of office hours of their last day (Civil Code 2015 art. 147–148); supplements that
/// resume or restart the clock; apologies. The clock only moves forward, so every scenario gets its own host. Each
/// expected date is worked out by hand in a comment.
/// </summary>
public sealed class DeadlineScenariosTests : IDisposable
{
    private readonly OneStopFactory factory = new();

    public void Dispose() => factory.Dispose();

    private const string BirthRegistration = "ho-tich.dang-ky-khai-sinh";
    private const string Marriage = "ho-tich.dang-ky-ket-hon";
    private const string HouseholdBusiness = "ho-kinh-doanh.dang-ky-thanh-lap-ho-kinh-doanh";

    private async Task<string> ReceivedAsync(string procedureId, string[] papers, int day, int hour, int minute = 0)
    {
        factory.SetVietnamTime(2026, 3, day, hour, minute);
        var reception = await factory.SignInAsync("tiepnhan.xa");
        var code = (await reception.SubmitAsync(ApiClient.CounterSubmission(procedureId, Demo.Commune, papers))).Str("code");
        await reception.ActAsync(code, "receive");
        return code;
    }

    private Task<string> ReceivedBirthRegistrationAsync(int day, int hour, int minute = 0) =>
        ReceivedAsync(BirthRegistration, ["TKKS", "GCS"], day, hour, minute);

    private async Task<System.Text.Json.Nodes.JsonObject> ReadAsync(string code) =>
        (await (await factory.SignInAsync("tiepnhan.xa")).GetDossierAsync(code)).Dossier;

    [Fact]
    public async Task A_birth_registration_received_at_09_00_is_due_the_same_day_at_17_00()
    {
        var code = await ReceivedBirthRegistrationAsync(2, 9);

        var dossier = await ReadAsync(code);
        Assert.Equal("Received", dossier.Str("status"));
        Assert.Equal("2026-03-02T17:00:00+07:00", dossier.Str("dueDate"));
        Assert.Equal("tham-tra", dossier["currentStep"].Str("id"));
    }

    [Fact]
    public async Task A_birth_registration_received_at_15_30_is_due_the_next_working_day_at_17_00()
    {
        var code = await ReceivedBirthRegistrationAsync(2, 15, 30);

        // After the 15:00 cut-off the dossier counts from Tuesday 03/03, and a same-day procedure ends at its close.
        Assert.Equal("2026-03-03T17:00:00+07:00", (await ReadAsync(code)).Str("dueDate"));
    }

    [Fact]
    public async Task A_birth_registration_received_after_15_00_on_Friday_is_due_on_Monday_at_17_00()
    {
        var code = await ReceivedBirthRegistrationAsync(6, 15, 1); // Friday 06/03/2026 15:01

        // Counts from Monday 09/03 07:30; due at Monday's close.
        Assert.Equal("2026-03-09T17:00:00+07:00", (await ReadAsync(code)).Str("dueDate"));
    }

    [Fact]
    public async Task Whole_working_days_end_at_the_close_of_the_last_day_not_at_the_minute_of_reception()
    {
        var code = await ReceivedAsync(HouseholdBusiness, ["GDNHKD", "GTPLCN"], 2, 9);

        // Received Monday 09:00: Monday not counted (art. 147), days 1–3 are Tue 03, Wed 04, Thu 05/03; Thursday's close (art. 148).
        Assert.Equal("2026-03-05T17:00:00+07:00", (await ReadAsync(code)).Str("dueDate"));
    }

    [Fact]
    public async Task A_supplement_round_pauses_the_clock_and_moves_the_due_dates_by_the_paused_office_time()
    {
        var code = await ReceivedAsync(Marriage, ["TKKH"], 2, 9); // one working day: due Tue 03/03 17:00
        factory.SetVietnamTime(2026, 3, 2, 10);
        var specialist = await factory.SignInAsync("chuyenvien.xa");
        var waiting = await specialist.ActAsync(code, "request-supplement",
            new { comment = "Bổ sung giấy xác nhận tình trạng hôn nhân.", items = new[] { new { code = "XNTTHN", reason = "Chưa có xác nhận tình trạng hôn nhân." } } });
        Assert.Equal(("SupplementRequested", 5), (waiting.Str("status"), waiting["statusCode"]!.GetValue<int>()));

        factory.SetVietnamTime(2026, 3, 4, 10); // Wednesday: paused Mon 90 + 210, Tue 450, Wed 150 = 900 office minutes
        var reception = await factory.SignInAsync("tiepnhan.xa");
        var resumed = await reception.ActAsync(code, "supplement", new { documents = new[] { new { code = "XNTTHN" } } });

        Assert.Equal("Received", resumed.Str("status"));
        // Tue 17:00 + 900: Wednesday 450, Thursday 450 → Thursday 05/03 17:00.
        Assert.Equal("2026-03-05T17:00:00+07:00", resumed.Str("dueDate"));
        var pause = resumed["pauses"]!.AsArray().Single()!;
        Assert.Equal(900, pause["workingMinutes"]!.GetValue<int>());
        Assert.False(pause["restartsClock"]!.GetValue<bool>());
        // Waiting for the applicant is not the unit's delay: the law's date moves with the pause.
        Assert.Equal("2026-03-05T17:00:00+07:00", resumed.Str("originalDueDate"));
    }

    [Fact]
    public async Task A_supplement_requested_during_appraisal_resumes_with_the_time_already_spent_counted()
    {
        var code = await ReceivedAsync(Marriage, ["TKKH"], 2, 9); // due Tue 03/03 17:00
        factory.SetVietnamTime(2026, 3, 2, 10);
        await (await factory.SignInAsync("chuyenvien.xa")).ActAsync(code, "forward");
        factory.SetVietnamTime(2026, 3, 2, 11);
        await (await factory.SignInAsync("lanhdao.xa")).ActAsync(code, "request-supplement",
            new { items = new[] { new { code = "GTCTRU", reason = "Thiếu xác nhận nơi cư trú." } } });

        factory.SetVietnamTime(2026, 3, 4, 16);
        var resumed = await (await factory.SignInAsync("tiepnhan.xa")).ActAsync(code, "supplement", new { documents = new[] { new { code = "GTCTRU" } } });

        // Decree 61/2018 as amended: the 2 office hours spent before the request still count. Paused Mon 11:00–17:00
        // (30 + 210), Tue 450, Wed 07:30–16:00 (240 + 150) = 1,080 minutes; Tue 17:00 + 1,080 = Wed 450, Thu 450, Fri 180
        // → Friday 06/03 07:30 + 180 = 10:30.
        Assert.Equal("InProgress", resumed.Str("status"));
        Assert.Equal("2026-03-06T10:30:00+07:00", resumed.Str("dueDate"));
        Assert.False(resumed["pauses"]!.AsArray().Single()!["restartsClock"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Where_the_definition_says_restart_the_processing_time_counts_anew_from_the_supplemented_dossier()
    {
        // Enterprise registration (supplementClock: restart, Decree 168/2025: three days from a valid dossier) at the provincial counter.
        factory.SetVietnamTime(2026, 3, 2, 9);
        var reception = await factory.SignInAsync("tiepnhan.tinh");
        var code = (await reception.SubmitAsync(ApiClient.CounterSubmission("doanh-nghiep.dang-ky-thanh-lap-doanh-nghiep-tu-nhan", Demo.Province,
            ["GDNDKDN"], idNumber: "0100109106", fullName: "Doanh nghiệp tư nhân Hàm Tiến"))).Str("code");
        await reception.ActAsync(code, "receive");
        await reception.ActAsync(code, "confirm-payment");
        Assert.Equal("2026-03-05T17:00:00+07:00", (await reception.GetDossierAsync(code)).Dossier.Str("dueDate"));
        factory.SetVietnamTime(2026, 3, 2, 10);
        await (await factory.SignInAsync("chuyenvien.tinh")).ActAsync(code, "request-supplement",
            new { items = new[] { new { code = "GTPLCN", reason = "Thiếu bản sao giấy tờ pháp lý của chủ doanh nghiệp." } } });

        factory.SetVietnamTime(2026, 3, 4, 10);
        var resumed = await (await factory.SignInAsync("tiepnhan.tinh")).ActAsync(code, "supplement", new { documents = new[] { new { code = "GTPLCN" } } });

        // A new reception on Wed 04/03 10:00: Wednesday not counted; Thu 05, Fri 06, Mon 09/03 → Monday's close.
        Assert.Equal("2026-03-09T17:00:00+07:00", resumed.Str("dueDate"));
        Assert.True(resumed["pauses"]!.AsArray().Single()!["restartsClock"]!.GetValue<bool>());
    }

    [Fact]
    public async Task An_apologised_dossier_resolved_after_its_original_due_date_counts_late_in_the_read_the_indicators_and_the_portal_payload()
    {
        var code = await ReceivedAsync(HouseholdBusiness, ["GDNHKD", "GTPLCN"], 2, 9); // due Thu 05/03 17:00
        var reception = await factory.SignInAsync("tiepnhan.xa");
        await reception.ActAsync(code, "confirm-payment");
        // Wednesday 04/03 is the working day before the due day: the last day an apology may come.
        factory.SetVietnamTime(2026, 3, 4, 10);
        var leader = await factory.SignInAsync("lanhdao.xa");
        var apologized = await leader.ActAsync(code, "apologize",
            new { comment = "Cần xác minh ngành nghề kinh doanh với cơ quan thuế.", newDueDate = "2026-03-10T17:00:00+07:00" });
        Assert.Equal(("2026-03-10T17:00:00+07:00", "2026-03-05T17:00:00+07:00", true),
            (apologized.Str("dueDate"), apologized.Str("originalDueDate"), apologized["dueDateReset"]!.GetValue<bool>()));
        Assert.DoesNotContain("apologize", apologized.Actions());

        // Resolved Friday 06/03: by the promised Tuesday, after the law's Thursday.
        factory.SetVietnamTime(2026, 3, 6, 9);
        await (await factory.SignInAsync("chuyenvien.xa")).ActAsync(code, "forward");
        await (await factory.SignInAsync("lanhdao.xa")).ActAsync(code, "approve");
        var resolved = await (await factory.SignInAsync("tiepnhan.xa")).ActAsync(code, "resolve", new { comment = "Đã ký." });

        Assert.Equal("Resolved", resolved.Str("status"));
        Assert.True(resolved["late"]!.GetValue<bool>());
        Assert.False(resolved["resolvedOnTime"]!.GetValue<bool>());
        Assert.Equal("granted", resolved.Str("outcome"));
        // The indicators (DESIGN §11; Decision 766/QĐ-TTg) count it late too: one resolved, none on time, one late.
        var figures = (await (await factory.SignInAsync("lanhdao.xa")).IndicatorsAsync("from=2026-03-02&to=2026-03-06"))["figures"];
        Assert.Equal((1, 0, 1), (figures.Int("resolved.total"), figures.Int("resolved.onTime"), figures.Int("resolved.late")));

        // The national portal gets the law's date as NgayHenTra, so it counts the dossier late too; the apology's date is told in GhiChu.
        await factory.Job().DeliverDueAsync(CancellationToken.None);
        var last = factory.PortalStore().Find(code)!.Last(m => m.Service == "DongBoHoSoMC").Payload;
        Assert.Equal("20260305170000", last.GetProperty("NgayHenTra").GetString());
        Assert.Equal("9", last.GetProperty("TrangThaiHoSo").GetString());
        Assert.True(string.CompareOrdinal(last.GetProperty("NgayKetThucXuLy").GetString(), last.GetProperty("NgayHenTra").GetString()) > 0);
        Assert.Contains("17:00 ngày 10/03/2026", last.GetProperty("GhiChu").GetString());

        // The apology paper (Mẫu 04) is printed from the history.
        var paper = await (await factory.SignInAsync("tiepnhan.xa")).GetAsync($"{Routes.Dossier(code)}/papers/apology");
        Assert.Equal(HttpStatusCode.OK, paper.StatusCode);
        Assert.Equal("application/pdf", paper.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_second_apology_is_refused_and_changes_nothing()
    {
        var code = await ReceivedAsync(HouseholdBusiness, ["GDNHKD", "GTPLCN"], 2, 9);
        var leader = await factory.SignInAsync("lanhdao.xa");
        await leader.ActAsync(code, "apologize", new { comment = "Cần xác minh thêm.", newDueDate = "2026-03-10T17:00:00+07:00" });

        var before = await factory.SnapshotAsync();
        var second = await leader.TryActAsync(code, "apologize", new { comment = "Lần nữa", newDueDate = "2026-03-11T17:00:00+07:00" });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(before, await factory.SnapshotAsync());
    }

    [Fact]
    public async Task An_apology_on_the_last_day_is_refused_with_a_Vietnamese_error_naming_the_due_date_and_nothing_changes()
    {
        var code = await ReceivedAsync(HouseholdBusiness, ["GDNHKD", "GTPLCN"], 2, 9); // due Thu 05/03 17:00
        factory.SetVietnamTime(2026, 3, 5, 8); // Thursday morning: the due day itself
        var leader = await factory.SignInAsync("lanhdao.xa");
        var before = await factory.SnapshotAsync();

        var late = await leader.TryActAsync(code, "apologize", new { comment = "Chưa kịp thẩm định.", newDueDate = "2026-03-10T17:00:00+07:00" });

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        var problem = await late.ReadJsonAsync();
        Assert.Contains("chậm nhất ngày 04/03/2026", problem.Str("detail"));
        Assert.Contains("chậm nhất ngày 04/03/2026", problem["errors"]!["dueDate"]![0]!.GetValue<string>());
        Assert.Equal(before, await factory.SnapshotAsync());
    }

    [Fact]
    public async Task An_apology_needs_a_reason_and_a_later_working_day()
    {
        var code = await ReceivedAsync(HouseholdBusiness, ["GDNHKD", "GTPLCN"], 2, 9);
        var leader = await factory.SignInAsync("lanhdao.xa");
        var before = await factory.SnapshotAsync();

        var earlier = await leader.TryActAsync(code, "apologize", new { comment = "x", newDueDate = "2026-03-04T17:00:00+07:00" });
        var sunday = await leader.TryActAsync(code, "apologize", new { comment = "x", newDueDate = "2026-03-08T10:00:00+07:00" });
        var noReason = await leader.TryActAsync(code, "apologize", new { newDueDate = "2026-03-10T17:00:00+07:00" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, earlier.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, sunday.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.Equal(before, await factory.SnapshotAsync());
    }

    [Fact]
    public async Task The_queue_flags_an_overdue_dossier_and_filters_on_it()
    {
        var code = await ReceivedBirthRegistrationAsync(2, 9); // due Mon 17:00
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
