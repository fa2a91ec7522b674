using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OneStop.Api.Tests.Infrastructure;

namespace OneStop.Api.Tests.Platform;

/// <summary>The working-day calendar of DESIGN §6: seeded with holidays and make-up days, editable by admins only.</summary>
public sealed class CalendarTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    private async Task<JsonObject> YearAsync(int year)
    {
        var response = await factory.CreateClient().GetAsync($"/api/calendar/{year}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    private async Task<JsonNode> DayAsync(string date) =>
        (await YearAsync(int.Parse(date[..4], System.Globalization.CultureInfo.InvariantCulture)))["days"]!.AsArray().Single(d => d.Str("date") == date)!;

    [Fact]
    public async Task A_year_lists_every_day_with_working_and_non_working_counts()
    {
        var year = await YearAsync(2026);

        var days = year["days"]!.AsArray();
        Assert.Equal(365, days.Count);
        Assert.Equal("2026-01-01", days[0].Str("date"));
        Assert.Equal("2026-12-31", days[^1].Str("date"));
        Assert.Equal(365, year["workingDays"]!.GetValue<int>() + year["nonWorkingDays"]!.GetValue<int>());
        Assert.Equal(days.Count(d => d!["working"]!.GetValue<bool>()), year["workingDays"]!.GetValue<int>());
    }

    [Fact]
    public async Task Tet_is_not_a_working_day_and_its_note_says_why()
    {
        var tet = await DayAsync("2026-02-17");

        Assert.False(tet["working"]!.GetValue<bool>());
        Assert.Contains("Tết", tet.Str("note"));
    }

    [Fact]
    public async Task A_make_up_Saturday_is_a_working_day()
    {
        var saturday = await DayAsync("2026-01-10");

        Assert.True(saturday["working"]!.GetValue<bool>());
        Assert.False(string.IsNullOrWhiteSpace(saturday.Str("note")));
    }

    [Fact]
    public async Task A_plain_weekend_is_not_a_working_day_and_a_plain_weekday_is()
    {
        Assert.False((await DayAsync("2026-03-08"))["working"]!.GetValue<bool>());
        Assert.True((await DayAsync("2026-03-09"))["working"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_admin_closes_a_day_and_the_calendar_shows_it()
    {
        var admin = await factory.SignInAsync("admin");

        var response = await admin.PutAsJsonAsync("/api/calendar/days/2026-03-10", new { working = false, note = "Nghỉ bầu cử bổ sung" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = await response.ReadJsonAsync();
        Assert.Equal("2026-03-10", saved.Str("date"));
        Assert.False(saved["working"]!.GetValue<bool>());
        var day = await DayAsync("2026-03-10");
        Assert.False(day["working"]!.GetValue<bool>());
        Assert.Equal("Nghỉ bầu cử bổ sung", day.Str("note"));
    }

    [Fact]
    public async Task A_reception_officer_cannot_edit_the_calendar()
    {
        var reception = await factory.SignInAsync("tiepnhan.xa");
        var calendarBefore = (await YearAsync(2026)).ToJsonString();
        var before = await factory.SnapshotAsync();

        var response = await reception.PutAsJsonAsync("/api/calendar/days/2026-03-11", new { working = false, note = "Không được phép" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(calendarBefore, (await YearAsync(2026)).ToJsonString());
        Assert.Equal(before, await factory.SnapshotAsync());
    }

    [Fact]
    public async Task Anonymous_callers_cannot_edit_the_calendar()
    {
        var calendarBefore = (await YearAsync(2026)).ToJsonString();

        var response = await factory.CreateClient().PutAsJsonAsync("/api/calendar/days/2026-03-12", new { working = false, note = "Không được phép" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(calendarBefore, (await YearAsync(2026)).ToJsonString());
    }

    [Fact]
    public async Task An_impossible_date_is_a_400_and_changes_nothing()
    {
        var admin = await factory.SignInAsync("admin");
        var calendarBefore = (await YearAsync(2026)).ToJsonString();
        var before = await factory.SnapshotAsync();

        var response = await admin.PutAsJsonAsync("/api/calendar/days/2026-13-01", new { working = false, note = "Ngày không có thật" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("date", (await response.ReadJsonAsync())["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(calendarBefore, (await YearAsync(2026)).ToJsonString());
        Assert.Equal(before, await factory.SnapshotAsync());
    }

    [Fact]
    public async Task Leaving_out_working_is_a_400_validation_problem_and_changes_nothing()
    {
        var admin = await factory.SignInAsync("admin");
        var calendarBefore = (await YearAsync(2026)).ToJsonString();

        var response = await admin.PutAsJsonAsync("/api/calendar/days/2026-03-13", new { note = "Thiếu working" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["working"], (await response.ReadJsonAsync())["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(calendarBefore, (await YearAsync(2026)).ToJsonString());
    }

    [Fact]
    public async Task A_year_outside_the_supported_range_is_a_400()
    {
        var response = await factory.CreateClient().GetAsync("/api/calendar/1999");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
