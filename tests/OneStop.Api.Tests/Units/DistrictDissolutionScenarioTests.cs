using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OneStop.Api.Tests.Definitions;
using OneStop.Api.Tests.Infrastructure;
using OneStop.Api.Tests.Sync;

namespace OneStop.Api.Tests.Units;

/// <summary>
/// The 2025 reform over HTTP (DESIGN §3; Law on the Organisation of Local Government 2025: no district level from
/// 01/07/2025, its powers to the communes and some to the province). In the last week of June 2025 the city of Phan
/// Thiết (593) holds open dossiers of three procedures; on 01/07/2025 the admin dissolves it into its two wards and the
/// province. Every dossier lands at the successor now competent for its procedure — the ward of the applicant, or the
/// province for what the province took — and is carried to <c>Returned</c> there by that unit's officers; the history
/// before the move still names the city, and the national portal hears of the unit in force at each event.
/// </summary>
public sealed class DistrictDissolutionScenarioTests : IDisposable
{
    /// <summary>A district procedure the province took over in the reform (a test procedure: the rule is what matters).</summary>
    private const string ToTheProvince = "thu-nghiem.cap-huyen-len-tinh";

    private readonly OneStopFactory _factory = OneStopFactory.StartingAt(OneStopFactory.Vietnam(2025, 6, 24, 8, 0));

    public void Dispose() => _factory.Dispose();

    private static object Submission(string procedureId, string unit, string[] papers, string communeOfApplicant) => new
    {
        procedureId,
        applicant = new { idNumber = Demo.CitizenId, fullName = "Nguyễn Văn Công Dân", phone = "0912345678", communeCode = communeOfApplicant },
        channel = "counter",
        receivingUnitCode = unit,
        documents = papers.Select(code => new { code }).ToArray(),
    };

    [Fact]
    public async Task A_district_dissolved_into_two_wards_and_the_province_sends_each_open_dossier_to_its_competent_successor_which_returns_it()
    {
        // Before the reform: the city's procedures as they stood, and one the province will take.
        await BeforeReform.PublishAsync(_factory);
        var admin = await _factory.SignInAsync("admin");
        var karaoke = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Units", "BeforeReform", BeforeReform.DistrictLevel + ".json")))!.AsObject();
        karaoke["id"] = ToTheProvince;
        karaoke["name"] = "Thủ tục cấp huyện giao cho cấp tỉnh từ 01/07/2025 (kiểm thử)";
        await admin.CreateAndPublishAsync(karaoke);
        // Officers of Mũi Né (22915), which has no demo accounts.
        foreach (var (role, prefix) in new[] { ("reception", "tiepnhan"), ("specialist", "chuyenvien"), ("leader", "lanhdao") })
        {
            var created = await admin.PostAsJsonAsync("/api/admin/users",
                new { userName = $"{prefix}.muine", fullName = $"Cán bộ {role} phường Mũi Né", password = "MuiNe@2025x", roles = new[] { role }, unitCode = "22915" });
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        }

        var driver = new DossierDriver(_factory);
        var district = await _factory.SignInAsync("tiepnhan.huyen");
        // Household business at the city for an applicant of Mũi Né and one of Hàm Tiến: received, in appraisal.
        var forMuiNe = (await district.SubmitAsync(Submission(BeforeReform.DistrictLevel, Demo.District, ["GDNHKD", "GTPLCN"], "22915"))).Str("code");
        var forHamTien = (await district.SubmitAsync(Submission(BeforeReform.DistrictLevel, Demo.District, ["GDNHKD", "GTPLCN"], "22918"))).Str("code");
        var forProvince = (await district.SubmitAsync(Submission(ToTheProvince, Demo.District, ["GDNHKD", "GTPLCN"], "22918"))).Str("code");
        foreach (var code in new[] { forMuiNe, forHamTien, forProvince })
            await driver.AdvanceAsync(code, 1); // receive
        // A social allowance received at Hàm Tiến, carried up to the city's appraisal.
        var allowance = await driver.SubmitAsync(BeforeReform.CrossLevel, Demo.Commune);
        // A posting wait on the way moves the clock past the admin's token: read as a fresh admin each time.
        for (var i = 0; i < 10 && (await AtAsync(await _factory.SignInAsync("admin"), allowance)).Step != "tham-dinh-huyen"; i++)
            await driver.StepAsync(allowance);
        Assert.Equal(("tham-dinh-huyen", Demo.District), await AtAsync(admin = await _factory.SignInAsync("admin"), allowance));
        var eventsBefore = new Dictionary<string, int>();
        foreach (var code in new[] { forMuiNe, forHamTien, forProvince, allowance })
            eventsBefore[code] = (await driver.HistoryAsync(code)).Count;

        // 01/07/2025: the city is dissolved. Its wards go under the province; communes are competent by default.
        _factory.SetVietnamTime(2025, 7, 1, 8, 0);
        driver.SignOutEveryone(); // tokens signed in June have expired
        admin = await _factory.SignInAsync("admin");
        var dissolved = await admin.PostAsJsonAsync($"/api/units/{Demo.District}/dissolve", new
        {
            effectiveFrom = "2025-07-01",
            successors = new object[]
            {
                new { unitCode = Demo.Province, childCodes = new[] { "22918", "22915" } },
                new { unitCode = "22918" },
                new { unitCode = "22915" },
            },
            competence = new object[] { new { level = "commune" }, new { procedureId = ToTheProvince, level = "province" } },
            comment = "Nghị quyết của Ủy ban Thường vụ Quốc hội về sắp xếp đơn vị hành chính cấp xã năm 2025.",
        });
        var result = await dissolved.ReadJsonAsync();
        Assert.True(dissolved.StatusCode == HttpStatusCode.OK, result.ToJsonString());

        var placed = result["dossiers"]!.AsArray().ToDictionary(d => d.Str("code"), d => d.Str("unitCode"));
        Assert.Equal(new Dictionary<string, string> { [forMuiNe] = "22915", [forHamTien] = "22918", [forProvince] = Demo.Province, [allowance] = "22918" },
            placed);
        Assert.Equal(2, result["childUnitsMoved"]!.GetValue<int>());
        var city = await (await _factory.CreateClient().GetAsync(Routes.Unit(Demo.District))).ReadJsonAsync();
        Assert.Equal("2025-06-30", city.Str("validTo"));
        Assert.Equal(Demo.Province, (await (await _factory.CreateClient().GetAsync(Routes.Unit("22915"))).ReadJsonAsync()).Str("parentCode"));

        // History keeps the city before the move; the move is one transfer event naming both units.
        foreach (var (code, unit) in placed)
        {
            var history = await driver.HistoryAsync(code);
            // The event just before the move left the dossier at the city; it still says so.
            Assert.Equal(Demo.District, history[eventsBefore[code] - 1]!.Str("toUnitCode"));
            var transfer = history[eventsBefore[code]]!;
            Assert.Equal(("transfer", Demo.District, unit), (transfer.Str("action"), transfer.Str("unitCode"), transfer.Str("toUnitCode")));
        }
        // Dossiers received at the city keep it as their past in every earlier event.
        foreach (var code in new[] { forMuiNe, forHamTien, forProvince })
            Assert.All((await driver.HistoryAsync(code)).Take(eventsBefore[code]), e => Assert.Equal(Demo.District, e.Str("toUnitCode")));

        // Each successor's own officers carry its dossiers to Returned; the city's officers now sit at the province.
        driver.SignOutEveryone();
        driver.Staff = (role, unit) => unit == "22915" ? $"{role switch { "reception" => "tiepnhan", "specialist" => "chuyenvien", _ => "lanhdao" }}.muine" : Demo.Officer(role, unit);
        var muiNe = await _factory.SignInAsync("tiepnhan.muine", "MuiNe@2025x");
        Assert.Equal(HttpStatusCode.OK, (await muiNe.GetAsync(Routes.Dossier(forMuiNe))).StatusCode);
        foreach (var (code, unit) in placed)
        {
            var visited = code == forMuiNe ? await DriveAsMuiNeAsync(code) : await driver.DriveToReturnedAsync(code);
            Assert.All(visited, v => Assert.Equal(unit, v.Unit));
            var (dossier, _) = await (await _factory.SignInAsync("admin")).GetDossierAsync(code);
            Assert.Equal(("Returned", unit), (dossier.Str("status"), dossier.Str("currentUnitCode")));
        }
        // The allowance's district decision ran at the ward, as the competence rule says (no district left in its branch).
        Assert.Contains(await driver.HistoryAsync(allowance), e => e.Str("action") == "approve" && e.Str("fromStep") == "quyet-dinh-huyen" && e.Str("unitCode") == "22918");

        // The national portal heard of each dossier under the unit in force at each event.
        await _factory.Job().DeliverDueAsync(CancellationToken.None);
        var sent = _factory.PortalStore().Find(forMuiNe)!.Where(m => m.Service == "DongBoHoSoMC").Select(m => m.Payload.GetProperty("DonViXuLy").GetString()).ToList();
        Assert.Equal("UBND thành phố Phan Thiết", sent[0]);
        Assert.Equal("UBND phường Mũi Né", sent[^1]);

        async Task<List<(string Step, string Unit)>> DriveAsMuiNeAsync(string code)
        {
            var muiNeDriver = new DossierDriver(_factory) { Staff = driver.Staff };
            var visited = new List<(string Step, string Unit)>();
            for (var i = 0; i < 20; i++)
            {
                var (dossier, step, unit) = await StepAsMuiNeAsync(muiNeDriver, code);
                visited.Add((step, unit));
                if (dossier.Str("status") == "Returned")
                    break;
            }
            return visited;
        }
    }

    /// <summary>One happy-path step by the Mũi Né accounts, whose password is their own.</summary>
    private async Task<(JsonObject Dossier, string Step, string Unit)> StepAsMuiNeAsync(DossierDriver driver, string code)
    {
        var admin = await _factory.SignInAsync("admin");
        var (before, _) = await admin.GetDossierAsync(code);
        var role = before.Str("status") is "Submitted" or "Resolved" or "AwaitingPayment" ? "reception" : before["currentStep"]!.Str("role");
        var officer = await _factory.SignInAsync(driver.Staff(role, "22915"), "MuiNe@2025x");
        var (current, _) = await officer.GetDossierAsync(code);
        var action = current.NextHappyAction();
        Assert.True(action is not null, $"{code}: no way forward at {before["currentStep"]!.Str("id")} ({current.Str("status")}): {string.Join(",", current.Actions())}");
        var after = await officer.ActAsync(code, action!, action == "resolve" ? new { comment = "Đã ký kết quả" } : null);
        return (after, before["currentStep"]!.Str("id"), before.Str("currentUnitCode"));
    }

    private static async Task<(string Step, string Unit)> AtAsync(HttpClient admin, string code)
    {
        var (dossier, _) = await admin.GetDossierAsync(code);
        return (dossier["currentStep"]!.Str("id"), dossier.Str("currentUnitCode"));
    }
}
