using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OneStop.Api.Tests.Infrastructure;

namespace OneStop.Api.Tests.Workflow;

/// <summary>
/// The shipped construction permit over HTTP: its form is checked at submission (422 naming form.&lt;key&gt;), its
/// sorting step is claimable (queue filters, read-only for others, a leader's assign), and fees follow the rule.
/// </summary>
public sealed class ClaimsFormsAndFeesTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    private const string Permit = "xay-dung.cap-giay-phep-xay-dung-moi";
    private const string Residence = "cu-tru.dang-ky-thuong-tru";

    private static object PermitSubmission(object form) => new
    {
        procedureId = Permit,
        applicant = new { idNumber = Demo.CitizenId, fullName = "Nguyễn Văn Công Dân" },
        channel = "counter",
        receivingUnitCode = Demo.Province,
        documents = new[] { "DDNGPXD", "GTDD", "BVTKXD", "QDPDDA", "VBTDPCCC" }.Select(code => new { code }).ToArray(),
        form,
    };

    [Fact]
    public async Task A_wrong_form_value_is_a_422_naming_the_field_and_nothing_is_stored()
    {
        var reception = await factory.SignInAsync("tiepnhan.tinh");
        var before = await factory.SnapshotAsync();

        var response = await reception.PostAsJsonAsync(Routes.Dossiers, PermitSubmission(new { dienTichSan = 0, soTang = 2, loaiCongTrinh = "dan-dung" }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await response.ReadJsonAsync())["errors"]!.AsObject();
        Assert.Equal(["form.dienTichSan"], errors.Select(e => e.Key));
        Assert.Equal("'Tổng diện tích sàn xây dựng (m²)': phải từ 1 trở lên.", errors["form.dienTichSan"]![0]!.GetValue<string>());
        Assert.Equal(before, await factory.SnapshotAsync());
    }

    [Fact]
    public async Task The_sorting_step_is_claimed_by_one_specialist_others_read_it_and_a_leader_reassigns_it()
    {
        var reception = await factory.SignInAsync("tiepnhan.tinh");
        var code = (await reception.SubmitAsync(PermitSubmission(new { dienTichSan = 120, soTang = 2, loaiCongTrinh = "dan-dung" }))).Str("code");
        await reception.ActAsync(code, "receive");
        var specialist = await factory.SignInAsync("chuyenvien.tinh");
        var districtSpecialist = await factory.SignInAsync("chuyenvien.huyen");

        var (unclaimed, staleETag) = await specialist.GetDossierAsync(code);
        Assert.Equal(["claim"], unclaimed.Actions());
        Assert.True(unclaimed["currentStep"]!["claimable"]!.GetValue<bool>());
        Assert.Contains(await QueueAsync(specialist, "none"), c => c == code);

        var claimed = await specialist.ActAsync(code, "claim");
        Assert.Equal("chuyenvien.tinh", claimed.Str("assignee"));
        Assert.Contains("forward", claimed.Actions());
        Assert.Contains(await QueueAsync(specialist, "me"), c => c == code);
        Assert.DoesNotContain(await QueueAsync(specialist, "none"), c => c == code);
        // Claiming with the ETag read before the claim is stale: 412; with a fresh one, a second claim is a conflict.
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await specialist.PostActionAsync(code, "claim", staleETag)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await specialist.TryActAsync(code, "claim")).StatusCode);

        // The leader cannot hand it to a specialist of another unit (the district's), who cannot even read it.
        var leader = await factory.SignInAsync("lanhdao.tinh");
        var wrong = await leader.TryActAsync(code, "assign", new { userName = "chuyenvien.huyen" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        Assert.Equal(["userName"], (await wrong.ReadJsonAsync())["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(HttpStatusCode.NotFound, (await districtSpecialist.GetAsync(Routes.Dossier(code))).StatusCode);

        var released = await specialist.ActAsync(code, "release");
        Assert.Null(released["assignee"]);
        var reassigned = await leader.ActAsync(code, "assign", new { userName = "chuyenvien.tinh" });
        Assert.Equal("chuyenvien.tinh", reassigned.Str("assignee"));
        var inbox = (await specialist.GetFromJsonAsync<JsonObject>(Routes.Notifications))!["items"]!.AsArray();
        Assert.Contains(inbox, n => n.Str("kind") == "assigned" && n.Str("dossierCode") == code);
    }

    [Theory]
    [InlineData(false, 20_000)]
    [InlineData(true, 0)]
    public async Task Permanent_residence_at_the_counter_costs_20000_dong_unless_exempt(bool exempt, int fee)
    {
        // Residence is handed in and decided at the ward police (Law on Residence 2020 art. 22), with the proof of lawful
        // residence the applicant owns (art. 21(1)) — no birth certificate.
        var reception = await factory.SignInAsync("tiepnhan.22918.ca");
        var submitted = await reception.SubmitAsync(ApiClient.CounterSubmission(Residence, Demo.CommunePolice, ["CT01", "CMCOHP"],
            form: new Dictionary<string, object?> { ["truongHop"] = "cho-o-cua-minh", ["mienLePhi"] = exempt }));

        Assert.Equal(fee, submitted["fee"]!.GetValue<decimal>());
        var received = await reception.ActAsync(submitted.Str("code"), "receive");
        // fee.amount > 0 goes through the fee step; an exempt dossier goes straight to appraisal.
        Assert.Equal(exempt ? "tham-dinh" : "nop-le-phi", received["currentStep"]!.Str("id"));
    }

    private static async Task<List<string>> QueueAsync(HttpClient officer, string assignee) =>
        (await officer.GetFromJsonAsync<JsonObject>($"{Routes.Dossiers}?assignee={assignee}&pageSize=100"))!["items"]!.AsArray()
            .Select(i => i.Str("code")).ToList();
}
