using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OneStop.Api.Tests.Infrastructure;

namespace OneStop.Api.Tests.Definitions;

/// <summary>
/// <c>POST /api/workflow-definitions/{id}/simulate {last}</c> (DESIGN §10): the last closed dossiers replayed through
/// the draft report which would end differently, which would be late and at which steps they would wait.
/// </summary>
public sealed class SimulationTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    /// <summary>
    /// Four birth registrations received on a Monday (the first after the shared clock: 09/03/2026 for the first test
    /// to run, 16/03 for the next, both plain working days) at 09:00 and forwarded at 10:00, 10:40, 14:00 and 14:40,
    /// each approved, resolved and returned 5, 10 and 15 minutes after its forward; a fifth refused at reception.
    /// Version 1 gives thẩm tra 4 working hours (09:00 + 150 minutes to 11:30, + 90 from 13:30 = 15:00): all four on time.
    /// </summary>
    private async Task<(string Id, string[] Returned, string Refused, DateOnly Monday)> ClosedDossiersAsync()
    {
        // The clock only moves forward. Tokens are issued by it: move it first, then sign in.
        var monday = DateOnly.FromDateTime(factory.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime).AddDays(1);
        while (monday.DayOfWeek != DayOfWeek.Monday)
            monday = monday.AddDays(1);
        factory.SetVietnamTime(monday.Year, monday.Month, monday.Day, 9, 0);
        var admin = await factory.SignInAsync("admin");
        var id = DefinitionSamples.UniqueId("mo-phong");
        await admin.CreateAndPublishAsync(DefinitionSamples.BirthRegistration(id));
        var reception = await factory.SignInAsync("tiepnhan.xa");
        var specialist = await factory.SignInAsync("chuyenvien.xa");
        var leader = await factory.SignInAsync("lanhdao.xa");

        var codes = new string[4];
        for (var i = 0; i < 4; i++)
        {
            codes[i] = (await reception.SubmitAsync(ApiClient.CounterSubmission(id, Demo.Commune, DefinitionSamples.RequiredPapers))).Str("code");
            await reception.ActAsync(codes[i], "receive");
        }
        var refused = (await reception.SubmitAsync(ApiClient.CounterSubmission(id, Demo.Commune, DefinitionSamples.RequiredPapers))).Str("code");
        await reception.ActAsync(refused, "refuse", new { comment = "Giấy chứng sinh không hợp lệ." });
        (int Hour, int Minute)[] forwards = [(10, 0), (10, 40), (14, 0), (14, 40)];
        for (var i = 0; i < 4; i++)
        {
            var (hour, minute) = forwards[i];
            factory.SetVietnamTime(monday.Year, monday.Month, monday.Day, hour, minute);
            await specialist.ActAsync(codes[i], "forward");
            factory.SetVietnamTime(monday.Year, monday.Month, monday.Day, hour, minute + 5);
            await leader.ActAsync(codes[i], "approve");
            factory.SetVietnamTime(monday.Year, monday.Month, monday.Day, hour, minute + 10);
            await reception.ActAsync(codes[i], "resolve", new { comment = "Đã ký" });
            factory.SetVietnamTime(monday.Year, monday.Month, monday.Day, hour, minute + 15);
            await reception.ActAsync(codes[i], "return-result");
        }
        return (id, codes, refused, monday);
    }

    [Fact]
    public async Task A_draft_that_shortens_a_step_reports_the_dossiers_that_would_have_been_late_there()
    {
        var (id, codes, refused, monday) = await ClosedDossiersAsync();
        var admin = await factory.SignInAsync("admin");
        var draft = DefinitionSamples.BirthRegistration(id);
        draft.Step("tham-tra")["duration"] = new JsonObject { ["workingHours"] = 2 };
        await admin.CreateDraftAsync(draft);
        var before = await factory.SnapshotAsync();

        var response = await admin.PostAsJsonAsync($"{Routes.Definitions}/{id}/simulate", new { last = 10 });

        var result = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, result.ToJsonString());
        Assert.Equal(5, result["replayed"]!.GetValue<int>());
        // Two working hours from 09:00 end at 11:00: the dossiers forwarded at 14:00 and 14:40 would be late at thẩm tra.
        Assert.Equal(new[] { codes[2], codes[3] }.Order(), result["late"]!.AsArray().Select(c => c!.GetValue<string>()).Order());
        Assert.Empty(result["endingDifferently"]!.AsArray());
        var dossiers = result["dossiers"]!.AsArray();
        foreach (var code in new[] { codes[2], codes[3] })
        {
            var slow = dossiers.Single(d => d.Str("code") == code)!;
            Assert.Equal(["tham-tra"], slow["lateSteps"]!.AsArray().Select(s => s!.GetValue<string>()));
            Assert.False(slow["originallyLate"]!.GetValue<bool>());
            Assert.False(slow["missesDueDate"]!.GetValue<bool>());
            var step = slow["steps"]!.AsArray().Single(s => s.Str("id") == "tham-tra")!;
            Assert.Equal(new DateTimeOffset(monday.Year, monday.Month, monday.Day, 11, 0, 0, TimeSpan.FromHours(7)), step["dueDate"]!.GetValue<DateTimeOffset>());
            Assert.True(step["late"]!.GetValue<bool>());
        }
        foreach (var code in new[] { codes[0], codes[1] })
            Assert.Empty(dossiers.Single(d => d.Str("code") == code)!["lateSteps"]!.AsArray());
        var notAccepted = dossiers.Single(d => d.Str("code") == refused)!;
        Assert.Equal(("NotAccepted", "NotAccepted"), (notAccepted.Str("originalStatus"), notAccepted.Str("simulatedStatus")));
        // A what-if writes nothing.
        Assert.Equal(before, await factory.SnapshotAsync());
    }

    [Fact]
    public async Task A_draft_that_changes_the_path_reports_who_would_end_differently_and_where()
    {
        var (id, codes, _, _) = await ClosedDossiersAsync();
        var admin = await factory.SignInAsync("admin");
        await admin.CreateDraftAsync(DefinitionSamples.BirthRegistration(id).WithExtraCheckBeforeApproval("Có kiểm tra chéo"));

        var result = await (await admin.PostAsJsonAsync($"{Routes.Definitions}/{id}/simulate", new { last = 4 })).ReadJsonAsync();

        Assert.Equal(codes.Order(), result["endingDifferently"]!.AsArray().Select(c => c!.GetValue<string>()).Order());
        Assert.All(result["dossiers"]!.AsArray(), d =>
        {
            Assert.Equal("InProgress", d.Str("simulatedStatus"));
            Assert.Equal(("approve", DefinitionSamples.ExtraCheck), (d!["stoppedAt"].Str("action"), d["stoppedAt"].Str("stepId")));
        });
    }

    [Fact]
    public async Task Simulating_without_a_valid_draft_or_with_a_wrong_count_is_refused()
    {
        var admin = await factory.SignInAsync("admin");
        var id = DefinitionSamples.UniqueId("mo-phong-sai");
        await admin.CreateAndPublishAsync(DefinitionSamples.BirthRegistration(id));

        var noDraft = await admin.PostAsJsonAsync($"{Routes.Definitions}/{id}/simulate", new { last = 5 });
        Assert.Equal(HttpStatusCode.Conflict, noDraft.StatusCode);
        var zero = await admin.PostAsJsonAsync($"{Routes.Definitions}/{id}/simulate", new { last = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, zero.StatusCode);
        Assert.NotNull((await zero.ReadJsonAsync())["errors"]!["last"]);
        var broken = DefinitionSamples.BirthRegistration(id);
        broken.Step("tham-tra")["transitions"]![0]!["to"] = "khong-co";
        await admin.CreateDraftAsync(broken);
        var invalid = await admin.PostAsJsonAsync($"{Routes.Definitions}/{id}/simulate", new { last = 5 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        Assert.NotNull((await invalid.ReadJsonAsync())["errors"]!["steps[1].transitions[0].to"]);
        var unknown = await admin.PostAsJsonAsync($"{Routes.Definitions}/khong-co.dinh-nghia/simulate", new { last = 5 });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
