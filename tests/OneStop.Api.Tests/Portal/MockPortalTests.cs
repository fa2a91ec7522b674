using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using OneStop.Api.Tests.Infrastructure;

namespace OneStop.Api.Tests.Portal;

/// <summary>Routes of the mock national portal as the API host maps it (DESIGN §9, §10).</summary>
public static class PortalRoutes
{
    public const string ApiKey = "demo-portal-key";
    public const string Login = "/portal/api/auth/login";
    public const string DongBoHoSoMC = "/portal/api/services/DongBoHoSoMC";
    public const string CapNhatTienDoHoSoMC = "/portal/api/services/CapNhatTienDoHoSoMC";
    public const string Faults = "/portal/api/admin/faults";
    public const string Procedures = "/portal/api/procedures";
    public static string Dossier(string code) => $"/portal/api/dossiers/{code}";
}

/// <summary>The mock DVCQG portal mapped into the API host: key, validation, order, deduplication, faults.</summary>
public sealed class MockPortalTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task Every_endpoint_answers_401_without_the_right_API_key(string? key)
    {
        var client = factory.CreateClient();
        if (key is not null)
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        var code = NewCode();

        var responses = new[]
        {
            await client.PostAsJsonAsync(PortalRoutes.DongBoHoSoMC, DongBo(code, 1)),
            await client.PostAsJsonAsync(PortalRoutes.CapNhatTienDoHoSoMC, TienDo(code, 1)),
            await client.PostAsync(PortalRoutes.Login, null),
            await client.GetAsync(PortalRoutes.Dossier(code)),
            await client.GetAsync(PortalRoutes.Procedures),
            await client.PutAsJsonAsync(PortalRoutes.Faults, new { down = true }),
        };

        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal(401, (await response.ReadJsonAsync())["error_code"]!.GetValue<int>());
        }
        Assert.False((await (await Portal().GetAsync(PortalRoutes.Faults)).ReadJsonAsync())["down"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.NotFound, (await Portal().GetAsync(PortalRoutes.Dossier(code))).StatusCode);
    }

    [Fact]
    public async Task Accepted_messages_of_both_services_are_listed_in_order_with_their_status()
    {
        var portal = Portal();
        var code = NewCode();

        var first = await portal.PostAsJsonAsync(PortalRoutes.DongBoHoSoMC, DongBo(code, 1, trangThai: 2));
        var second = await portal.PostAsJsonAsync(PortalRoutes.CapNhatTienDoHoSoMC, TienDo(code, 2, trangThai: 4));
        var third = await portal.PostAsJsonAsync(PortalRoutes.DongBoHoSoMC, DongBo(code, 3, trangThai: 4));

        var answers = new List<JsonObject>();
        foreach (var response in new[] { first, second, third })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            answers.Add(await response.ReadJsonAsync());
        }
        Assert.All(answers, a => Assert.Equal(0, a["error_code"]!.GetValue<int>()));
        Assert.Contains("Thêm mới", answers[0].Str("message"));
        Assert.Contains("Cập nhật", answers[2].Str("message"));

        var dossier = await GetReceivedAsync(portal, code);
        Assert.Equal(code, dossier.Str("maHoSo"));
        var items = dossier["items"]!.AsArray();
        Assert.Equal([1, 2, 3], items.Select(i => i!["soThuTu"]!.GetValue<int>()));
        Assert.Equal(["DongBoHoSoMC", "CapNhatTienDoHoSoMC", "DongBoHoSoMC"], items.Select(i => i.Str("service")));
        Assert.Equal([2, 4, 4], items.Select(i => i!["trangThaiHoSo"]!.GetValue<int>()));
        Assert.Equal("1.001193", items[0]!["payload"].Str("MaTTHC"));
        Assert.Equal("Chuyên viên Tư pháp - Hộ tịch", items[1]!["payload"].Str("ChucDanh"));
        Assert.EndsWith("+07:00", items[0].Str("receivedAt"));
    }

    [Fact]
    public async Task A_dossier_the_portal_never_received_is_404()
    {
        var response = await Portal().GetAsync(PortalRoutes.Dossier(NewCode()));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(404, (await response.ReadJsonAsync())["error_code"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_gap_in_the_sequence_is_refused_with_409_naming_the_expected_number()
    {
        var portal = Portal();
        var code = NewCode();
        await AcceptAsync(portal, PortalRoutes.DongBoHoSoMC, DongBo(code, 1));

        var gap = await portal.PostAsJsonAsync(PortalRoutes.CapNhatTienDoHoSoMC, TienDo(code, 3));
        var replayedLowerNumber = await portal.PostAsJsonAsync(PortalRoutes.DongBoHoSoMC, DongBo(code, 1, idempotencyKey: $"{code}-other"));

        foreach (var response in new[] { gap, replayedLowerNumber })
        {
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            var json = await response.ReadJsonAsync();
            Assert.Equal(409, json["error_code"]!.GetValue<int>());
            Assert.Equal(2, json["expected"]!.GetValue<int>());
            Assert.Contains("sai thứ tự", json.Str("message"));
        }
        Assert.Single((await GetReceivedAsync(portal, code))["items"]!.AsArray());
        await AcceptAsync(portal, PortalRoutes.CapNhatTienDoHoSoMC, TienDo(code, 2));
    }

    [Fact]
    public async Task A_repeated_idempotency_key_is_acknowledged_as_a_duplicate_and_not_stored_again()
    {
        var portal = Portal();
        var code = NewCode();
        await AcceptAsync(portal, PortalRoutes.DongBoHoSoMC, DongBo(code, 1));
        await AcceptAsync(portal, PortalRoutes.CapNhatTienDoHoSoMC, TienDo(code, 2));

        // A retry after a lost answer: same key, and by now an old SoThuTu.
        var retry = await portal.PostAsJsonAsync(PortalRoutes.DongBoHoSoMC, DongBo(code, 1));

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var json = await retry.ReadJsonAsync();
        Assert.Equal(0, json["error_code"]!.GetValue<int>());
        Assert.True(json["duplicate"]!.GetValue<bool>());
        Assert.Equal([1, 2], (await GetReceivedAsync(portal, code))["items"]!.AsArray().Select(i => i!["soThuTu"]!.GetValue<int>()));
    }

    [Theory]
    [InlineData("NgayNopHoSo", "2026-03-02 09:00", "NgayNopHoSo")]
    [InlineData("NgayHenTra", "20260231170000", "NgayHenTra")]
    [InlineData("TrangThaiHoSo", 11, "TrangThaiHoSo")]
    [InlineData("TrangThaiHoSo", 0, "TrangThaiHoSo")]
    [InlineData("LoaiDoiTuong", 3, "LoaiDoiTuong")]
    [InlineData("KenhThucHien", 4, "KenhThucHien")]
    [InlineData("SoThuTu", 0, "SoThuTu")]
    [InlineData("MaTTHC", null, "MaTTHC")]
    [InlineData("IdempotencyKey", "", "IdempotencyKey")]
    [InlineData("NgayNopHoSo", null, "NgayNopHoSo")]
    [InlineData("TaiLieuNop", "paper", "TaiLieuNop")]
    public async Task A_malformed_DongBoHoSoMC_is_refused_with_400_naming_the_field(string property, object? value, string field)
    {
        var portal = Portal();
        var code = NewCode();
        var body = DongBo(code, 1);
        body[property] = value is null ? null : JsonValue.Create(value);
        if (value is null)
            body.Remove(property);

        var response = await portal.PostAsJsonAsync(PortalRoutes.DongBoHoSoMC, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await response.ReadJsonAsync();
        Assert.NotEqual(0, json["error_code"]!.GetValue<int>());
        Assert.Equal(field, json.Str("field"));
        Assert.Contains(field, json.Str("message"));
        // Nothing stored and no number used up: the corrected message is still number 1.
        Assert.Equal(HttpStatusCode.NotFound, (await portal.GetAsync(PortalRoutes.Dossier(code))).StatusCode);
        await AcceptAsync(portal, PortalRoutes.DongBoHoSoMC, DongBo(code, 1));
    }

    [Fact]
    public async Task Nested_papers_and_progress_steps_are_checked_too()
    {
        var portal = Portal();
        var code = NewCode();
        var badPaper = DongBo(code, 1);
        badPaper["TaiLieuNop"]![0]!["DuocSoHoa"] = 2;
        var badSupplement = DongBo(code, 1);
        badSupplement["DanhSachHoSoBoSung"] = new JsonArray(new JsonObject { ["NgayHenTraTruoc"] = "20260305170000", ["NgayHenTraMoi"] = "05/03/2026" });
        var badStep = TienDo(code, 1);
        badStep["ThoiDiemXuLy"] = "20260302";

        Assert.Equal("TaiLieuNop[0].DuocSoHoa", await RefusedFieldAsync(portal, PortalRoutes.DongBoHoSoMC, badPaper));
        Assert.Equal("DanhSachHoSoBoSung[0].NgayHenTraMoi", await RefusedFieldAsync(portal, PortalRoutes.DongBoHoSoMC, badSupplement));
        Assert.Equal("ThoiDiemXuLy", await RefusedFieldAsync(portal, PortalRoutes.CapNhatTienDoHoSoMC, badStep));

        var notJson = await portal.PostAsync(PortalRoutes.DongBoHoSoMC, new StringContent("{ not json", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(400, (await notJson.ReadJsonAsync())["error_code"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_session_from_sign_in_is_accepted_and_an_unknown_one_is_refused()
    {
        var portal = Portal();
        var login = await (await portal.PostAsync(PortalRoutes.Login, null)).ReadJsonAsync();
        Assert.Equal(0, login["error_code"]!.GetValue<int>());
        Assert.Equal(3600, login["expires_in"]!.GetValue<int>());
        var code = NewCode();

        var withSession = DongBo(code, 1);
        withSession["session"] = login.Str("session");
        var withUnknownSession = DongBo(code, 2);
        withUnknownSession["session"] = "not-a-session";

        await AcceptAsync(portal, PortalRoutes.DongBoHoSoMC, withSession);
        Assert.Equal(HttpStatusCode.Unauthorized, (await portal.PostAsJsonAsync(PortalRoutes.DongBoHoSoMC, withUnknownSession)).StatusCode);
        var stored = (await GetReceivedAsync(portal, code))["items"]!.AsArray().Single()!["payload"]!.AsObject();
        Assert.False(stored.ContainsKey("session"));
    }

    [Fact]
    public async Task Down_answers_503_to_every_call_until_cleared()
    {
        var portal = Portal();
        var code = NewCode();
        try
        {
            await SetFaultsAsync(portal, new { down = true });

            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await portal.PostAsJsonAsync(PortalRoutes.DongBoHoSoMC, DongBo(code, 1))).StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await portal.PostAsJsonAsync(PortalRoutes.CapNhatTienDoHoSoMC, TienDo(code, 1))).StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await portal.PostAsync(PortalRoutes.Login, null)).StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await portal.GetAsync(PortalRoutes.Procedures)).StatusCode);
            var stillDown = await portal.GetAsync(PortalRoutes.Faults);
            Assert.Equal(HttpStatusCode.OK, stillDown.StatusCode);
            Assert.True((await stillDown.ReadJsonAsync())["down"]!.GetValue<bool>());

            await SetFaultsAsync(portal, new { down = false });

            await AcceptAsync(portal, PortalRoutes.DongBoHoSoMC, DongBo(code, 1));
        }
        finally
        {
            await SetFaultsAsync(portal, new { });
        }
    }

    [Fact]
    public async Task RejectRate_1_refuses_every_service_call_with_error_code_422_and_stores_nothing()
    {
        var portal = Portal();
        var code = NewCode();
        try
        {
            await SetFaultsAsync(portal, new { rejectRate = 1.0 });

            var response = await portal.PostAsJsonAsync(PortalRoutes.DongBoHoSoMC, DongBo(code, 1));

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var json = await response.ReadJsonAsync();
            Assert.Equal(422, json["error_code"]!.GetValue<int>());
            Assert.Equal("từ chối (giả lập)", json.Str("message"));
            Assert.Equal(HttpStatusCode.NotFound, (await portal.GetAsync(PortalRoutes.Dossier(code))).StatusCode);
        }
        finally
        {
            await SetFaultsAsync(portal, new { });
        }
        await AcceptAsync(portal, PortalRoutes.DongBoHoSoMC, DongBo(code, 1));
    }

    [Fact]
    public async Task ErrorRate_1_answers_every_service_call_503_and_stores_nothing()
    {
        var portal = Portal();
        var code = NewCode();
        try
        {
            await SetFaultsAsync(portal, new { errorRate = 1.0 });

            var dossier = await portal.PostAsJsonAsync(PortalRoutes.DongBoHoSoMC, DongBo(code, 1));
            var step = await portal.PostAsJsonAsync(PortalRoutes.CapNhatTienDoHoSoMC, TienDo(code, 1));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, dossier.StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, step.StatusCode);
            Assert.Equal(503, (await dossier.ReadJsonAsync())["error_code"]!.GetValue<int>());
            // Reads are not service calls: they still answer.
            Assert.Equal(HttpStatusCode.NotFound, (await portal.GetAsync(PortalRoutes.Dossier(code))).StatusCode);
        }
        finally
        {
            await SetFaultsAsync(portal, new { });
        }
    }

    [Fact]
    public async Task Latency_delays_service_calls_in_wall_clock_time()
    {
        var portal = Portal();
        try
        {
            await SetFaultsAsync(portal, new { latencyMs = 300 });
            var watch = Stopwatch.StartNew();

            await AcceptAsync(portal, PortalRoutes.DongBoHoSoMC, DongBo(NewCode(), 1));

            Assert.True(watch.ElapsedMilliseconds >= 290, $"took {watch.ElapsedMilliseconds} ms");
        }
        finally
        {
            await SetFaultsAsync(portal, new { });
        }
    }

    [Theory]
    [InlineData("""{ "errorRate": 1.5 }""", "errorRate")]
    [InlineData("""{ "rejectRate": -0.1 }""", "rejectRate")]
    [InlineData("""{ "latencyMs": -1 }""", "latencyMs")]
    [InlineData("""{ "down": "yes" }""", "down")]
    public async Task Faults_out_of_range_are_refused_and_change_nothing(string body, string field)
    {
        var portal = Portal();

        var response = await portal.PutAsync(PortalRoutes.Faults, new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (await response.ReadJsonAsync()).Str("field"));
        var faults = await (await portal.GetAsync(PortalRoutes.Faults)).ReadJsonAsync();
        Assert.Equal(0, faults["errorRate"]!.GetValue<double>());
        Assert.False(faults["down"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_national_catalogue_lists_every_shipped_procedure_code()
    {
        var response = await Portal().GetAsync(PortalRoutes.Procedures);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.ReadJsonAsync();
        Assert.Equal(0, json["error_code"]!.GetValue<int>());
        var codes = json["items"]!.AsArray().Select(p => p.Str("MaTTHC")).ToList();
        Assert.Contains("1.001193", codes);
        var shipped = Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "workflows"), "*.json")
            .Select(file => JsonNode.Parse(File.ReadAllText(file)).Str("procedureCode"));
        Assert.All(shipped, code => Assert.Contains(code, codes));
        Assert.All(json["items"]!.AsArray(), p => Assert.False(string.IsNullOrEmpty(p.Str("TenTTHC"))));
    }

    private HttpClient Portal()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", PortalRoutes.ApiKey);
        return client;
    }

    private static string NewCode() => $"000.00.22.H60-260302-{Guid.NewGuid():N}";

    /// <summary>A DongBoHoSoMC of a counter birth registration, as our outbox would send it.</summary>
    private static JsonObject DongBo(string code, int soThuTu, int trangThai = 2, string? idempotencyKey = null) => new()
    {
        ["MaHoSo"] = code,
        ["MaTTHC"] = "1.001193",
        ["TenTTHC"] = "Đăng ký khai sinh",
        ["MaLinhVuc"] = "LV-HOTICH",
        ["ChuHoSo"] = "Nguyễn Văn Công Dân",
        ["LoaiDoiTuong"] = 1,
        ["DinhDanhCHS"] = Demo.CitizenId,
        ["TrichYeuHoSo"] = "Đăng ký khai sinh cho con",
        ["NgayNopHoSo"] = "20260302090000",
        ["NgayTiepNhan"] = "20260302091500",
        ["NgayHenTra"] = "20260303170000",
        ["TrangThaiHoSo"] = trangThai,
        ["NgayTra"] = "",
        ["DonViXuLy"] = "UBND xã 22918",
        ["KenhThucHien"] = 1,
        ["HoSoCoThanhPhanSoHoa"] = 1,
        ["TaiLieuNop"] = new JsonArray(new JsonObject
        {
            ["TenTepDinhKem"] = "to-khai-khai-sinh.pdf",
            ["MaThanhPhanHoSo"] = "TKKS",
            ["DuocSoHoa"] = 1,
            ["DuocTaiSuDung"] = 0,
            ["DuocLayTuKhoDMQG"] = 0,
        }),
        ["DanhSachHoSoBoSung"] = new JsonArray(),
        ["DanhSachGiayToKetQua"] = new JsonArray(),
        ["IdempotencyKey"] = idempotencyKey ?? $"{code}-{soThuTu}",
        ["SoThuTu"] = soThuTu,
    };

    private static JsonObject TienDo(string code, int soThuTu, int trangThai = 4) => new()
    {
        ["MaHoSo"] = code,
        ["NguoiXuLy"] = "Trần Thị Chuyên Viên",
        ["ChucDanh"] = "Chuyên viên Tư pháp - Hộ tịch",
        ["ThoiDiemXuLy"] = "20260302100000",
        ["PhongBanXuLy"] = "Tư pháp - Hộ tịch",
        ["NoiDungXuLy"] = "Thẩm định hồ sơ",
        ["TrangThai"] = trangThai,
        ["NgayBatDau"] = "20260302091500",
        ["NgayKetThucTheoQuyDinh"] = "20260303170000",
        ["IdempotencyKey"] = $"{code}-{soThuTu}",
        ["SoThuTu"] = soThuTu,
    };

    private static async Task AcceptAsync(HttpClient portal, string route, JsonObject body)
    {
        var response = await portal.PostAsJsonAsync(route, body);
        var json = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK && json["error_code"]!.GetValue<int>() == 0 && json["duplicate"] is null,
            $"{route}: {(int)response.StatusCode} {json}");
    }

    private static async Task<string> RefusedFieldAsync(HttpClient portal, string route, JsonObject body)
    {
        var response = await portal.PostAsJsonAsync(route, body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.ReadJsonAsync()).Str("field");
    }

    private static async Task<JsonObject> GetReceivedAsync(HttpClient portal, string code)
    {
        var response = await portal.GetAsync(PortalRoutes.Dossier(code));
        var json = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {json}");
        return json;
    }

    private static async Task SetFaultsAsync(HttpClient portal, object faults)
    {
        var response = await portal.PutAsJsonAsync(PortalRoutes.Faults, faults);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
