using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Api.Tests.Infrastructure;
using OneStop.NationalPortal.Mock;

namespace OneStop.Api.Tests.Portal;

/// <summary>Routes of the mock national portal as the API host maps it (DESIGN §9, §10).</summary>
public static class PortalRoutes
{
    public const string ApiKey = "demo-portal-key";
    public const string Login = "/portal/api/auth/login";
    public const string Integration = "/portal/api/integration";
    public const string Share = "/portal/api/share";
    public const string Faults = "/portal/api/admin/faults";
    public const string Procedures = "/portal/api/procedures";
    public static string Dossier(string code) => $"/portal/api/dossiers/{code}";
}

/// <summary>
/// The mock DVCQG portal mapped into the API host, in DVCQG's real format: sign-in and session, the envelope,
/// string codes, insert then update, what the real portal is known to require, order and repeats, faults; and its
/// own read and fault endpoints behind the key.
/// </summary>
public sealed class MockPortalTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task The_mocks_own_endpoints_answer_401_without_the_right_API_key(string? key)
    {
        var client = factory.CreateClient();
        if (key is not null)
            client.DefaultRequestHeaders.Add(PortalHeaders.ApiKey, key);

        var responses = new[]
        {
            await client.GetAsync(PortalRoutes.Dossier(NewCode())),
            await client.GetAsync(PortalRoutes.Procedures),
            await client.GetAsync(PortalRoutes.Faults),
            await client.PutAsJsonAsync(PortalRoutes.Faults, new { down = true }),
        };

        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal(401, (await response.ReadJsonAsync())["error_code"]!.GetValue<int>());
        }
        Assert.False((await (await Own().GetAsync(PortalRoutes.Faults)).ReadJsonAsync())["down"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Sign_in_takes_the_account_and_the_dstcode_header_and_answers_a_session_with_a_string_error_code()
    {
        var anonymous = factory.CreateClient();
        var withoutDstCode = await anonymous.PostAsJsonAsync(PortalRoutes.Login, Credentials());
        var wrongPassword = await Dvcqg().PostAsJsonAsync(PortalRoutes.Login, new { username = MockPortalOptions.DefaultUsername, password = "sai" });
        var signedIn = await Dvcqg().PostAsJsonAsync(PortalRoutes.Login, Credentials());

        Assert.Equal(HttpStatusCode.Unauthorized, withoutDstCode.StatusCode);
        Assert.Equal("-5", (await withoutDstCode.ReadJsonAsync()).Str("error_code"));
        Assert.Equal(HttpStatusCode.OK, wrongPassword.StatusCode);
        var refused = await wrongPassword.ReadJsonAsync();
        Assert.Equal("-5", refused.Str("error_code"));
        Assert.Null(refused["session"]);
        var session = await signedIn.ReadJsonAsync();
        Assert.Equal("0", session.Str("error_code"));
        Assert.Equal(48, session.Str("session").Length);
    }

    [Fact]
    public async Task A_call_without_a_live_session_is_answered_minus_1_and_a_new_sign_in_works_again()
    {
        var code = NewCode();
        var noSession = Envelope(null, PortalServices.DongBoHoSoMC, "False", PortalSamples.Entry(code, 2));
        var unknown = Envelope("not-a-session", PortalServices.DongBoHoSoMC, "False", PortalSamples.Entry(code, 2));
        var old = await SignInAsync();
        factory.Services.GetRequiredService<MockPortalStore>().ExpireSessions();

        foreach (var body in new[] { noSession, unknown, Envelope(old, PortalServices.DongBoHoSoMC, "False", PortalSamples.Entry(code, 2)) })
        {
            var answer = await CallAsync(body, 1);
            Assert.Equal("-1", answer.Str("error_code"));
            Assert.Contains("đăng nhập lại", answer.Str("message"));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await Own().GetAsync(PortalRoutes.Dossier(code))).StatusCode);
        await AcceptAsync(Envelope(await SignInAsync(), PortalServices.DongBoHoSoMC, "False", PortalSamples.Entry(code, 2)), 1);
    }

    [Fact]
    public async Task An_insert_then_steps_then_an_update_are_listed_in_arrival_order_with_their_envelope()
    {
        var session = await SignInAsync();
        var code = NewCode();

        var inserted = await AcceptAsync(Envelope(session, PortalServices.DongBoHoSoMC, "False", PortalSamples.Entry(code, 2)), 1);
        var stepped = await AcceptAsync(Envelope(session, PortalServices.CapNhatTienDoHoSoMC, null, PortalSamples.Step(code, 2), PortalSamples.Step(code, 4)), 2);
        var updated = await AcceptAsync(Envelope(session, PortalServices.DongBoHoSoMC, "True", PortalSamples.Entry(code, 4)), 4);

        Assert.Equal("Thêm mới hồ sơ thành công.", inserted.Str("message"));
        Assert.Contains("Cập nhật tiến độ hồ sơ thành công", stepped.Str("message"));
        Assert.Equal("Cập nhật hồ sơ thành công.", updated.Str("message"));
        var dossier = await ReceivedAsync(code);
        var items = dossier["items"]!.AsArray();
        var progress = dossier["progress"]!.AsArray();
        Assert.Equal([(1, 2, "False"), (4, 4, "True")], items.Select(i => (i!["soThuTu"]!.GetValue<int>(), i["trangThaiHoSo"]!.GetValue<int>(), i.Str("isUpdating"))));
        Assert.Equal([(2, 2), (3, 4)], progress.Select(p => (p!["soThuTu"]!.GetValue<int>(), p["trangThai"]!.GetValue<int>())));
        // The two steps came in one call.
        Assert.Single(progress.Select(p => p!["call"]!.GetValue<int>()).Distinct());
        Assert.All(items, i => Assert.Equal("000.17.22.H56", i.Str("maDonVi")));
        Assert.Equal("1.001193", items[0]!["payload"].Str("MaTTHC"));
        Assert.Equal("Trần Văn Chuyên (xã)", progress[0]!["payload"].Str("NguoiXuLy"));
        Assert.EndsWith("+07:00", items[0].Str("receivedAt"));
        Assert.Equal((0, 0), (dossier["refusedOutOfOrder"]!.GetValue<int>(), dossier["duplicates"]!.GetValue<int>()));
    }

    [Fact]
    public async Task An_insert_for_a_known_dossier_says_it_exists_and_an_update_or_step_for_an_unknown_one_says_it_does_not()
    {
        var session = await SignInAsync();
        var known = NewCode();
        var unknown = NewCode();
        await AcceptAsync(Envelope(session, PortalServices.DongBoHoSoMC, "False", PortalSamples.Entry(known, 2)), 1);

        var again = await CallAsync(Envelope(session, PortalServices.DongBoHoSoMC, "False", PortalSamples.Entry(known, 4)), 2);
        var update = await CallAsync(Envelope(session, PortalServices.DongBoHoSoMC, "True", PortalSamples.Entry(unknown, 2)), 1);
        var step = await CallAsync(Envelope(session, PortalServices.CapNhatTienDoHoSoMC, null, PortalSamples.Step(unknown, 2)), 1);

        // "đã tồn tại" is what the Thanh Hóa client looks for before it resends as an update.
        Assert.Equal(("-3", true), (again.Str("error_code"), again.Str("message").Contains("đã tồn tại")));
        Assert.Equal("-4", update.Str("error_code"));
        Assert.Equal("-4", step.Str("error_code"));
        Assert.Single((await ReceivedAsync(known))["items"]!.AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await Own().GetAsync(PortalRoutes.Dossier(unknown))).StatusCode);
    }

    [Fact]
    public async Task TraCuuHoSo_tells_whether_the_portal_has_a_dossier()
    {
        var session = await SignInAsync();
        var code = NewCode();
        var lookUp = new JsonObject { ["session"] = session, ["madonvi"] = "000.17.22.H56", ["service"] = PortalServices.TraCuuHoSo, ["mahoso"] = code };

        var before = await CallAsync(lookUp.DeepClone().AsObject(), null);
        await AcceptAsync(Envelope(session, PortalServices.DongBoHoSoMC, "False", PortalSamples.Entry(code, 2)), 1);
        var after = await CallAsync(lookUp.DeepClone().AsObject(), null);

        Assert.Equal("0", before.Str("error_code"));
        Assert.Empty(before["result"]!.AsArray());
        var found = Assert.Single(after["result"]!.AsArray())!;
        Assert.Equal((code, "2"), (found.Str("MaHoSo"), found.Str("TrangThaiHoSo")));
    }

    [Fact]
    public async Task A_gap_in_the_sequence_is_refused_with_409_and_counted_and_a_repeat_is_acknowledged_without_storing()
    {
        var session = await SignInAsync();
        var code = NewCode();
        await AcceptAsync(Envelope(session, PortalServices.DongBoHoSoMC, "False", PortalSamples.Entry(code, 2)), 1);

        var gap = await factory.CreateClient().SendAsync(Post(Envelope(session, PortalServices.CapNhatTienDoHoSoMC, null, PortalSamples.Step(code, 2)), 3));
        var repeat = await CallAsync(Envelope(session, PortalServices.DongBoHoSoMC, "False", PortalSamples.Entry(code, 2)), 1);

        Assert.Equal(HttpStatusCode.Conflict, gap.StatusCode);
        var refused = await gap.ReadJsonAsync();
        Assert.Equal("409", refused.Str("error_code"));
        Assert.Contains("sai thứ tự", refused.Str("message"));
        Assert.Equal("0", repeat.Str("error_code"));
        Assert.Contains("trước đó", repeat.Str("message"));
        var dossier = await ReceivedAsync(code);
        Assert.Single(dossier["items"]!.AsArray());
        Assert.Empty(dossier["progress"]!.AsArray());
        Assert.Equal((1, 1), (dossier["refusedOutOfOrder"]!.GetValue<int>(), dossier["duplicates"]!.GetValue<int>()));
        await AcceptAsync(Envelope(session, PortalServices.CapNhatTienDoHoSoMC, null, PortalSamples.Step(code, 2)), 2);
    }

    [Theory]
    [InlineData("TrangThaiHoSo", 2, "data[0].TrangThaiHoSo")]
    [InlineData("TrangThaiHoSo", "11", "data[0].TrangThaiHoSo")]
    [InlineData("LoaiDoiTuong", "5", "data[0].LoaiDoiTuong")]
    [InlineData("KenhThucHien", "4", "data[0].KenhThucHien")]
    [InlineData("NgayNopHoSo", "2026-03-02 09:00", "data[0].NgayNopHoSo")]
    [InlineData("NgayHenTra", "20260231170000", "data[0].NgayHenTra")]
    [InlineData("NgayHenTra", "", "data[0].NgayHenTra")]
    [InlineData("NgayTiepNhan", "", "data[0].NgayTiepNhan")]
    [InlineData("DinhDanhCHS", "060095000123", "data[0].DinhDanhCHS")]
    [InlineData("DonViXuLy", "", "data[0].DonViXuLy")]
    [InlineData("MaTTHC", null, "data[0].MaTTHC")]
    [InlineData("DSKetNoiCSDL", null, "data[0].DSKetNoiCSDL")]
    [InlineData("HoSoCoThanhPhanSoHoa", 1, "data[0].HoSoCoThanhPhanSoHoa")]
    public async Task A_DongBoHoSoMC_entry_the_real_portal_would_refuse_is_answered_minus_2_naming_the_field(string property, object? value, string field)
    {
        var code = NewCode();
        var entry = PortalSamples.Entry(code, 2);
        entry[property] = value is null ? null : JsonValue.Create(value);
        if (value is null)
            entry.Remove(property);

        await AssertRefusedAsync(code, Envelope(await SignInAsync(), PortalServices.DongBoHoSoMC, "False", entry), field);
    }

    [Theory]
    [InlineData("TaiLieuNop", "DuongDanTaiTepTin", "/api/portal-files/x")]
    [InlineData("TaiLieuNop", "DuocSoHoa", 1)]
    [InlineData("DanhSachLePhi", "Gia", "75.000")]
    public async Task Nested_entries_are_checked_too(string list, string property, object value)
    {
        var code = NewCode();
        var entry = PortalSamples.Entry(code, 2);
        entry[list]![0]![property] = JsonValue.Create(value);

        await AssertRefusedAsync(code, Envelope(await SignInAsync(), PortalServices.DongBoHoSoMC, "False", entry), $"data[0].{list}[0].{property}");
    }

    [Fact]
    public async Task Before_reception_NgayTiepNhan_must_be_blank_and_codes_3_and_4_of_LoaiDoiTuong_are_accepted()
    {
        var session = await SignInAsync();
        var submitted = PortalSamples.Entry(NewCode(), 1);
        submitted["NgayTiepNhan"] = "20260302091500";
        var stateBody = PortalSamples.Entry(NewCode(), 2);
        stateBody["LoaiDoiTuong"] = "3";
        var other = PortalSamples.Entry(NewCode(), 2);
        other["LoaiDoiTuong"] = "4";
        other["TaiLieuNop"]![0]!["DuocTaiSuDung"] = "2";

        await AssertRefusedAsync(submitted.Str("MaHoSo"), Envelope(session, PortalServices.DongBoHoSoMC, "False", submitted), "data[0].NgayTiepNhan");
        await AcceptAsync(Envelope(session, PortalServices.DongBoHoSoMC, "False", stateBody), 1);
        await AcceptAsync(Envelope(session, PortalServices.DongBoHoSoMC, "False", other), 1);
    }

    [Fact]
    public async Task Progress_steps_are_checked_and_at_most_ten_go_in_one_call()
    {
        var session = await SignInAsync();
        var code = NewCode();
        await AcceptAsync(Envelope(session, PortalServices.DongBoHoSoMC, "False", PortalSamples.Entry(code, 2)), 1);
        var longName = PortalSamples.Step(code, 4);
        longName["NguoiXuLy"] = new string('A', 51);
        var badTime = PortalSamples.Step(code, 4);
        badTime["ThoiDiemXuLy"] = "20260302";

        await AssertRefusedAsync(code, Envelope(session, PortalServices.CapNhatTienDoHoSoMC, null, longName), "data[0].NguoiXuLy", exists: true);
        await AssertRefusedAsync(code, Envelope(session, PortalServices.CapNhatTienDoHoSoMC, null, badTime), "data[0].ThoiDiemXuLy", exists: true);
        var eleven = Enumerable.Range(0, 11).Select(_ => PortalSamples.Step(code, 4)).ToArray();
        await AssertRefusedAsync(code, Envelope(session, PortalServices.CapNhatTienDoHoSoMC, null, eleven), "data", exists: true);
        await AcceptAsync(Envelope(session, PortalServices.CapNhatTienDoHoSoMC, null, eleven[..10]), 2);
        Assert.Equal(10, (await ReceivedAsync(code))["progress"]!.AsArray().Count);
    }

    [Fact]
    public async Task The_envelope_needs_madonvi_a_known_service_and_isUpdating_as_a_string()
    {
        var session = await SignInAsync();
        var code = NewCode();
        var noUnit = Envelope(session, PortalServices.DongBoHoSoMC, "False", PortalSamples.Entry(code, 2));
        noUnit.Remove("madonvi");
        var booleanFlag = Envelope(session, PortalServices.DongBoHoSoMC, "False", PortalSamples.Entry(code, 2));
        booleanFlag["isUpdating"] = false;
        var unknownService = Envelope(session, "XoaHoSo", null, PortalSamples.Entry(code, 2));

        foreach (var (body, field) in new[] { (noUnit, "madonvi"), (booleanFlag, "isUpdating"), (unknownService, "service") })
            await AssertRefusedAsync(code, body, field);
        var notJson = await factory.CreateClient().SendAsync(new HttpRequestMessage(HttpMethod.Post, PortalRoutes.Integration)
        {
            Content = new StringContent("{ not json", Encoding.UTF8, "application/json"),
            Headers = { { PortalHeaders.DstCode, MockPortalOptions.DefaultDstCode } },
        });
        Assert.Equal("-2", (await notJson.ReadJsonAsync()).Str("error_code"));
    }

    [Fact]
    public async Task Down_answers_503_to_every_DVCQG_call_and_every_read_until_cleared()
    {
        var session = await SignInAsync();
        var code = NewCode();
        try
        {
            await SetFaultsAsync(new { down = true });

            var login = await Dvcqg().PostAsJsonAsync(PortalRoutes.Login, Credentials());
            var call = await factory.CreateClient().SendAsync(Post(Envelope(session, PortalServices.DongBoHoSoMC, "False", PortalSamples.Entry(code, 2)), 1));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, login.StatusCode);
            Assert.Equal("503", (await call.ReadJsonAsync()).Str("error_code"));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, call.StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await Own().GetAsync(PortalRoutes.Procedures)).StatusCode);
            var stillDown = await Own().GetAsync(PortalRoutes.Faults);
            Assert.True((await stillDown.ReadJsonAsync())["down"]!.GetValue<bool>());

            await SetFaultsAsync(new { down = false });

            await AcceptAsync(Envelope(session, PortalServices.DongBoHoSoMC, "False", PortalSamples.Entry(code, 2)), 1);
        }
        finally
        {
            await SetFaultsAsync(new { });
        }
    }

    [Theory]
    [InlineData("rejectRate", "-2", 200)]
    [InlineData("errorRate", "503", 503)]
    [InlineData("unknownCodeRate", "99", 200)]
    public async Task A_fault_at_rate_1_answers_every_service_call_its_way_and_stores_nothing(string fault, string errorCode, int status)
    {
        var session = await SignInAsync();
        var code = NewCode();
        try
        {
            await SetFaultsAsync(new Dictionary<string, object> { [fault] = 1.0 });

            var response = await factory.CreateClient().SendAsync(Post(Envelope(session, PortalServices.DongBoHoSoMC, "False", PortalSamples.Entry(code, 2)), 1));

            Assert.Equal(status, (int)response.StatusCode);
            Assert.Equal(errorCode, (await response.ReadJsonAsync()).Str("error_code"));
            // Reads are not service calls: they still answer.
            Assert.Equal(HttpStatusCode.NotFound, (await Own().GetAsync(PortalRoutes.Dossier(code))).StatusCode);
        }
        finally
        {
            await SetFaultsAsync(new { });
        }
        await AcceptAsync(Envelope(session, PortalServices.DongBoHoSoMC, "False", PortalSamples.Entry(code, 2)), 1);
    }

    [Fact]
    public async Task Latency_delays_calls_in_wall_clock_time()
    {
        var session = await SignInAsync();
        try
        {
            await SetFaultsAsync(new { latencyMs = 300 });
            var watch = Stopwatch.StartNew();

            await AcceptAsync(Envelope(session, PortalServices.DongBoHoSoMC, "False", PortalSamples.Entry(NewCode(), 2)), 1);

            Assert.True(watch.ElapsedMilliseconds >= 290, $"took {watch.ElapsedMilliseconds} ms");
        }
        finally
        {
            await SetFaultsAsync(new { });
        }
    }

    [Theory]
    [InlineData("""{ "errorRate": 1.5 }""", "errorRate")]
    [InlineData("""{ "rejectRate": -0.1 }""", "rejectRate")]
    [InlineData("""{ "unknownCodeRate": 2 }""", "unknownCodeRate")]
    [InlineData("""{ "errorRate": 0.6, "rejectRate": 0.6 }""", "errorRate")]
    [InlineData("""{ "latencyMs": -1 }""", "latencyMs")]
    [InlineData("""{ "down": "yes" }""", "down")]
    public async Task Faults_out_of_range_are_refused_and_change_nothing(string body, string field)
    {
        var response = await Own().PutAsync(PortalRoutes.Faults, new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (await response.ReadJsonAsync()).Str("field"));
        var faults = await (await Own().GetAsync(PortalRoutes.Faults)).ReadJsonAsync();
        Assert.Equal(0, faults["errorRate"]!.GetValue<double>());
        Assert.False(faults["down"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_national_catalogue_lists_every_shipped_procedure_code_with_its_field()
    {
        var body = new JsonObject { ["session"] = await SignInAsync(), ["madonvi"] = "000.00.00.H56", ["service"] = PortalServices.LayDanhSachTTHC };

        var response = await factory.CreateClient().SendAsync(new HttpRequestMessage(HttpMethod.Post, PortalRoutes.Share)
        {
            Content = JsonContent.Create(body),
            Headers = { { PortalHeaders.DstCode, MockPortalOptions.DefaultDstCode } },
        });

        var json = await response.ReadJsonAsync();
        Assert.Equal("0", json.Str("error_code"));
        var result = json["result"]!.AsArray();
        var codes = result.Select(p => p.Str("MATTHC")).ToList();
        var shipped = Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "workflows"), "*.json")
            .Select(file => JsonNode.Parse(File.ReadAllText(file)).Str("procedureCode"));
        Assert.All(shipped, code => Assert.Contains(code, codes));
        var birth = result.Single(p => p.Str("MATTHC") == "1.001193")!;
        Assert.Equal(("Đăng ký khai sinh", "LV-HOTICH", "Hộ tịch"),
            (birth.Str("TENTTHC"), birth["LINHVUCTHUCHIEN"]![0].Str("MALINHVUC"), birth["LINHVUCTHUCHIEN"]![0].Str("TENLINHVUC")));
        // The mock's own read of the same catalogue stays behind the key.
        Assert.Equal(HttpStatusCode.OK, (await Own().GetAsync(PortalRoutes.Procedures)).StatusCode);
    }

    private HttpClient Own()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(PortalHeaders.ApiKey, PortalRoutes.ApiKey);
        return client;
    }

    private HttpClient Dvcqg()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(PortalHeaders.DstCode, MockPortalOptions.DefaultDstCode);
        return client;
    }

    private static object Credentials() => new { username = MockPortalOptions.DefaultUsername, password = MockPortalOptions.DefaultApiKey };

    private async Task<string> SignInAsync() => (await (await Dvcqg().PostAsJsonAsync(PortalRoutes.Login, Credentials())).ReadJsonAsync()).Str("session");

    private static string NewCode() => $"000.17.22.H56-260302-{Guid.NewGuid():N}";

    private static JsonObject Envelope(string? session, string service, string? isUpdating, params JsonObject[] data)
    {
        var body = new JsonObject { ["session"] = session, ["madonvi"] = "000.17.22.H56", ["service"] = service };
        if (isUpdating is not null)
            body["isUpdating"] = isUpdating;
        body["data"] = new JsonArray(data.Select(d => (JsonNode?)d.DeepClone()).ToArray());
        return body;
    }

    private static HttpRequestMessage Post(JsonObject body, int? sequence)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, PortalRoutes.Integration) { Content = JsonContent.Create(body) };
        request.Headers.Add(PortalHeaders.DstCode, MockPortalOptions.DefaultDstCode);
        if (sequence is { } number)
            request.Headers.Add(PortalHeaders.Sequence, number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return request;
    }

    private async Task<JsonObject> CallAsync(JsonObject body, int? sequence) => await (await factory.CreateClient().SendAsync(Post(body, sequence))).ReadJsonAsync();

    private async Task<JsonObject> AcceptAsync(JsonObject body, int sequence)
    {
        var response = await factory.CreateClient().SendAsync(Post(body, sequence));
        var json = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK && json.Str("error_code") == "0" && json.Str("message").Contains("thành công"),
            $"{(int)response.StatusCode} {json}");
        return json;
    }

    /// <summary>Refused with the real answer shape, the field named in the message, and nothing stored.</summary>
    private async Task AssertRefusedAsync(string code, JsonObject body, string field, bool exists = false)
    {
        var before = exists ? (await ReceivedAsync(code))["progress"]!.AsArray().Count : 0;
        var response = await factory.CreateClient().SendAsync(Post(body, exists ? 2 : 1));
        var json = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK && json.Str("error_code") == "-2", $"{(int)response.StatusCode} {json}");
        Assert.Contains(field, json.Str("message"));
        Assert.Equal(["error_code", "message"], json.Select(p => p.Key));
        if (exists)
            Assert.Equal(before, (await ReceivedAsync(code))["progress"]!.AsArray().Count);
        else
            Assert.Equal(HttpStatusCode.NotFound, (await Own().GetAsync(PortalRoutes.Dossier(code))).StatusCode);
    }

    private async Task<JsonObject> ReceivedAsync(string code)
    {
        var response = await Own().GetAsync(PortalRoutes.Dossier(code));
        var json = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {json}");
        return json;
    }

    private async Task SetFaultsAsync(object faults) => Assert.Equal(HttpStatusCode.OK, (await Own().PutAsJsonAsync(PortalRoutes.Faults, faults)).StatusCode);
}
