using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using OneStop.Api.Tests.Infrastructure;
using OneStop.Api.Tests.Sync;

namespace OneStop.Api.Tests.Reform;

/// <summary>
/// Any-point filing over HTTP on the embedded default (DESIGN §3; Decree 118/2025/NĐ-CP art. 11: the one-stop counters
/// of a province receive without regard to the administrative boundary). An enterprise registration — decided by the
/// Business Registration Office of the Department of Finance (Decree 168/2025/NĐ-CP) — is handed in at the counter of
/// ward Hàm Tiến (22918, in the city of Phan Thiết, 593); the department 60.STC decides it; the result is handed over
/// where the applicant chose. Every hop between the counter and the department is a <c>transfer</c> event and a
/// national-portal message naming the department as the unit in charge.
/// </summary>
public sealed class AnyPointFilingScenarioTests : IDisposable
{
    private const string Enterprise = "doanh-nghiep.dang-ky-thanh-lap-doanh-nghiep-tu-nhan";
    private readonly OneStopFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private async Task<string> SubmitAtTheWardAsync(string returnAt)
    {
        var reception = await _factory.SignInAsync("tiepnhan.xa");
        var submitted = await reception.SubmitAsync(new
        {
            procedureId = Enterprise,
            applicant = new { idNumber = "0100109106", fullName = "Doanh nghiệp tư nhân Hàm Tiến", representative = "Lê Thị Đại Diện", phone = "02523821000" },
            channel = "counter",
            receivingUnitCode = Demo.Commune,
            competentUnitCode = Demo.FinanceDepartment,
            returnAt,
            documents = new[] { new { code = "GDNDKDN" } },
        });
        Assert.Equal((Demo.Commune, Demo.FinanceDepartment, returnAt), (submitted.Str("receivingUnitCode"), submitted.Str("competentUnitCode"), submitted.Str("returnAt")));
        return submitted.Str("code");
    }

    /// <summary>Received and paid at the ward, then decided at the department.</summary>
    private async Task DecideAtTheDepartmentAsync(string code)
    {
        var ward = await _factory.SignInAsync("tiepnhan.xa");
        await ward.ActAsync(code, "receive");
        var paid = await ward.ActAsync(code, "confirm-payment");
        Assert.Equal((Demo.FinanceDepartment, "xem-xet"), (paid.Str("currentUnitCode"), paid["currentStep"]!.Str("id")));
        // The ward's officers no longer hold it: the department's do.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await _factory.SignInAsync("chuyenvien.xa")).TryActAsync(code, "forward")).StatusCode);
        await (await _factory.SignInAsync("chuyenvien.60.stc")).ActAsync(code, "forward");
        await (await _factory.SignInAsync("lanhdao.60.stc")).ActAsync(code, "approve");
    }

    private async Task<List<(string Action, string? Unit, string? ToUnit)>> HistoryAsync(string code) =>
        (await (await _factory.SignInAsync("admin")).GetFromJsonAsync<JsonObject>(Routes.History(code)))!["items"]!.AsArray()
            .Select(e => (e.Str("action"), e!["unitCode"]?.GetValue<string>(), e["toUnitCode"]?.GetValue<string>())).ToList();

    [Fact]
    public async Task Received_at_a_ward_of_a_district_decided_by_the_provincial_department_and_returned_at_the_ward_the_applicant_chose()
    {
        var code = await SubmitAtTheWardAsync("receiving");
        await DecideAtTheDepartmentAsync(code);

        var back = await (await _factory.SignInAsync("admin")).GetDossierAsync(code);
        Assert.Equal((Demo.Commune, "tra-ket-qua"), (back.Dossier.Str("currentUnitCode"), back.Dossier["currentStep"]!.Str("id")));
        var ward = await _factory.SignInAsync("tiepnhan.xa");
        await ward.ActAsync(code, "resolve", new { comment = "Đã ký Giấy chứng nhận." });
        var returned = await ward.ActAsync(code, "return-result");

        Assert.Equal(("Returned", Demo.Commune, "granted"), (returned.Str("status"), returned.Str("returnUnitCode"), returned.Str("outcome")));
        Assert.Equal(
            [("submit", Demo.Commune, Demo.Commune), ("receive", Demo.Commune, Demo.Commune), ("confirm-payment", Demo.Commune, Demo.FinanceDepartment),
             ("transfer", Demo.Commune, Demo.FinanceDepartment), ("forward", Demo.FinanceDepartment, Demo.FinanceDepartment),
             ("approve", Demo.FinanceDepartment, Demo.Commune), ("transfer", Demo.FinanceDepartment, Demo.Commune),
             ("resolve", Demo.Commune, Demo.Commune), ("return-result", Demo.Commune, Demo.Commune)],
            await HistoryAsync(code));

        // Each hop reached the national portal, every message naming the department as the unit in charge.
        await _factory.Job().DeliverDueAsync(CancellationToken.None);
        var messages = _factory.PortalStore().Find(code)!.Where(m => m.Service == "DongBoHoSoMC").ToList();
        Assert.All(messages, m => Assert.Equal("Sở Tài chính tỉnh Bình Thuận", m.Payload.GetProperty("DonViXuLy").GetString()));
        // Submitted, received, paid (in progress), the hop there, the hop back, resolved, returned.
        Assert.Equal(["1", "2", "4", "4", "4", "9", "10"], messages.Select(m => m.Payload.GetProperty("TrangThaiHoSo").GetString()));
        // The department's officers heard the dossier come in.
        var inbox = await (await (await _factory.SignInAsync("chuyenvien.60.stc")).GetAsync(Routes.Notifications)).ReadJsonAsync();
        Assert.Contains(inbox["items"]!.AsArray(), n => n.Str("kind") == "transferred" && n.Str("dossierCode") == code);
    }

    [Fact]
    public async Task Returned_at_the_departments_counter_when_the_applicant_chose_it_with_no_hop_back()
    {
        var code = await SubmitAtTheWardAsync("competent");
        await DecideAtTheDepartmentAsync(code);

        var department = await _factory.SignInAsync("tiepnhan.60.stc");
        await department.ActAsync(code, "resolve", new { comment = "Đã ký Giấy chứng nhận." });
        // The ward's counter cannot hand over a result the applicant collects at the department.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await _factory.SignInAsync("tiepnhan.xa")).TryActAsync(code, "return-result")).StatusCode);
        var returned = await department.ActAsync(code, "return-result");

        Assert.Equal(("Returned", Demo.FinanceDepartment), (returned.Str("status"), returned.Str("currentUnitCode")));
        Assert.Single(await HistoryAsync(code), e => e.Action == "transfer");
    }

    [Fact]
    public async Task Sent_by_post_from_the_department_and_the_portal_is_told_so()
    {
        var code = await SubmitAtTheWardAsync("post");
        await DecideAtTheDepartmentAsync(code);
        var department = await _factory.SignInAsync("tiepnhan.60.stc");
        await department.ActAsync(code, "resolve", new { comment = "Đã ký Giấy chứng nhận." });
        var returned = await department.ActAsync(code, "return-result");

        Assert.Equal("Returned", returned.Str("status"));
        var history = (await (await _factory.SignInAsync("admin")).GetFromJsonAsync<JsonObject>(Routes.History(code)))!["items"]!.AsArray();
        Assert.Contains("bưu chính", history[^1].Str("comment"));
        await _factory.Job().DeliverDueAsync(CancellationToken.None);
        var last = _factory.PortalStore().Find(code)!.Last(m => m.Service == "DongBoHoSoMC").Payload;
        Assert.Equal("1", last.GetProperty("HinhThuc").GetString());
    }

    [Fact]
    public async Task A_competent_unit_of_another_province_is_refused_naming_it_and_nothing_is_stored()
    {
        var reception = await _factory.SignInAsync("tiepnhan.xa");
        var before = await _factory.SnapshotAsync();
        var body = JsonSerializer.SerializeToNode(ApiClient.CounterSubmission(Enterprise, Demo.Commune, ["GDNDKDN"], idNumber: "0100109106", fullName: "DNTN"), ApiClient.Json)!;
        body["competentUnitCode"] = "04.STC"; // Cao Bằng's department: any point of the province, not of the country

        var response = await reception.PostAsJsonAsync(Routes.Dossiers, body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Contains("không cùng tỉnh", problem["errors"]!["competentUnitCode"]![0]!.GetValue<string>());
        Assert.Equal(before, await _factory.SnapshotAsync());
    }
}
