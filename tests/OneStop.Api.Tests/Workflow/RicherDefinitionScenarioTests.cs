using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OneStop.Api.Tests.Documents;
using OneStop.Api.Tests.Infrastructure;

namespace OneStop.Api.Tests.Workflow;

/// <summary>
/// Issue 9's "done when", over HTTP on the embedded default: a definition with a form, a guard on a form value,
/// a consultation of two agencies and a wait is posted, published, and carries two dossiers down its two
/// branches to Returned; one consultation ends by deemAgreed after its due date; the wait ends by itself after
/// a restart of the host; the escalation reaches the leader's inbox.
/// </summary>
public sealed class RicherDefinitionScenarioTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    [Fact]
    public async Task Two_dossiers_take_the_two_branches_a_silent_agency_is_deemed_to_agree_and_the_wait_survives_a_restart()
    {
        // One installation (data folder and database) that two hosts run on, one after the other.
        using var store = TestStore.Create();
        string large;
        // Monday 02/03/2026 09:00: everything is received and sorted at once.
        using (var first = OneStopFactory.On(store, OneStopFactory.DefaultStart))
        {
            var admin = await first.SignInAsync("admin");
            var created = await admin.PostAsJsonAsync(Routes.Definitions, RicherDefinitionSamples.Definition());
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var published = await admin.PostAsync($"{Routes.Definitions}/{RicherDefinitionSamples.Id}/publish", null);
            Assert.True(published.StatusCode == HttpStatusCode.OK, await published.Content.ReadAsStringAsync());

            var reception = await first.SignInAsync("tiepnhan.tinh");
            var specialist = await first.SignInAsync("chuyenvien.tinh");
            var leader = await first.SignInAsync("lanhdao.tinh");
            large = (await reception.SubmitAsync(Submission(300))).Str("code");
            var small = (await reception.SubmitAsync(Submission(120))).Str("code");
            await reception.ActAsync(large, "receive");
            await reception.ActAsync(small, "receive");

            // 120 m² is not above 250: the default branch goes straight to appraisal, and on to Returned.
            var sorted = await specialist.ActAsync(small, "forward");
            Assert.Equal("tham-dinh", sorted["currentStep"]!.Str("id"));
            Assert.Empty(sorted["consultations"]!.AsArray());
            await specialist.ActAsync(small, "forward");
            await leader.ActAsync(small, "approve");
            await reception.ActAsync(small, "resolve");
            Assert.Equal("Returned", (await reception.ActAsync(small, "return-result")).Str("status"));

            // 300 m²: the guard on the form value holds; both agencies are asked, due two working days later (Wed 04/03 09:00).
            var consulting = await specialist.ActAsync(large, "forward");
            Assert.Equal("lay-y-kien", consulting["currentStep"]!.Str("id"));
            var requests = consulting["consultations"]!.AsArray();
            Assert.Equal(["60.SXD", "60.PCCC"], requests.Select(c => c.Str("unitCode")).Order(StringComparer.Ordinal).Reverse());
            Assert.All(requests, c => Assert.Equal(new DateTimeOffset(2026, 3, 4, 9, 0, 0, Vietnam), c!["dueDate"]!.GetValue<DateTimeOffset>()));
            Assert.DoesNotContain("forward", consulting.Actions());

            // The building department answers; the consulted appraiser may read the dossier, another agency's may not answer for it.
            await first.AnswerConsultationAsync(large, "60.SXD", "agree", "Thiết kế phù hợp quy chuẩn.");
            var (waiting, _) = await specialist.GetDossierAsync(large);
            Assert.DoesNotContain("forward", waiting.Actions());
            var inbox = await (await first.SignInAsync("thamdinh.pccc")).GetFromJsonAsync<JsonObject>(Routes.Notifications);
            Assert.Contains(inbox!["items"]!.AsArray(), n => n.Str("kind") == "consultation-requested" && n.Str("dossierCode") == large);

            // The fire police stay silent. A minute after the due date the timer answers for them: agreed, as "system".
            first.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 4, 9, 1, 0, Vietnam));
            await first.RunDueTimersAsync();
            // Two days on, Monday's tokens have expired: sign in again.
            specialist = await first.SignInAsync("chuyenvien.tinh");
            var (deemed, _) = await specialist.GetDossierAsync(large);
            var pccc = deemed["consultations"]!.AsArray().Single(c => c.Str("unitCode") == "60.PCCC")!;
            Assert.Equal("agree", pccc.Str("answer"));
            Assert.Equal("system", pccc.Str("answeredBy"));
            var history = (await (await specialist.GetAsync(Routes.History(large))).ReadJsonAsync())["items"]!.AsArray();
            Assert.Contains(history, e => e.Str("action") == "answer-consultation" && e.Str("actor") == "system" && e.Str("unitCode") == "60.PCCC");

            // Both answered (join: all): the way forward opens, into the public posting of two working days (ends Fri 06/03 09:01).
            var posted = await specialist.ActAsync(large, "forward");
            Assert.Equal("niem-yet", posted["currentStep"]!.Str("id"));
            Assert.Equal(new DateTimeOffset(2026, 3, 6, 9, 1, 0, Vietnam), posted["stepDueDate"]!.GetValue<DateTimeOffset>());
            Assert.Empty(posted.Actions());
        }

        // The host is down over the posting's end; it starts again on Friday 06/03 at 10:00 with the same data.
        using var second = OneStopFactory.On(store, new DateTimeOffset(2026, 3, 6, 10, 0, 0, Vietnam));
        var officer = await second.SignInAsync("chuyenvien.tinh");
        var (after, _) = await officer.GetDossierAsync(large);
        Assert.Equal("tham-dinh", after["currentStep"]!.Str("id"));
        var elapse = (await (await officer.GetAsync(Routes.History(large))).ReadJsonAsync())["items"]!.AsArray().Last()!;
        Assert.Equal(("elapse", "system", "niem-yet", "tham-dinh"), (elapse.Str("action"), elapse.Str("actor"), elapse.Str("fromStep"), elapse.Str("toStep")));
        // Appraisal has one working day from Fri 10:00: due Mon 09/03 10:00. Four working hours before is Fri 15:30
        // (10:00–11:30 is 90 minutes, then 13:30 + 120 minutes = 15:30 of the 450-minute office day).
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 10, 0, 0, Vietnam), after["stepDueDate"]!.GetValue<DateTimeOffset>());

        var leaderInbox = await second.SignInAsync("lanhdao.tinh");
        second.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 6, 15, 29, 0, Vietnam));
        await second.RunDueTimersAsync();
        Assert.DoesNotContain(await InboxAsync(leaderInbox), n => n.Str("dossierCode") == large);
        second.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 6, 15, 31, 0, Vietnam));
        await second.RunDueTimersAsync();
        var dueSoon = Assert.Single(await InboxAsync(leaderInbox), n => n.Str("dossierCode") == large);
        Assert.Equal("due-soon", dueSoon.Str("kind"));
        second.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 9, 10, 1, 0, Vietnam));
        await second.RunDueTimersAsync();
        leaderInbox = await second.SignInAsync("lanhdao.tinh");
        officer = await second.SignInAsync("chuyenvien.tinh");
        Assert.Contains(await InboxAsync(leaderInbox), n => n.Str("dossierCode") == large && n.Str("kind") == "escalated");

        // Reading marks it; the unread filter then leaves it out.
        var read = await leaderInbox.PostAsync($"{Routes.Notifications}/{dueSoon.Str("id")}/read", null);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var unread = (await leaderInbox.GetFromJsonAsync<JsonObject>($"{Routes.Notifications}?unread=true"))!["items"]!.AsArray();
        Assert.DoesNotContain(unread, n => n.Str("id") == dueSoon.Str("id"));
        var stranger = await second.SignInAsync("lanhdao.xa");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"{Routes.Notifications}/{dueSoon.Str("id")}/read", null)).StatusCode);

        // And on to Returned, signed by the leader who approved at the step that signs.
        await officer.ActAsync(large, "forward");
        await (await second.SignInAsync("lanhdao.tinh")).ActAsync(large, "approve");
        var counter = await second.SignInAsync("tiepnhan.tinh");
        var resolved = await counter.ActAsync(large, "resolve");
        Assert.Equal("lanhdao.tinh", resolved["results"]![0]!.Str("signedBy"));
        // The system certificate signs; the verification answer names the leader who approved at the step that signs.
        var issued = await (await counter.GetAsync($"/api/files/{resolved["results"]![0]!.Id("fileId")}")).Content.ReadAsByteArrayAsync();
        var verified = await (await second.CreateClient().VerifyAsync(issued)).ReadJsonAsync();
        Assert.True(verified["valid"]!.GetValue<bool>());
        Assert.Equal("Đỗ Văn Lãnh Đạo (tỉnh) (lanhdao.tinh)", verified.Str("signedBy"));
        Assert.Equal("Returned", (await counter.ActAsync(large, "return-result")).Str("status"));
    }

    private static object Submission(int floorArea) => new
    {
        procedureId = RicherDefinitionSamples.Id,
        applicant = new { idNumber = Demo.CitizenId, fullName = "Nguyễn Văn Công Dân" },
        channel = "counter",
        receivingUnitCode = Demo.Province,
        documents = new[] { new { code = "DDN" } },
        form = new { dienTichSan = floorArea, loaiCongTrinh = "nha-o" },
    };

    private static async Task<List<JsonNode>> InboxAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonObject>(Routes.Notifications))!["items"]!.AsArray().Select(n => n!).ToList();
}
