using System.Net;
using System.Text;
using OneStop.Api.Tests.Citizens;
using OneStop.Api.Tests.Infrastructure;

namespace OneStop.Api.Tests.Reports;

/// <summary>
/// Who may read the reports (leaders: their unit and below; admins: anything), and what a newcomer's mistakes
/// get: a clear ProblemDetails naming the parameter, and nothing changed. One dossier is received Mon 02/03/2026
/// at commune 22918, so the system's data starts that day.
/// </summary>
public sealed class ReportAccessAndBadInputTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    private async Task<string> OneReceivedDossierAsync()
    {
        var reception = await factory.SignInAsync("tiepnhan.xa");
        return await reception.ReceivedAtCounterAsync(ReportClient.BirthRegistration, Demo.Commune, ["TKKS", "GCS"]);
    }

    [Theory]
    [InlineData("congdan", "")]
    [InlineData("tiepnhan.xa", "")]
    [InlineData("chuyenvien.tinh", "")]
    [InlineData("lanhdao.xa", "unit=593")]
    [InlineData("lanhdao.xa", "unit=60")]
    [InlineData("lanhdao.huyen", "unit=60")]
    [InlineData("lanhdao.huyen", "unit=23005")]
    public async Task Citizens_non_leaders_and_leaders_outside_the_unit_are_refused(string userName, string query)
    {
        var client = await factory.SignInAsync(userName);

        foreach (var path in new[] { ReportClient.Indicators, ReportClient.IndicatorsCsv })
        {
            var response = await client.GetAsync($"{path}?{query}");
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"{ReportClient.Scorecard}?year=2026&{query}")).StatusCode);
    }

    [Fact]
    public async Task Anonymous_callers_must_sign_in()
    {
        var anonymous = factory.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(ReportClient.Indicators)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"{ReportClient.Scorecard}?year=2026")).StatusCode);
    }

    [Fact]
    public async Task A_leader_sees_their_unit_and_the_units_below_it_and_nothing_else()
    {
        await OneReceivedDossierAsync();

        var commune = await (await factory.SignInAsync("lanhdao.xa")).IndicatorsAsync("");
        var district = await (await factory.SignInAsync("lanhdao.huyen")).IndicatorsAsync("");
        var communeFromDistrict = await (await factory.SignInAsync("lanhdao.huyen")).IndicatorsAsync("unit=22918");

        Assert.Equal([Demo.Commune], commune["units"]!.AsArray().Select(u => u!["unit"].Str("code")));
        Assert.Equal(["593", "22915", "22918"], district["units"]!.AsArray().Select(u => u!["unit"].Str("code")));
        Assert.Equal(Demo.Commune, communeFromDistrict["unit"].Str("code"));
        Assert.True(commune["figures"].Int("received.total") >= 1);
    }

    [Theory]
    [InlineData("from=2026-03-05&to=2026-03-01", 400, "from", "đang sau ngày kết thúc")]
    [InlineData("from=05/03/2026", 400, "from", "yyyy-MM-dd")]
    [InlineData("to=2026-02-30", 400, "to", "yyyy-MM-dd")]
    [InlineData("from=2024-01-01&to=2026-03-02", 400, "to", "tối đa 731 ngày")]
    [InlineData("unit=99999", 404, "unit", "Không tìm thấy đơn vị '99999'")]
    [InlineData("tree=yesterday", 400, "tree", "'history'")]
    [InlineData("unit=596&tree=current", 422, "unit", "không còn hoạt động")]
    [InlineData("from=2019-01-01&to=2019-12-31", 404, "from", "hệ thống có số liệu từ ngày 02/03/2026")]
    [InlineData("from=2026-04-01&to=2026-04-30", 404, "from", "đến hôm nay (02/03/2026)")]
    public async Task A_bad_period_unit_or_tree_gets_a_clear_problem_naming_the_parameter(string query, int status, string field, string message)
    {
        await OneReceivedDossierAsync();
        var admin = await factory.SignInAsync("admin");

        foreach (var path in new[] { ReportClient.Indicators, ReportClient.IndicatorsCsv })
        {
            var response = await admin.GetAsync($"{path}?{query}");
            var problem = await response.ReadJsonAsync();

            Assert.Equal(status, (int)response.StatusCode);
            Assert.Contains(message, problem.Str("detail"));
            Assert.Contains(message, problem["errors"]![field]![0]!.GetValue<string>());
        }
    }

    [Theory]
    [InlineData(ReportClient.Scorecard, "year=2019", 404)]
    [InlineData(ReportClient.Scorecard, "", 400)]
    [InlineData(ReportClient.OpenData, "year=2019", 404)]
    [InlineData(ReportClient.OpenData, "year=2027", 404)]
    [InlineData(ReportClient.OpenData, "year=2026&format=xlsx", 400)]
    public async Task A_year_with_no_data_or_no_year_gets_a_clear_problem(string path, string query, int status)
    {
        await OneReceivedDossierAsync();
        var admin = await factory.SignInAsync("admin");

        var response = await admin.GetAsync($"{path}?{query}");
        var problem = await response.ReadJsonAsync();

        Assert.Equal(status, (int)response.StatusCode);
        Assert.NotNull(problem["errors"]![query.Contains("format") ? "format" : "year"]);
    }

    [Fact]
    public async Task The_csv_is_utf8_with_a_byte_order_mark_so_spreadsheets_read_vietnamese()
    {
        await OneReceivedDossierAsync();
        var leader = await factory.SignInAsync("lanhdao.xa");

        var response = await leader.GetAsync($"{ReportClient.IndicatorsCsv}?from=2026-03-01&to=2026-03-02");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("scope,unitCode,unitName,from,to,received,receivedCounter,receivedOnline,receivedPost,resolved,", lines[0]);
        // The total row, then the commune's own row: same counts, since nothing lies below 22918.
        Assert.StartsWith("total,22918,UBND phường Hàm Tiến,2026-03-01,2026-03-02,", lines[1]);
        Assert.StartsWith("unit,22918,UBND phường Hàm Tiến,2026-03-01,2026-03-02,", lines[2]);
        Assert.Equal(lines[1].Split(',')[5..], lines[2].Split(',')[5..]);
        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public async Task A_rating_before_return_of_someone_elses_dossier_by_an_officer_or_out_of_range_is_refused_and_stores_nothing()
    {
        var code = await OneReceivedDossierAsync();
        await factory.CreateCitizenAsync("congdan3", "079203000002", "Lê Thị Người Khác");
        var owner = await factory.SignInAsync("congdan");
        var other = await factory.SignInAsync("congdan3");
        var officer = await factory.SignInAsync("tiepnhan.xa");

        var notReturned = await owner.RateAsync(code, 5);
        var notTheirs = await other.RateAsync(code, 5);
        var byOfficer = await officer.RateAsync(code, 5);
        var noScore = await owner.RateAsync(code, null);
        var outOfRange = await owner.RateAsync(code, 6);
        var unknown = await owner.RateAsync("000.17.22.H56-260302-9999", 5);

        Assert.Equal(HttpStatusCode.Conflict, notReturned.StatusCode);
        Assert.Contains("sau khi đã nhận kết quả", (await notReturned.ReadJsonAsync()).Str("detail"));
        Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byOfficer.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noScore.StatusCode);
        Assert.NotNull((await noScore.ReadJsonAsync())["errors"]!["score"]);
        Assert.Equal(HttpStatusCode.BadRequest, outOfRange.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(0, await factory.QueryAsync(db => Task.FromResult(db.Ratings.Count())));
    }
}
