using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OneStop.Api.Features.Admin.Users;
using OneStop.Api.Tests.Infrastructure;

namespace OneStop.Api.Tests.Identity;

/// <summary>Administrators create officers and citizens and give them a unit and roles; bad input changes nothing.</summary>
public sealed class AdminUsersTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    private const string StrongPassword = "Phuong@2026x";

    private static object Officer(string userName, string role, string? unitCode, string password = StrongPassword) =>
        new { userName, fullName = "Ngô Thị Mới", password, roles = new[] { role }, unitCode };

    private async Task<HttpResponseMessage> CreateAsync(object body) =>
        await (await factory.SignInAsync("admin")).PostAsJsonAsync(AdminUsersEndpoints.UsersPath, body);

    /// <summary>Sends a request that must be refused, and checks that no account was added or changed.</summary>
    private async Task<JsonObject> RefusedAsync(Func<Task<HttpResponseMessage>> send, HttpStatusCode expected)
    {
        var users = await factory.QueryAsync(db => db.Users.AsNoTracking().OrderBy(u => u.UserName)
            .Select(u => u.UserName + "|" + u.FullName + "|" + u.Roles + "|" + u.UnitCode + "|" + u.PasswordHash).ToListAsync());
        var snapshot = await factory.SnapshotAsync();

        var response = await send();

        var problem = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} {problem}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(users, await factory.QueryAsync(db => db.Users.AsNoTracking().OrderBy(u => u.UserName)
            .Select(u => u.UserName + "|" + u.FullName + "|" + u.Roles + "|" + u.UnitCode + "|" + u.PasswordHash).ToListAsync()));
        Assert.Equal(snapshot, await factory.SnapshotAsync());
        return problem;
    }

    [Fact]
    public async Task An_officer_created_at_the_district_signs_in_and_sees_an_empty_queue()
    {
        var response = await CreateAsync(Officer("chuyenvien2.huyen", "specialist", Demo.District));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"{AdminUsersEndpoints.UsersPath}/chuyenvien2.huyen", response.Headers.Location?.OriginalString);
        var created = await response.ReadJsonAsync();
        Assert.Equal(["specialist"], created["roles"].Strings());
        Assert.Equal(Demo.District, created.Str("unitCode"));
        // Neither the password nor its hash, under any name (the account's flags, e.g. mustChangePassword, may say "password").
        var storedHash = await factory.QueryAsync(db => db.Users.Where(u => u.UserName == "chuyenvien2.huyen").Select(u => u.PasswordHash).SingleAsync());
        Assert.DoesNotContain(StrongPassword, created.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(storedHash, created.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(created, p => p.Key.Equals("password", StringComparison.OrdinalIgnoreCase) || p.Key.Contains("hash", StringComparison.OrdinalIgnoreCase));

        var token = await (await factory.RequestTokenAsync("chuyenvien2.huyen", StrongPassword)).ReadJsonAsync();
        Assert.Equal(["specialist"], token["roles"].Strings());
        Assert.Equal(Demo.District, token.Str("unitCode"));
        var officer = factory.CreateClient();
        officer.DefaultRequestHeaders.Authorization = new("Bearer", token.Str("accessToken"));
        var queue = await officer.GetAsync(Routes.Dossiers);
        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
        var page = await queue.ReadJsonAsync();
        Assert.Empty(page["items"]!.AsArray());
        Assert.Equal(0, page["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_password_is_stored_as_an_Identity_hash()
    {
        Assert.Equal(HttpStatusCode.Created, (await CreateAsync(Officer("tiepnhan2.xa", "reception", Demo.Commune))).StatusCode);

        var hash = await factory.QueryAsync(db => db.Users.Where(u => u.UserName == "tiepnhan2.xa").Select(u => u.PasswordHash).SingleAsync());

        Assert.DoesNotContain(StrongPassword, hash);
        Assert.Equal(1, Convert.FromBase64String(hash)[0]); // format marker of PasswordHasher V3 (PBKDF2)
    }

    [Fact]
    public async Task A_citizen_account_needs_a_valid_personal_id_and_signs_in_as_a_citizen()
    {
        var response = await CreateAsync(new
        {
            userName = "congdan2", fullName = "Trần Thị Hai", password = StrongPassword, roles = new[] { "citizen" },
            personalId = "060195000456",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var token = await (await factory.RequestTokenAsync("congdan2", StrongPassword)).ReadJsonAsync();
        Assert.Equal(["citizen"], token["roles"].Strings());
        Assert.Equal("060195000456", IdentityClient.TokenPayload(token.Str("accessToken")).Str("personal_id"));
    }

    [Fact]
    public async Task A_second_admin_needs_no_unit()
    {
        var response = await CreateAsync(new { userName = "quantri2", fullName = "Quản trị 2", password = StrongPassword, roles = new[] { "admin" } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Null((await response.ReadJsonAsync())["unitCode"]);
        // With another admin left, the admin role may be taken away (and this class keeps a single admin).
        var demoted = await (await factory.SignInAsync("admin")).PutAsJsonAsync($"{AdminUsersEndpoints.UsersPath}/quantri2", new { roles = new[] { "leader" }, unitCode = Demo.Province });
        Assert.Equal(HttpStatusCode.OK, demoted.StatusCode);
    }

    public static TheoryData<string> WeakPasswords() => new()
    {
        "Ngan@1",          // too short
        "khonghoa@2026",   // no upper case
        "KHONGTHUONG@2026",// no lower case
        "KhongSo@abcd",    // no digit
        "KhongKyTu2026",   // letters and digits only
    };

    [Theory]
    [MemberData(nameof(WeakPasswords))]
    public async Task A_weak_password_is_a_400_naming_password(string password)
    {
        var problem = await RefusedAsync(() => CreateAsync(Officer("yeu.xa", "reception", Demo.Commune, password)), HttpStatusCode.BadRequest);

        Assert.Equal(["password"], problem.ErrorKeys());
        Assert.All(problem["errors"]!["password"].Strings(), message => Assert.StartsWith("Mật khẩu phải", message));
    }

    [Theory]
    [InlineData("99999")]
    [InlineData("khong-co")]
    public async Task An_unknown_unit_is_a_422_naming_unitCode(string unitCode)
    {
        var problem = await RefusedAsync(() => CreateAsync(Officer("moi.xa", "specialist", unitCode)), HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["unitCode"], problem.ErrorKeys());
        Assert.Contains(unitCode, problem.Str("detail"));
    }

    [Theory]
    [InlineData("000095000123")]  // no such province code
    [InlineData("0600950001234")] // 13 digits
    [InlineData("06009500012")]   // 11 digits
    [InlineData("060395000123")]  // born in 2095
    [InlineData("06009500012A")]
    public async Task An_invalid_personal_id_is_a_400_naming_personalId(string personalId)
    {
        var problem = await RefusedAsync(() => CreateAsync(new
        {
            userName = "congdan.sai", fullName = "Sai Số", password = StrongPassword, roles = new[] { "citizen" }, personalId,
        }), HttpStatusCode.BadRequest);

        Assert.Equal(["personalId"], problem.ErrorKeys());
    }

    [Fact]
    public async Task A_citizen_without_a_personal_id_is_a_400()
    {
        var problem = await RefusedAsync(() => CreateAsync(new
        {
            userName = "congdan.thieu", fullName = "Thiếu Số", password = StrongPassword, roles = new[] { "citizen" },
        }), HttpStatusCode.BadRequest);

        Assert.Equal(["personalId"], problem.ErrorKeys());
    }

    [Fact]
    public async Task A_second_account_for_the_same_personal_id_is_a_409()
    {
        var problem = await RefusedAsync(() => CreateAsync(new
        {
            userName = "congdan.trung", fullName = "Trùng Số", password = StrongPassword, roles = new[] { "citizen" },
            personalId = Demo.CitizenId,
        }), HttpStatusCode.Conflict);

        Assert.Equal(["personalId"], problem.ErrorKeys());
    }

    [Theory]
    [InlineData("tiepnhan.xa")]
    [InlineData("lanhdao.tinh")] // was "admin", which issue 15 reserves: see A_reserved_user_name_is_refused_naming_userName
    public async Task A_taken_user_name_is_a_409_naming_userName(string userName)
    {
        var problem = await RefusedAsync(() => CreateAsync(Officer(userName, "leader", Demo.Province)), HttpStatusCode.Conflict);

        Assert.Equal(["userName"], problem.ErrorKeys());
    }

    [Theory]
    [InlineData("system")]  // the actor of automatic actions and the uploader of issued results
    [InlineData("admin")]
    [InlineData("root")]
    [InlineData("anonymous")]
    public async Task A_reserved_user_name_is_refused_naming_userName(string userName)
    {
        var problem = await RefusedAsync(() => CreateAsync(Officer(userName, "leader", Demo.Province)), HttpStatusCode.BadRequest);

        Assert.Equal(["userName"], problem.ErrorKeys());
        Assert.Contains("dành riêng", problem["errors"]!["userName"]![0]!.GetValue<string>());
    }

    public static TheoryData<object, string> Malformed() => new()
    {
        { new { userName = "", fullName = "A", password = StrongPassword, roles = new[] { "leader" }, unitCode = "60" }, "userName" },
        { new { userName = "Co Dau", fullName = "A", password = StrongPassword, roles = new[] { "leader" }, unitCode = "60" }, "userName" },
        { new { userName = "moi.tinh", fullName = " ", password = StrongPassword, roles = new[] { "leader" }, unitCode = "60" }, "fullName" },
        { new { userName = "moi.tinh", fullName = "A", password = StrongPassword, roles = Array.Empty<string>(), unitCode = "60" }, "roles" },
        { new { userName = "moi.tinh", fullName = "A", password = StrongPassword, roles = new[] { "giamdoc" }, unitCode = "60" }, "roles" },
        { new { userName = "moi.tinh", fullName = "A", password = StrongPassword, roles = new[] { "citizen", "leader" }, unitCode = "60", personalId = "060195000789" }, "roles" },
        { new { userName = "moi.tinh", fullName = "A", password = StrongPassword, roles = new[] { "leader" } }, "unitCode" },
        { new { userName = "moi.tinh", fullName = "A", password = StrongPassword, roles = new[] { "admin" }, unitCode = "60" }, "unitCode" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task Malformed_requests_are_400s_naming_the_field(object body, string field)
    {
        var problem = await RefusedAsync(() => CreateAsync(body), HttpStatusCode.BadRequest);

        Assert.Contains(field, problem.ErrorKeys());
    }

    [Fact]
    public async Task The_list_filters_by_unit_and_role_and_never_shows_hashes()
    {
        var admin = await factory.SignInAsync("admin");

        var district = await (await admin.GetAsync($"{AdminUsersEndpoints.UsersPath}?unit={Demo.District}")).ReadJsonAsync();
        var leaders = await (await admin.GetAsync($"{AdminUsersEndpoints.UsersPath}?role=leader&pageSize=100")).ReadJsonAsync();

        var districtNames = district["items"]!.AsArray().Select(u => u.Str("userName")).ToList();
        Assert.Subset(districtNames.ToHashSet(), new HashSet<string> { "tiepnhan.huyen", "chuyenvien.huyen", "lanhdao.huyen" });
        Assert.All(district["items"]!.AsArray(), u => Assert.Equal(Demo.District, u.Str("unitCode")));
        Assert.Subset(leaders["items"]!.AsArray().Select(u => u.Str("userName")).ToHashSet(), new HashSet<string> { "lanhdao.xa", "lanhdao.huyen", "lanhdao.tinh" });
        Assert.All(leaders["items"]!.AsArray(), u => Assert.Contains("leader", u!["roles"].Strings()));
        Assert.DoesNotContain("hash", district.ToJsonString() + leaders.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync($"{AdminUsersEndpoints.UsersPath}?role=giamdoc")).StatusCode);
    }

    [Fact]
    public async Task An_admin_moves_an_officer_to_another_unit_and_role()
    {
        Assert.Equal(HttpStatusCode.Created, (await CreateAsync(Officer("canbo.luanchuyen", "reception", Demo.Commune))).StatusCode);
        var admin = await factory.SignInAsync("admin");

        var response = await admin.PutAsJsonAsync($"{AdminUsersEndpoints.UsersPath}/canbo.luanchuyen",
            new { roles = new[] { "leader", "specialist" }, unitCode = Demo.Province, fullName = "Ngô Thị Luân Chuyển" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var updated = await response.ReadJsonAsync();
        Assert.Equal(["specialist", "leader"], updated["roles"].Strings());
        Assert.Equal("Ngô Thị Luân Chuyển", updated.Str("fullName"));
        var token = await (await factory.RequestTokenAsync("canbo.luanchuyen", StrongPassword)).ReadJsonAsync();
        Assert.Equal(["leader", "specialist"], token["roles"].Strings());
        Assert.Equal(Demo.Province, token.Str("unitCode"));
    }

    [Fact]
    public async Task Updates_that_break_the_rules_change_nothing()
    {
        Assert.Equal(HttpStatusCode.Created, (await CreateAsync(Officer("canbo.giu", "specialist", Demo.Commune))).StatusCode);
        var admin = await factory.SignInAsync("admin");
        Task<HttpResponseMessage> Put(string user, object body) => admin.PutAsJsonAsync($"{AdminUsersEndpoints.UsersPath}/{user}", body);

        Assert.Equal(["unitCode"], (await RefusedAsync(() => Put("canbo.giu", new { unitCode = "99999" }), HttpStatusCode.UnprocessableEntity)).ErrorKeys());
        Assert.Equal(["unitCode"], (await RefusedAsync(() => Put("canbo.giu", new { roles = new[] { "admin" }, unitCode = Demo.Commune }), HttpStatusCode.UnprocessableEntity)).ErrorKeys());
        Assert.Equal(["roles"], (await RefusedAsync(() => Put("canbo.giu", new { roles = new[] { "citizen" } }), HttpStatusCode.UnprocessableEntity)).ErrorKeys());
        Assert.Equal(["unitCode"], (await RefusedAsync(() => Put("congdan", new { unitCode = Demo.Commune }), HttpStatusCode.UnprocessableEntity)).ErrorKeys());
        await RefusedAsync(() => Put("canbo.giu", new { roles = new[] { "thuky" } }), HttpStatusCode.BadRequest);
        await RefusedAsync(() => Put("canbo.giu", new { }), HttpStatusCode.BadRequest);
        await RefusedAsync(() => Put("khong.co", new { fullName = "Ai Đó" }), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_last_admin_cannot_lose_the_admin_role()
    {
        Assert.Equal(1, await factory.QueryAsync(db => db.Users.CountAsync(u => u.Roles.Contains("admin"))));
        var admin = await factory.SignInAsync("admin");

        await RefusedAsync(() => admin.PutAsJsonAsync($"{AdminUsersEndpoints.UsersPath}/admin", new { roles = new[] { "leader" }, unitCode = Demo.Province }),
            HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("tiepnhan.xa")]
    [InlineData("chuyenvien.huyen")]
    [InlineData("lanhdao.tinh")]
    [InlineData("congdan")]
    public async Task Only_an_admin_manages_accounts(string userName)
    {
        var client = await factory.SignInAsync(userName);
        var users = AdminUsersEndpoints.UsersPath;

        await RefusedAsync(() => client.PostAsJsonAsync(users, Officer("leo.thang", "admin", null)), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(users)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"{users}/admin")).StatusCode);
        await RefusedAsync(() => client.PutAsJsonAsync($"{users}/{userName}", new { roles = new[] { "admin" } }), HttpStatusCode.Forbidden);
        await RefusedAsync(() => client.PostAsync($"{users}/{userName}/unlock", null), HttpStatusCode.Forbidden);
        await RefusedAsync(() => factory.CreateClient().PostAsJsonAsync(users, Officer("vo.danh", "admin", null)), HttpStatusCode.Unauthorized);
    }
}
