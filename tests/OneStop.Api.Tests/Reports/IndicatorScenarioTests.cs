using System.Net;
using System.Text.Json.Nodes;
using OneStop.Api.Tests.Citizens;
using OneStop.Api.Tests.Infrastructure;
using OneStop.Api.Tests.Sync;

namespace OneStop.Api.Tests.Reports;

/// <summary>
/// Three days at commune 22918 and district 593, driven over HTTP on the embedded default with the fake clock,
/// and the indicators worked out by hand. Birth registration takes 1 working day: received Mon 02/03/2026 09:00,
/// it is due Tue 03/03 09:00 (Mon 09:00–11:30 150 + 13:30–17:00 210 + Tue 07:30–09:00 90 = 450 minutes).
/// The household business at the district takes 3 working days: received Mon 09:00, due Thu 05/03 09:00.
/// </summary>
public sealed class IndicatorScenarioTests
{
    private static readonly string[] BirthPapers = ["TKKS", "GCS"];
    private const string Period = "from=2026-03-01&to=2026-03-04";

    [Fact]
    public async Task A_week_of_work_gives_the_indicators_worked_out_by_hand_and_they_move_as_work_is_done()
    {
        // Tokens outlive the scenario's three days (the default is 8 hours).
        using var factory = OneStopFactory.With(("Jwt:LifetimeMinutes", "10080"));
        var reception = await factory.SignInAsync("tiepnhan.xa");
        var specialist = await factory.SignInAsync("chuyenvien.xa");
        var leader = await factory.SignInAsync("lanhdao.xa");
        var citizen = await factory.SignInAsync("congdan");
        async Task Resolve(string code)
        {
            await specialist.ActAsync(code, "forward");
            await leader.ActAsync(code, "approve");
            await reception.ActAsync(code, "resolve", new { comment = "Đã ký kết quả" });
        }

        // Mon 02/03 09:00: six dossiers received at the commune (five at the counter, one online), one refused,
        // one household business received at the district.
        factory.SetVietnamTime(2026, 3, 2, 9, 0);
        var a = await reception.ReceivedAtCounterAsync(ReportClient.BirthRegistration, Demo.Commune, BirthPapers);
        var b = await reception.ReceivedAtCounterAsync(ReportClient.BirthRegistration, Demo.Commune, BirthPapers);
        var c = await reception.ReceivedAtCounterAsync(ReportClient.BirthRegistration, Demo.Commune, BirthPapers);
        var d = await reception.ReceivedAtCounterAsync(ReportClient.BirthRegistration, Demo.Commune, BirthPapers);
        var g = await reception.ReceivedAtCounterAsync(ReportClient.BirthRegistration, Demo.Commune, BirthPapers);
        var f = (await citizen.SubmitBirthRegistrationOnlineAsync()).Str("code");
        await reception.ActAsync(f, "receive");
        var e = (await reception.SubmitAsync(ApiClient.CounterSubmission(ReportClient.BirthRegistration, Demo.Commune, BirthPapers))).Str("code");
        await reception.ActAsync(e, "refuse", new { comment = "Giấy chứng sinh không hợp lệ." });
        var district = await factory.SignInAsync("tiepnhan.huyen");
        await district.ReceivedAtCounterAsync(ReportClient.HouseholdBusiness, Demo.District, ["GDNHKD", "GTPLCN"]);

        // Mon 10:00: A resolved; D waits for the applicant; C gets an apology with a new date (Thu 17:00); G is withdrawn.
        factory.SetVietnamTime(2026, 3, 2, 10, 0);
        await Resolve(a);
        await specialist.ActAsync(d, "request-supplement", new { comment = "Bổ sung Giấy chứng sinh bản chính." });
        await leader.ActAsync(c, "apologize", new { comment = "Cần xác minh thêm.", newDueDate = "2026-03-05T17:00:00+07:00" });
        await citizen.ActAsync(g, "withdraw");
        await reception.ActAsync(g, "stop");
        factory.SetVietnamTime(2026, 3, 2, 10, 30);
        await reception.ActAsync(a, "return-result");

        // Tue 03/03 10:00: D's papers arrive. Paused Mon 10:00–11:30 90 + 13:30–17:00 210 + Tue 07:30–10:00 150
        // = 450 minutes, so its legal due date is Wed 09:00. Resolved Tue 16:00: on time.
        factory.SetVietnamTime(2026, 3, 3, 10, 0);
        await reception.ActAsync(d, "supplement", new { documents = new[] { new { code = "GCS" } } });
        factory.SetVietnamTime(2026, 3, 3, 16, 0);
        await Resolve(d);

        // Wed 04/03 09:00: B and C resolved a day late (C's apology does not excuse it); B returned and rated.
        factory.SetVietnamTime(2026, 3, 4, 9, 0);
        await Resolve(b);
        await Resolve(c);
        await reception.ActAsync(b, "return-result");
        factory.SetVietnamTime(2026, 3, 4, 9, 30);
        Assert.Equal(HttpStatusCode.Created, (await citizen.RateAsync(a, 5, "Nhanh, chu đáo.")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await citizen.RateAsync(b, 2, "Trả kết quả trễ.")).StatusCode);
        // A decline does not exist yet (issue 10): its event is written by hand.
        await factory.AddHandMadeEventAsync(g, 99, "decline", Demo.Commune, "InProgress", "Resolved", new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.FromHours(7)));
        factory.SetVietnamTime(2026, 3, 4, 12, 0);

        var report = await leader.IndicatorsAsync(Period);
        var figures = report["figures"]!;

        Assert.Equal(Demo.Commune, report["unit"].Str("code"));
        // Received: A B C D G at the counter, F online; E was refused before reception.
        Assert.Equal((6, 5, 1, 0), (figures.Int("received.total"), figures.Int("received.counter"), figures.Int("received.online"), figures.Int("received.post")));
        // Resolved: A (Mon 10:00) and D (Tue 16:00 ≤ Wed 09:00) on time; B and C (Wed 09:00 > Tue 09:00) late.
        Assert.Equal((4, 2, 2), (figures.Int("resolved.total"), figures.Int("resolved.onTime"), figures.Int("resolved.late")));
        Assert.Equal(0.5, figures.Number("onTimeRate.value"));
        // Still open at Wed 12:00: F, due Tue 09:00, overdue. G stopped, E never received.
        Assert.Equal((1, 0, 1), (figures.Int("inProgress.total"), figures.Int("inProgress.onTime"), figures.Int("inProgress.overdue")));
        Assert.Equal((2, 1, 1, 1), (figures.Int("returned"), figures.Int("notAccepted"), figures.Int("withdrawn"), figures.Int("declined")));
        // Online 1 of 6; all six are birth registrations, offered fully online: 1 of 6 again. F's uploaded papers are the
        // only electronic ones (counter papers were seen, not scanned); nothing reused.
        Assert.Equal((1, 6), (figures.Int("onlineRate.numerator"), figures.Int("onlineRate.denominator")));
        Assert.Equal((1, 6), (figures.Int("fullOnlineRate.numerator"), figures.Int("fullOnlineRate.denominator")));
        Assert.Equal((1, 6), (figures.Int("digitizationRate.numerator"), figures.Int("digitizationRate.denominator")));
        Assert.Equal((0, 6), (figures.Int("reuseRate.numerator"), figures.Int("reuseRate.denominator")));
        // Every result was signed as a file.
        Assert.Equal((4, 4), (figures.Int("electronicResultRate.numerator"), figures.Int("electronicResultRate.denominator")));
        // Worked minutes: A Mon 09:00–10:00 = 60; D Mon 09:00 → Tue 16:00 = 360 + 390 = 750 less 450 paused = 300;
        // B and C Mon 09:00 → Wed 09:00 = 360 + 450 + 90 = 900 each. 2160 minutes / 4 dossiers / 450 = 1.2 days.
        Assert.Equal((1.2, 4, 2160), (figures.Number("averageProcessingWorkingDays.value"), figures.Int("averageProcessingWorkingDays.dossiers"),
            figures.Int("averageProcessingWorkingDays.workingMinutes")));
        // Paused 450 of 2160 + 450 = 2610 minutes: 0.1724.
        Assert.Equal((450, 2610, 0.1724), (figures.Int("pauseShare.numerator"), figures.Int("pauseShare.denominator"), figures.Number("pauseShare.value")));
        // Ratings 5 and 2: average 3.5, one satisfied (4–5), one not (1–2).
        Assert.Equal((2, 3.5, 1, 1), (figures.Int("satisfaction.ratings"), figures.Number("satisfaction.average"),
            figures.Int("satisfaction.satisfied.numerator"), figures.Int("satisfaction.unsatisfied.numerator")));
        // The host runs no Hangfire server: no status message has reached the portal yet.
        Assert.Equal((0, 6), (figures.Int("syncRate.numerator"), figures.Int("syncRate.denominator")));
        var overdueStep = Assert.Single(report["overdueBySteps"]!.AsArray());
        Assert.Equal(("tham-tra", 1, 1), (overdueStep.Str("stepId"), overdueStep.Int("inProgress"), overdueStep.Int("overdue")));

        // The province sees the commune and the district: one more received, one more in progress (due Thu 09:00: on time).
        var province = await (await factory.SignInAsync("lanhdao.tinh")).IndicatorsAsync(Period);
        Assert.Equal((7, 6), (province["figures"].Int("received.total"), province["figures"].Int("received.counter")));
        Assert.Equal((2, 1, 1), (province["figures"].Int("inProgress.total"), province["figures"].Int("inProgress.onTime"), province["figures"].Int("inProgress.overdue")));
        var units = province["units"]!.AsArray().ToDictionary(u => u!["unit"].Str("code"), u => u!["figures"]!);
        Assert.Equal((0, 1, 6), (units[Demo.Province].Int("received.total"), units[Demo.District].Int("received.total"), units[Demo.Commune].Int("received.total")));

        // Delivering the outbox to the (mock) portal makes every received dossier synced.
        await factory.DrainAsync();
        Assert.Equal(6, (await leader.IndicatorsAsync(Period))["figures"].Int("syncRate.numerator"));

        // Resolving and returning F moves it from in progress (overdue) to resolved (late) and returned.
        await Resolve(f);
        await reception.ActAsync(f, "return-result");
        var after = (await leader.IndicatorsAsync(Period))["figures"]!;
        Assert.Equal((5, 3, 3), (after.Int("resolved.total"), after.Int("resolved.late"), after.Int("returned")));
        Assert.Equal(0, after.Int("inProgress.total"));

        // F's owner rates it once; the second rating is refused and changes nothing.
        Assert.Equal(HttpStatusCode.Created, (await citizen.RateAsync(f, 4)).StatusCode);
        var again = await citizen.RateAsync(f, 1, "Đổi ý.");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("chỉ đánh giá một lần", (await again.ReadJsonAsync()).Str("detail"));
        var rated = (await leader.IndicatorsAsync(Period))["figures"]!;
        Assert.Equal((3, 1, 2), (rated.Int("satisfaction.ratings"), rated.Int("satisfaction.scores.4"), rated.Int("satisfaction.satisfied.numerator")));
        Assert.Equal(3.67, rated.Number("satisfaction.average")); // (5 + 2 + 4) / 3 = 3.666…
    }
}
