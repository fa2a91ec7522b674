using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using OneStop.Api.Tests.Citizens;
using OneStop.Api.Tests.Documents;
using OneStop.Api.Tests.Infrastructure;
using OneStop.Api.Tests.Reports;
using UglyToad.PdfPig;

namespace OneStop.Api.Tests.Reform;

/// <summary>
/// The counter's papers (DESIGN §5), printed from the stored dossier and its history at
/// <c>/api/dossiers/{code}/papers/{kind}</c>: the supplement request with its itemised list (Mẫu 02), the refusal of
/// reception (Mẫu 03), the decline's signed refusal notice — each with the form's legal title of Circular
/// 03/2025/TT-VPCP — and, for results, the repository of the person the result is about (DESIGN §8).
/// </summary>
public sealed class CounterPapersTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    private static string Paper(string code, string kind) => $"{Routes.Dossier(code)}/papers/{kind}";

    private static string TextOf(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
    }

    private async Task<(HttpClient Reception, string Code)> ReceivedBirthRegistrationAsync(object? form = null)
    {
        var reception = await factory.SignInAsync("tiepnhan.xa");
        var body = System.Text.Json.JsonSerializer.SerializeToNode(ApiClient.CounterSubmission("ho-tich.dang-ky-khai-sinh", Demo.Commune, ["TKKS", "GCS"]), ApiClient.Json)!;
        if (form is not null)
            body["form"] = System.Text.Json.JsonSerializer.SerializeToNode(form, ApiClient.Json);
        var code = (await reception.SubmitAsync(body)).Str("code");
        await reception.ActAsync(code, "receive");
        return (reception, code);
    }

    [Fact]
    public async Task The_supplement_request_lists_each_paper_and_reason_under_its_legal_title()
    {
        var (reception, code) = await ReceivedBirthRegistrationAsync();
        Assert.Equal(HttpStatusCode.Conflict, (await reception.GetAsync(Paper(code, "supplement-request"))).StatusCode);
        await (await factory.SignInAsync("chuyenvien.xa")).ActAsync(code, "request-supplement", new
        {
            items = new[]
            {
                new { code = "GCS", reason = "Bản chụp Giấy chứng sinh bị mờ số hiệu." },
                new { code = "KHAC", reason = "Văn bản thỏa thuận chọn quốc tịch của cha mẹ." },
            },
        });

        var response = await reception.GetAsync(Paper(code, "supplement-request"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = TextOf(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", text);
        Assert.Contains("Mẫu số 02", text);
        Assert.Contains("Thông tư số 03/2025/TT-VPCP", text);
        Assert.Contains("GCS", text);
        Assert.Contains("bị mờ số hiệu", text);
        Assert.Contains("quốc tịch", text);
        Assert.Contains(code, text);
        // The read keeps a readable comment written from the items.
        var history = (await reception.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>(Routes.History(code)))!["items"]!.AsArray();
        Assert.Contains("GCS (Giấy chứng sinh", history[^1].Str("comment"));
    }

    [Fact]
    public async Task The_refusal_of_reception_states_the_reasons_under_Mau_03()
    {
        var reception = await factory.SignInAsync("tiepnhan.xa");
        var code = (await reception.SubmitAsync(ApiClient.CounterSubmission("ho-tich.dang-ky-khai-sinh", Demo.Commune, ["TKKS", "GCS"]))).Str("code");
        await reception.ActAsync(code, "refuse", new { comment = "Trẻ đã được đăng ký khai sinh tại nơi khác." });

        var text = TextOf(await (await reception.GetAsync(Paper(code, "refusal"))).Content.ReadAsByteArrayAsync());

        Assert.Contains("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", text);
        Assert.Contains("Mẫu số 03", text);
        Assert.Contains("đăng ký khai sinh tại nơi khác", text);
        Assert.Equal(HttpStatusCode.Conflict, (await reception.GetAsync(Paper(code, "receipt"))).StatusCode);
    }

    [Fact]
    public async Task A_declined_dossier_gets_a_signed_refusal_notice_as_its_result_and_is_returned_like_any_result()
    {
        var (reception, code) = await ReceivedBirthRegistrationAsync();
        await (await factory.SignInAsync("chuyenvien.xa")).ActAsync(code, "forward");
        var leader = await factory.SignInAsync("lanhdao.xa");
        var declinedBefore = (await leader.IndicatorsAsync("from=2026-03-01&to=2026-03-31"))["figures"].Int("declined");

        var declined = await leader.ActAsync(code, "decline",
            new { comment = "Người đi đăng ký không phải cha, mẹ hoặc người có trách nhiệm (Điều 15 Luật Hộ tịch)." });

        Assert.Equal(("Resolved", "declined", "tra-ket-qua"), (declined.Str("status"), declined.Str("outcome"), declined["currentStep"]!.Str("id")));
        var notice = declined["results"]!.AsArray().Single()!;
        Assert.Equal(("TBTCGQ", "lanhdao.xa"), (notice.Str("code"), notice.Str("signedBy")));
        var pdf = await (await reception.GetAsync(Paper(code, "decline-notice"))).Content.ReadAsByteArrayAsync();
        Assert.Contains("không phải cha, mẹ", TextOf(pdf));
        var verified = await (await factory.CreateClient().VerifyAsync(pdf)).ReadJsonAsync();
        Assert.True(verified["valid"]!.GetValue<bool>());
        Assert.Equal(code, verified.Str("dossierCode"));
        // A refusal notice is nobody's paper to reuse.
        Assert.Equal(0, await factory.QueryAsync(db => db.RepositoryDocuments.CountAsync(d => d.SourceDossierCode == code)));

        Assert.Equal("Returned", (await reception.ActAsync(code, "return-result")).Str("status"));
        // The indicators count it among the declines (từ chối giải quyết).
        Assert.Equal(declinedBefore + 1, (await leader.IndicatorsAsync("from=2026-03-01&to=2026-03-31"))["figures"].Int("declined"));
    }

    [Fact]
    public async Task A_birth_certificate_goes_to_the_childs_repository_named_by_the_forms_subject_field()
    {
        const string Child = "060226000123"; // born 2026 in Bình Thuận (060), male, 21st century (2)
        var (reception, code) = await ReceivedBirthRegistrationAsync(new { soDinhDanhTre = Child });
        await (await factory.SignInAsync("chuyenvien.xa")).ActAsync(code, "forward");
        await (await factory.SignInAsync("lanhdao.xa")).ActAsync(code, "approve");
        await reception.ActAsync(code, "resolve", new { comment = "Đã ký Giấy khai sinh." });

        var owners = await factory.QueryAsync(db => db.RepositoryDocuments.Where(d => d.SourceDossierCode == code).Select(d => d.OwnerId).ToListAsync());
        Assert.Equal([Child], owners);
        var parent = await (await (await factory.SignInAsync("congdan")).GetAsync("/api/me/documents")).ReadJsonAsync();
        Assert.DoesNotContain(parent["items"]!.AsArray(), d => d!["sourceDossierCode"]?.GetValue<string>() == code);
    }

    [Fact]
    public async Task An_unknown_paper_kind_is_a_404_naming_the_kinds()
    {
        var (reception, code) = await ReceivedBirthRegistrationAsync();

        var response = await reception.GetAsync(Paper(code, "phieu-kiem-soat"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("supplement-request", (await response.ReadJsonAsync()).Str("detail"));
    }
}

/// <summary>Online dossiers waiting to be received carry due flags too (DESIGN §6): the counter has until the next working day's close.</summary>
public sealed class ReceptionDueTests : IDisposable
{
    private readonly OneStopFactory _factory = new(); // Monday 02/03/2026 09:00

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task An_online_dossier_not_yet_received_is_due_soon_the_next_day_and_overdue_after_its_close()
    {
        var citizen = await _factory.SignInAsync("congdan");
        var code = (await citizen.SubmitAsync(await citizen.OnlineSubmissionAsync(CitizenClient.BirthRegistration, Demo.Commune, ["TKKS", "GCS"]))).Str("code");
        var submitted = (await (await _factory.SignInAsync("tiepnhan.xa")).GetDossierAsync(code)).Dossier;
        // Submitted Monday: the counter must receive or refuse it by Tuesday 03/03 17:00.
        Assert.Equal(("2026-03-03T17:00:00+07:00", false, false), (submitted.Str("receptionDueDate"), submitted["overdue"]!.GetValue<bool>(), submitted["dueSoon"]!.GetValue<bool>()));

        _factory.SetVietnamTime(2026, 3, 3, 9); // Tuesday: less than a working day left
        var soon = (await (await _factory.SignInAsync("tiepnhan.xa")).GetDossierAsync(code)).Dossier;
        Assert.Equal((false, true), (soon["overdue"]!.GetValue<bool>(), soon["dueSoon"]!.GetValue<bool>()));

        _factory.SetVietnamTime(2026, 3, 4, 9); // Wednesday
        var reception = await _factory.SignInAsync("tiepnhan.xa");
        var queue = await (await reception.GetAsync($"{Routes.Dossiers}?overdue=true&pageSize=200")).ReadJsonAsync();
        var item = queue["items"]!.AsArray().Single(i => i.Str("code") == code)!;
        Assert.Equal(("Submitted", true), (item.Str("status"), item["overdue"]!.GetValue<bool>()));

        // Once received, the flags follow the processing due date: same day, Wednesday 17:00.
        var received = await reception.ActAsync(code, "receive");
        Assert.Equal(("2026-03-04T17:00:00+07:00", false), (received.Str("dueDate"), received["overdue"]!.GetValue<bool>()));
    }
}
