using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OneStop.Api.Tests.Infrastructure;

namespace OneStop.Api.Tests.Reform;

/// <summary>
/// The calendar kept up (DESIGN §6): a newer shipped calendar file reaches an existing database at start without
/// overwriting a day an admin edited (the row's <c>Source</c> tells them apart), and from 1 October the health check
/// warns when next year is not held yet.
/// </summary>
public sealed class CalendarUpkeepTests
{
    private static JsonObject Day(JsonObject year, string date) =>
        year["days"]!.AsArray().Single(d => d.Str("date") == date)!.AsObject();

    [Fact]
    public async Task A_corrected_calendar_file_reaches_an_existing_database_and_an_admins_edit_survives_it()
    {
        // Two hosts over one store: the same instance before and after a restart. The file lives in its data folder.
        using var store = TestStore.Create();
        Directory.CreateDirectory(store.DataDirectory);
        var file = Path.Combine(store.DataDirectory, "vietnam-holidays.json");
        var shipped = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "calendar", "vietnam-holidays.json")))!;
        await File.WriteAllTextAsync(file, shipped.ToJsonString());
        var start = OneStopFactory.Vietnam(2026, 10, 15, 9, 0);

        using (var first = OneStopFactory.On(store, start, ("OneStop:CalendarFile", file)))
        {
            var admin = await first.SignInAsync("admin");
            // The admin closes New Year's Eve 2027 and opens the provisional Tết day 10/02/2027 (their own decision).
            Assert.True((await admin.PutAsJsonAsync("/api/calendar/days/2027-12-31", new { working = false, note = "Nghỉ theo quyết định của tỉnh" })).IsSuccessStatusCode);
            Assert.True((await admin.PutAsJsonAsync("/api/calendar/days/2027-02-10", new { working = true, note = "Tỉnh làm việc" })).IsSuccessStatusCode);
        }

        // The announced 2027 calendar corrects the file: 10/02 and 03/09/2027 change, 13/09/2027 is added, 09/02 is dropped.
        var days = shipped["years"]!.AsArray().Single(y => y!["year"]!.GetValue<int>() == 2027)!["days"]!.AsArray();
        days.Single(d => d.Str("date") == "2027-09-03")!["note"] = "Quốc khánh (ngày liền kề) — đã công bố";
        days.Single(d => d.Str("date") == "2027-02-10")!["note"] = "Tết Nguyên đán — đã công bố";
        days.Remove(days.Single(d => d.Str("date") == "2027-02-09"));
        days.Add(new JsonObject { ["date"] = "2027-09-13", ["working"] = false, ["note"] = "Ngày nghỉ thêm (kiểm thử)" });
        await File.WriteAllTextAsync(file, shipped.ToJsonString());

        using var second = OneStopFactory.On(store, start.AddDays(1), ("OneStop:CalendarFile", file));
        var year = await (await second.CreateClient().GetAsync("/api/calendar/2027")).ReadJsonAsync();

        Assert.Equal("Quốc khánh (ngày liền kề) — đã công bố", Day(year, "2027-09-03").Str("note"));
        Assert.False(Day(year, "2027-09-13")["working"]!.GetValue<bool>());
        // Dropped from the file: an ordinary Tuesday again.
        Assert.True(Day(year, "2027-02-09")["working"]!.GetValue<bool>());
        Assert.Null(Day(year, "2027-02-09")["source"]);
        // The admin's two edits stand, whatever the file says.
        Assert.True(Day(year, "2027-02-10")["working"]!.GetValue<bool>());
        Assert.Equal("Tỉnh làm việc", Day(year, "2027-02-10").Str("note"));
        Assert.StartsWith("sửa bởi", Day(year, "2027-02-10").Str("source"));
        Assert.False(Day(year, "2027-12-31")["working"]!.GetValue<bool>());
    }

    [Fact]
    public async Task From_1_October_the_health_check_warns_that_next_year_is_not_held()
    {
        using var before = OneStopFactory.StartingAt(OneStopFactory.Vietnam(2027, 9, 30, 9, 0));
        Assert.Equal("Healthy", await (await before.CreateClient().GetAsync("/health/ready")).Content.ReadAsStringAsync());

        using var from = OneStopFactory.StartingAt(OneStopFactory.Vietnam(2027, 10, 1, 9, 0));
        var response = await from.CreateClient().GetAsync("/health/ready");

        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode); // a warning: the instance still serves
        Assert.StartsWith("Degraded", text);
        Assert.Contains("chưa có năm 2028", text);
        Assert.False((await (await from.CreateClient().GetAsync("/api/calendar/2028")).ReadJsonAsync())["held"]!.GetValue<bool>());
    }
}
