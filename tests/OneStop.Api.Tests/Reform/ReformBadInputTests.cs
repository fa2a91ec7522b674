using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OneStop.Api.Tests.Citizens;
using OneStop.Api.Tests.Infrastructure;

namespace OneStop.Api.Tests.Reform;

/// <summary>
/// Bad input as a new admin or officer would send it (issue 10, "Done when"): each is refused with a Vietnamese
/// message naming the wrong field, and nothing changes — checked against a snapshot of every table a write could touch.
/// </summary>
public sealed class ReformBadInputTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    private static object Unit(string code, string name, string level, string? parentCode, string? kind = null) =>
        new { code, name, level, parentCode, kind };

    private async Task<JsonObject> RefusedAsync(Func<HttpClient, Task<HttpResponseMessage>> send, HttpStatusCode expected, string signInAs = "admin")
    {
        var client = await factory.SignInAsync(signInAs);
        var before = await factory.SnapshotAsync();
        var response = await send(client);
        var problem = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {problem.ToJsonString()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await factory.SnapshotAsync());
        return problem;
    }

    private static string Error(JsonObject problem, string field) => problem["errors"]![field]![0]!.GetValue<string>();

    [Fact]
    public async Task Importing_a_list_with_a_duplicate_code_names_the_entry_and_loads_nothing()
    {
        var problem = await RefusedAsync(admin => admin.PostAsJsonAsync("/api/units/import", new
        {
            units = new[]
            {
                Unit("97", "UBND tỉnh thử nghiệm", "province", null),
                Unit("97001", "UBND xã Một", "commune", "97"),
                Unit("97001", "UBND xã Một (nhập trùng)", "commune", "97"),
            },
        }), HttpStatusCode.UnprocessableEntity);

        Assert.Contains("bị trùng với units[1].code", Error(problem, "units[2].code"));
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync(Routes.Unit("97"))).StatusCode);
    }

    [Fact]
    public async Task Importing_a_list_with_a_parent_cycle_names_both_entries_and_loads_nothing()
    {
        var problem = await RefusedAsync(admin => admin.PostAsJsonAsync("/api/units/import", new
        {
            units = new[]
            {
                Unit("98.A", "Trung tâm A", "province", "98.B", "centre"),
                Unit("98.B", "Trung tâm B", "province", "98.A", "centre"),
            },
        }), HttpStatusCode.UnprocessableEntity);

        Assert.Contains("vòng lặp: 98.A → 98.B → 98.A", Error(problem, "units[0].parentCode"));
        Assert.Contains("vòng lặp: 98.B → 98.A → 98.B", Error(problem, "units[1].parentCode"));
    }

    [Theory]
    [InlineData("xa", null, "units[0].level", "Cấp 'xa' không hợp lệ")]
    [InlineData("commune", "khong-co", "units[0].parentCode", "không có trong danh sách")]
    [InlineData("commune", "22918", "units[0].level", "không thể trực thuộc")]
    public async Task Importing_an_entry_with_a_bad_level_or_parent_names_it(string level, string? parent, string field, string message)
    {
        var problem = await RefusedAsync(admin => admin.PostAsJsonAsync("/api/units/import",
            new { units = new[] { Unit("99001", "UBND xã thử", level, parent ?? "60") } }), HttpStatusCode.UnprocessableEntity);

        Assert.Contains(message, Error(problem, field));
    }

    [Fact]
    public async Task Dissolving_a_unit_into_itself_names_the_successor_and_changes_nothing()
    {
        var problem = await RefusedAsync(admin => admin.PostAsJsonAsync($"/api/units/{Demo.District}/dissolve", new
        {
            successors = new object[] { new { unitCode = Demo.District, childCodes = new[] { "22918", "22915" } } },
            competence = new[] { new { level = "district" } },
        }), HttpStatusCode.UnprocessableEntity);

        Assert.Contains("vào chính nó", Error(problem, "successors[0].unitCode"));
    }

    [Fact]
    public async Task Dissolving_into_a_unit_that_was_dissolved_names_the_successor_and_changes_nothing()
    {
        // A ward created for the test (in force since 01/01/2026, so it can end today), then dissolved into Hàm Tiến.
        var admin = await factory.SignInAsync("admin");
        var created = await admin.PostAsJsonAsync(Routes.Units,
            new { code = "22999", name = "UBND phường Thử Nghiệm", level = "commune", parentCode = Demo.District, validFrom = "2026-01-01" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var gone = await admin.PostAsJsonAsync("/api/units/22999/dissolve", new { successors = new[] { new { unitCode = Demo.Commune } } });
        Assert.True(gone.StatusCode == HttpStatusCode.OK, await gone.Content.ReadAsStringAsync());

        var problem = await RefusedAsync(client => client.PostAsJsonAsync($"/api/units/{Demo.District}/dissolve", new
        {
            successors = new object[] { new { unitCode = Demo.Province, childCodes = new[] { "22918", "22915" } }, new { unitCode = "22999" } },
            competence = new[] { new { level = "province" } },
        }), HttpStatusCode.UnprocessableEntity);

        Assert.Contains("đã bị giải thể", Error(problem, "successors[1].unitCode"));
    }

    [Fact]
    public async Task A_decline_without_reasons_names_the_comment_and_changes_nothing()
    {
        var reception = await factory.SignInAsync("tiepnhan.xa");
        var code = (await reception.SubmitAsync(ApiClient.CounterSubmission("ho-tich.dang-ky-khai-sinh", Demo.Commune, ["TKKS", "GCS"]))).Str("code");
        await reception.ActAsync(code, "receive");

        var problem = await RefusedAsync(leader => leader.TryActAsync(code, "decline", new { comment = "  " }), HttpStatusCode.UnprocessableEntity, "lanhdao.xa");

        Assert.Contains("lý do từ chối", Error(problem, "comment"));
    }
}

/// <summary>
/// A deadline running into a year the calendar does not hold is refused with a 422 naming <c>dueDate</c>, never counted
/// on weekends alone (DESIGN §6): the shipped calendar ends with 2027, so 2028's Tết is unknown.
/// </summary>
public sealed class YearTheCalendarLacksTests : IDisposable
{
    // Monday 20/12/2027 09:00.
    private readonly OneStopFactory _factory = OneStopFactory.StartingAt(OneStopFactory.Vietnam(2027, 12, 20, 9, 0));

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Receiving_a_dossier_whose_due_date_falls_in_2028_is_refused_naming_the_due_date_and_nothing_changes()
    {
        // Social allowance, 12 working days from Tue 21/12/2027: 21–24 (4) and 27–31/12 (9); day 10 would be in 2028.
        var reception = await _factory.SignInAsync("tiepnhan.xa");
        var code = (await reception.SubmitAsync(ApiClient.CounterSubmission("bao-tro-xa-hoi.tro-cap-xa-hoi-hang-thang", Demo.Commune, ["TKTGXH"]))).Str("code");
        var before = await _factory.SnapshotAsync();

        var refused = await reception.TryActAsync(code, "receive");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = await refused.ReadJsonAsync();
        Assert.Contains("chưa có năm 2028", problem["errors"]!["dueDate"]![0]!.GetValue<string>());
        Assert.Equal(before, await _factory.SnapshotAsync());

        // A three-day procedure the same day stays inside 2027 and is received: Thursday 23/12/2027 17:00.
        var business = (await reception.SubmitAsync(ApiClient.CounterSubmission("ho-kinh-doanh.dang-ky-thanh-lap-ho-kinh-doanh", Demo.Commune, ["GDNHKD", "GTPLCN"]))).Str("code");
        Assert.Equal("2027-12-23T17:00:00+07:00", (await reception.ActAsync(business, "receive")).Str("dueDate"));
    }

    [Fact]
    public async Task An_online_dossier_whose_reception_falls_due_in_2028_is_refused_at_submission()
    {
        // Friday 31/12/2027: the working day after it — when the counter must receive it — is in 2028.
        _factory.SetVietnamTime(2027, 12, 31, 10);
        var citizen = await _factory.SignInAsync("congdan");
        var body = await citizen.OnlineSubmissionAsync(CitizenClient.BirthRegistration, Demo.Commune, ["TKKS", "GCS"]);
        var before = await _factory.SnapshotAsync();

        var response = await citizen.PostAsJsonAsync(Routes.Dossiers, body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("năm 2028", (await response.ReadJsonAsync())["errors"]!["dueDate"]![0]!.GetValue<string>());
        Assert.Equal(before, await _factory.SnapshotAsync());
    }
}
