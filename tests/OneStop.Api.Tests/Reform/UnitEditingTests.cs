using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OneStop.Api.Tests.Infrastructure;

namespace OneStop.Api.Tests.Reform;

/// <summary>
/// Units a province can run (DESIGN §3): an admin creates, renames and re-parents units and loads a province's whole
/// list in one request; a loaded unit is usable at once — officers are created at it and it receives dossiers.
/// </summary>
public sealed class UnitEditingTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    [Fact]
    public async Task A_province_list_loads_in_one_request_and_loading_it_again_updates_instead_of_duplicating()
    {
        var admin = await factory.SignInAsync("admin");
        object List(string wardName) => new
        {
            units = new object[]
            {
                // Children may come before their parent: the list is checked as a whole.
                new { code = "96001", name = wardName, level = "commune", parentCode = "96" },
                new { code = "96002", name = "UBND xã Hai", level = "commune", parentCode = "96", agencyCode = "000.02.01.H96" },
                new { code = "96", name = "UBND tỉnh thử nghiệm", level = "province" },
                new { code = "96.STC", name = "Sở Tài chính tỉnh thử nghiệm", level = "province", kind = "agency", parentCode = "96" },
                new { code = "96001.CA", name = "Công an phường Một", level = "commune", kind = "agency", parentCode = "96001" },
            },
        };

        var first = await admin.PostAsJsonAsync("/api/units/import", List("UBND phường Một"));
        var loaded = await first.ReadJsonAsync();
        Assert.True(first.StatusCode == HttpStatusCode.OK, loaded.ToJsonString());
        Assert.Equal((5, 0), (loaded["created"]!.GetValue<int>(), loaded["updated"]!.GetValue<int>()));

        var again = await (await admin.PostAsJsonAsync("/api/units/import", List("UBND phường Một (đổi tên)"))).ReadJsonAsync();
        Assert.Equal((0, 5), (again["created"]!.GetValue<int>(), again["updated"]!.GetValue<int>()));

        var province = await (await factory.CreateClient().GetAsync(Routes.Unit("96"))).ReadJsonAsync();
        Assert.Equal(["96.STC", "96001", "96002"], province["childCodes"]!.AsArray().Select(c => c!.GetValue<string>()));
        var ward = await (await factory.CreateClient().GetAsync(Routes.Unit("96001"))).ReadJsonAsync();
        Assert.Equal(("UBND phường Một (đổi tên)", "96001", "committee"), (ward.Str("name"), ward.Str("agencyCode"), ward.Str("kind")));
        Assert.Equal("agency", (await (await factory.CreateClient().GetAsync(Routes.Unit("96001.CA"))).ReadJsonAsync()).Str("kind"));

        // The loaded ward works at once: a counter officer is created there and receives a birth registration.
        var created = await admin.PostAsJsonAsync("/api/admin/users",
            new { userName = "tiepnhan.96001", fullName = "Cán bộ một cửa phường Một", password = "PhuongMot@2026", roles = new[] { "reception" }, unitCode = "96001" });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var reception = await factory.SignInAsync("tiepnhan.96001", "PhuongMot@2026");
        var submitted = await reception.SubmitAsync(ApiClient.CounterSubmission("ho-tich.dang-ky-khai-sinh", "96001", ["TKKS", "GCS"]));
        Assert.StartsWith("96001-", submitted.Str("code"));
        Assert.Equal("Received", (await reception.ActAsync(submitted.Str("code"), "receive")).Str("status"));
    }

    [Fact]
    public async Task A_unit_is_created_renamed_and_re_parented_and_its_code_and_level_stay()
    {
        var admin = await factory.SignInAsync("admin");
        var created = await admin.PostAsJsonAsync(Routes.Units, new { code = "60.TTPVHCC", name = "Trung tâm PVHCC", level = "province", kind = "centre", parentCode = "60" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/units/60.TTPVHCC", created.Headers.Location?.ToString());

        var renamed = await admin.PutAsJsonAsync(Routes.Unit("60.TTPVHCC"), new { name = "Trung tâm Phục vụ hành chính công tỉnh" });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var renamedUnit = await renamed.ReadJsonAsync();
        Assert.Equal(("Trung tâm Phục vụ hành chính công tỉnh", "60", "centre"), (renamedUnit.Str("name"), renamedUnit.Str("parentCode"), renamedUnit.Str("kind")));

        // A ward re-parented under the province directly, as after its district's end.
        var moved = await admin.PutAsJsonAsync(Routes.Unit("22915"), new { parentCode = "60" });
        var movedUnit = await moved.ReadJsonAsync();
        Assert.Equal(("22915", "60"), (movedUnit.Str("code"), movedUnit.Str("parentCode")));

        var before = await factory.SnapshotAsync();
        var newCode = await admin.PutAsJsonAsync(Routes.Unit("22915"), new { code = "22916" });
        var newLevel = await admin.PutAsJsonAsync(Routes.Unit("22915"), new { level = "district" });
        var duplicate = await admin.PostAsJsonAsync(Routes.Units, new { code = "22915", name = "Trùng", level = "commune", parentCode = "60" });
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "code"), (newCode.StatusCode, Field(await newCode.ReadJsonAsync())));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "level"), (newLevel.StatusCode, Field(await newLevel.ReadJsonAsync())));
        Assert.Equal((HttpStatusCode.Conflict, "code"), (duplicate.StatusCode, Field(await duplicate.ReadJsonAsync())));
        Assert.Equal(before, await factory.SnapshotAsync());
    }

    private static string Field(JsonObject problem) => problem["errors"]!.AsObject().Single().Key;
}

/// <summary>
/// The demo data of DESIGN §12 as revised: the three-level province 60 stays, with its agencies (60.SXD, 60.PCCC, 60.STC
/// and the ward police 22918.CA) and their counter, specialist and leader accounts; and a second province in its
/// two-tier shape — Cao Bằng (04): the province and its 56 communes and wards, no district — with tiepnhan.xa2,
/// chuyenvien.xa2 and lanhdao.xa2 at ward Thục Phán (01273).
/// </summary>
public sealed class SecondProvinceDemoTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    [Fact]
    public async Task Cao_Bang_runs_in_two_tiers_with_its_56_communes_departments_and_counters()
    {
        var units = (await (await factory.CreateClient().GetAsync(Routes.Units)).ReadJsonAsync())["items"]!.AsArray()
            .ToDictionary(u => u.Str("code"), u => u!.AsObject());

        var province = units["04"];
        Assert.Equal(("UBND tỉnh Cao Bằng", "province"), (province.Str("name"), province.Str("level")));
        var communes = units.Values.Where(u => u.Str("level") == "commune" && u["parentCode"]?.GetValue<string>() == "04").ToList();
        Assert.Equal(56, communes.Count);
        Assert.Equal(3, communes.Count(c => c.Str("name").StartsWith("UBND phường", StringComparison.Ordinal)));
        Assert.Equal("UBND phường Thục Phán", units["01273"].Str("name"));
        Assert.Equal("UBND xã Quang Long", units["01552"].Str("name"));
        Assert.DoesNotContain(units.Values, u => u.Str("level") == "district" && (u["parentCode"]?.GetValue<string>() == "04"));
        Assert.Equal(("agency", "agency", "centre"), (units["04.STC"].Str("kind"), units["01273.CA"].Str("kind"), units["04.TTPVHCC"].Str("kind")));
        // The three-level demo stays beside it.
        Assert.Equal(("district", "60"), (units["593"].Str("level"), units["593"].Str("parentCode")));
    }

    [Theory]
    [InlineData("tiepnhan.xa2", "reception", "01273")]
    [InlineData("chuyenvien.xa2", "specialist", "01273")]
    [InlineData("lanhdao.xa2", "leader", "01273")]
    [InlineData("chuyenvien.22918.ca", "specialist", "22918.CA")]
    [InlineData("tiepnhan.60.stc", "reception", "60.STC")]
    [InlineData("lanhdao.04.stc", "leader", "04.STC")]
    [InlineData("tiepnhan.01273.ca", "reception", "01273.CA")]
    public async Task Every_demo_account_signs_in_at_its_unit(string userName, string role, string unit)
    {
        var response = await factory.CreateClient().PostAsJsonAsync(Routes.Token, new { username = userName, password = Demo.Password });

        var token = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, token.ToJsonString());
        Assert.Equal(unit, token.Str("unitCode"));
        Assert.Contains(role, token["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public async Task A_ward_of_the_two_tier_province_receives_and_returns_a_birth_registration_same_day()
    {
        var reception = await factory.SignInAsync("tiepnhan.xa2");
        var code = (await reception.SubmitAsync(ApiClient.CounterSubmission("ho-tich.dang-ky-khai-sinh", "01273", ["TKKS", "GCS"], idNumber: "004095000123"))).Str("code");
        var received = await reception.ActAsync(code, "receive");
        Assert.Equal("2026-03-02T17:00:00+07:00", received.Str("dueDate"));
        await (await factory.SignInAsync("chuyenvien.xa2")).ActAsync(code, "forward");
        await (await factory.SignInAsync("lanhdao.xa2")).ActAsync(code, "approve");
        await reception.ActAsync(code, "resolve", new { comment = "Đã ký." });
        Assert.Equal("Returned", (await reception.ActAsync(code, "return-result")).Str("status"));
    }
}
