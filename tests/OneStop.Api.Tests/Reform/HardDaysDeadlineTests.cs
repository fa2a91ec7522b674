using System.Net.Http.Json;
using OneStop.Api.Tests.Infrastructure;

namespace OneStop.Api.Tests.Reform;

/// <summary>
/// Due dates over HTTP across the hard days of the shipped calendar (DESIGN §6), each on a host whose clock starts on
/// the day it needs: Tết Bính Ngọ (16–20/02/2026, Thông báo 9441/TB-BNV), the Hùng Kings day on a Sunday carried over
/// to Monday 27/04/2026 (Labour Code art. 111(3)), the make-up Saturday 10/01/2026 (Công văn 12729/VPCP-KGVX), a pause
/// spanning Tết, and a day an admin closes. Whole working days end at the close of their last day (Civil Code art.
/// 147–148). Every expected date is worked out by hand in a comment.
/// </summary>
public sealed class HardDaysDeadlineTests
{
    private const string HouseholdBusiness = "ho-kinh-doanh.dang-ky-thanh-lap-ho-kinh-doanh"; // 03 working days (Decree 168/2025)
    private const string Marriage = "ho-tich.dang-ky-ket-hon"; // 01 working day
    private const string BirthRegistration = "ho-tich.dang-ky-khai-sinh"; // same day

    private static async Task<string> ReceivedAsync(OneStopFactory host, string procedureId, params string[] papers)
    {
        var reception = await host.SignInAsync("tiepnhan.xa");
        var code = (await reception.SubmitAsync(ApiClient.CounterSubmission(procedureId, Demo.Commune, papers))).Str("code");
        return (await reception.ActAsync(code, "receive")).Str("code");
    }

    private static async Task<string> DueAsync(OneStopFactory host, string code) =>
        (await (await host.SignInAsync("tiepnhan.xa")).GetDossierAsync(code)).Dossier.Str("dueDate");

    [Fact]
    public async Task Three_working_days_from_the_eve_of_Tet_end_after_the_holiday()
    {
        using var host = OneStopFactory.StartingAt(OneStopFactory.Vietnam(2026, 2, 12, 10, 0)); // Thursday
        var code = await ReceivedAsync(host, HouseholdBusiness, "GDNHKD", "GTPLCN");

        // Thursday not counted; day 1 Fri 13/02; Sat 14 – Sun 22/02 weekend and Tết; day 2 Mon 23/02; day 3 Tue 24/02.
        Assert.Equal("2026-02-24T17:00:00+07:00", await DueAsync(host, code));
    }

    [Fact]
    public async Task The_Hung_Kings_day_on_a_Sunday_carried_over_to_Monday_and_the_May_holidays_are_skipped()
    {
        using var host = OneStopFactory.StartingAt(OneStopFactory.Vietnam(2026, 4, 24, 9, 0)); // Friday
        var code = await ReceivedAsync(host, HouseholdBusiness, "GDNHKD", "GTPLCN");

        // Sat 25, Sun 26 (Giỗ Tổ 10/3 Bính Ngọ), Mon 27 (carried over) off; day 1 Tue 28/04, day 2 Wed 29/04;
        // Thu 30/04 and Fri 01/05 are holidays, then the weekend: day 3 Mon 04/05.
        Assert.Equal("2026-05-04T17:00:00+07:00", await DueAsync(host, code));
    }

    [Fact]
    public async Task A_same_day_procedure_received_after_15_00_before_a_make_up_Saturday_is_due_that_Saturday()
    {
        using var host = OneStopFactory.StartingAt(OneStopFactory.Vietnam(2026, 1, 9, 15, 30)); // Friday, after the cut-off
        var code = await ReceivedAsync(host, BirthRegistration, "TKKS", "GCS");

        // The next working day is Saturday 10/01/2026, worked in exchange for Friday 02/01.
        Assert.Equal("2026-01-10T17:00:00+07:00", await DueAsync(host, code));
    }

    [Fact]
    public async Task A_pause_spanning_Tet_moves_the_due_date_by_the_office_time_lost_only()
    {
        using var host = OneStopFactory.StartingAt(OneStopFactory.Vietnam(2026, 2, 12, 9, 0)); // Thursday
        var code = await ReceivedAsync(host, Marriage, "TKKH"); // one day: Friday 13/02 17:00
        Assert.Equal("2026-02-13T17:00:00+07:00", await DueAsync(host, code));
        host.SetVietnamTime(2026, 2, 12, 10);
        await (await host.SignInAsync("chuyenvien.xa")).ActAsync(code, "request-supplement",
            new { items = new[] { new { code = "XNTTHN", reason = "Thiếu giấy xác nhận tình trạng hôn nhân." } } });

        host.SetVietnamTime(2026, 2, 24, 9); // Tuesday after Tết
        var resumed = await (await host.SignInAsync("tiepnhan.xa")).ActAsync(code, "supplement", new { documents = new[] { new { code = "XNTTHN" } } });

        // Paused office time: Thu 12/02 10:00–17:00 = 90 + 210 = 300; Fri 13/02 450; Tết and weekends 0; Mon 23/02 450;
        // Tue 24/02 07:30–09:00 = 90 → 1,290 minutes. Fri 13/02 17:00 + 1,290: Mon 23/02 450, Tue 24/02 450, then 390 on
        // Wed 25/02: 240 to 11:30 and 150 from 13:30 → 16:00.
        Assert.Equal(1290, resumed["pauses"]!.AsArray().Single()!["workingMinutes"]!.GetValue<int>());
        Assert.Equal("2026-02-25T16:00:00+07:00", resumed.Str("dueDate"));
    }

    [Fact]
    public async Task A_day_an_admin_closes_is_skipped_by_the_due_dates_counted_after()
    {
        using var host = new OneStopFactory(); // Monday 02/03/2026 09:00
        var closed = await (await host.SignInAsync("admin")).PutAsJsonAsync("/api/calendar/days/2026-03-04",
            new { working = false, note = "Nghỉ theo quyết định của Chủ tịch UBND tỉnh (kiểm thử)" });
        Assert.True(closed.IsSuccessStatusCode);

        var code = await ReceivedAsync(host, HouseholdBusiness, "GDNHKD", "GTPLCN");

        // Monday not counted; day 1 Tue 03/03; Wed 04/03 closed; day 2 Thu 05/03; day 3 Fri 06/03.
        Assert.Equal("2026-03-06T17:00:00+07:00", await DueAsync(host, code));
    }
}
