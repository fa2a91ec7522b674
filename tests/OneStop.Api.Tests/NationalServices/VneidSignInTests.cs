using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using OneStop.Api.Tests.Citizens;
using OneStop.Api.Tests.Infrastructure;

namespace OneStop.Api.Tests.NationalServices;

/// <summary>
/// VNeID sign-in over HTTP against the mock provider (DESIGN §14): authorization code with PKCE through the standard
/// OpenID Connect handler, the citizen account created at the first sign-in, the level carried into submissions — and
/// every way a callback can be wrong refused with a clear error, creating nothing.
/// </summary>
public sealed class VneidSignInTests : IClassFixture<OneStopFactory>, IAsyncLifetime
{
    private const string Enterprise = "doanh-nghiep.dang-ky-thanh-lap-doanh-nghiep-tu-nhan";
    private readonly OneStopFactory _factory;

    public VneidSignInTests(OneStopFactory factory) => _factory = factory;

    public Task InitializeAsync() => _factory.SetNationalFaultsAsync(new { });

    public Task DisposeAsync() => _factory.SetNationalFaultsAsync(new { });

    [Fact]
    public async Task The_login_sends_the_browser_to_vneid_with_state_nonce_and_a_pkce_challenge()
    {
        var trip = await _factory.GoThroughVneidAsync(National.LevelTwo);

        Assert.Equal("/national/vneid/authorize", trip.Authorize.AbsolutePath);
        Assert.Equal(("onestop", "code", "S256"), (trip.Parameters["client_id"], trip.Parameters["response_type"], trip.Parameters["code_challenge_method"]));
        Assert.Equal("http://localhost/api/auth/vneid/callback", trip.Parameters["redirect_uri"]);
        Assert.True(trip.Parameters["code_challenge"].Length >= 43 && trip.Parameters["state"].Length > 0 && trip.Parameters["nonce"].Length > 0);
        Assert.Equal("/api/auth/vneid/callback", trip.Callback!.AbsolutePath);
        Assert.Contains("code=", trip.Callback.Query);
    }

    [Fact]
    public async Task A_level_two_citizen_signs_in_to_their_own_account_and_submits_a_procedure_that_needs_level_two()
    {
        var session = await _factory.SignInWithVneidAsync(National.LevelTwo);

        // 060095000123 is the demo citizen congdan (DESIGN §12): VNeID finds the account, it does not make a second one.
        Assert.Equal(("congdan", 2, false, "/ho-so-cua-toi"),
            (session.Str("userName"), session["vneidLevel"]!.GetValue<int>(), session["accountCreated"]!.GetValue<bool>(), session.Str("returnUrl")));
        Assert.Equal(["citizen"], session["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        var citizen = await _factory.VneidCitizenAsync(National.LevelTwo);
        var dossier = await citizen.SubmitAsync(await citizen.OnlineSubmissionAsync(Enterprise, Demo.Province, ["GDNDKDN"]));

        Assert.Equal((2, true, "congdan"), (dossier["vneidLevel"]!.GetValue<int>(), dossier["vneidVerified"]!.GetValue<bool>(),
            await _factory.QueryAsync(db => db.Dossiers.Where(d => d.Code == dossier.Str("code")).Select(d => d.OwnerUserName!).FirstAsync())));
        // The national portal hears that the account was verified with VNeID.
        var payload = await _factory.QueryAsync(db => db.Outbox.Where(o => o.DossierCode == dossier.Str("code") && o.Type == "DongBoHoSoMC").Select(o => o.Payload).FirstAsync());
        Assert.Contains("\"TaiKhoanDuocXacThucVoiVNeID\":\"1\"", payload);
        var audit = await _factory.QueryAsync(db => db.SignInAudits.Where(a => a.UserName == "congdan").OrderByDescending(a => a.Id).FirstAsync());
        Assert.Equal(("vneid", true), (audit.Reason, audit.Succeeded));
    }

    [Fact]
    public async Task A_level_one_citizen_gets_an_account_at_first_sign_in_and_is_refused_level_two_with_403()
    {
        var first = await _factory.SignInWithVneidAsync(National.LevelOne);
        var again = await _factory.SignInWithVneidAsync(National.LevelOne);
        Assert.Equal((National.LevelOne, 1), (first.Str("userName"), first["vneidLevel"]!.GetValue<int>()));
        Assert.NotEqual(first["accountCreated"]!.GetValue<bool>(), again["accountCreated"]!.GetValue<bool>());
        var account = await _factory.QueryAsync(db => db.Users.SingleAsync(u => u.PersonalId == National.LevelOne));
        Assert.Equal(("citizen", "Trần Văn Mức Một", ""), (account.Roles, account.FullName, account.PasswordHash));

        var citizen = await _factory.VneidCitizenAsync(National.LevelOne);
        var body = await citizen.OnlineSubmissionAsync(Enterprise, Demo.Province, ["GDNDKDN"], National.LevelOne, "Trần Văn Mức Một");
        var before = await _factory.SnapshotAsync();
        var refused = await citizen.PostAsJsonAsync(Routes.Dossiers, body);

        var problem = await refused.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("VNeID mức 2", problem.Str("detail"));
        Assert.Contains("mới ở mức 1", problem.Str("detail"));
        Assert.Equal(before, await _factory.SnapshotAsync());
        // A procedure that needs no level takes the same citizen, and records the level they signed in at.
        var birth = await citizen.SubmitAsync(await citizen.OnlineSubmissionAsync(CitizenClient.BirthRegistration, Demo.Commune, ["TKKS", "GCS"],
            National.LevelOne, "Trần Văn Mức Một"));
        Assert.Equal(1, birth["vneidLevel"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_password_sign_in_is_not_enough_for_a_procedure_that_needs_vneid()
    {
        var citizen = await _factory.SignInAsync("congdan");
        var response = await citizen.PostAsJsonAsync(Routes.Dossiers, await citizen.OnlineSubmissionAsync(Enterprise, Demo.Province, ["GDNDKDN"]));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("/api/auth/vneid/login", (await response.ReadJsonAsync()).Str("detail"));
    }

    [Fact]
    public async Task A_wrong_password_stays_at_vneid_and_never_comes_back_with_a_code()
    {
        var trip = await _factory.GoThroughVneidAsync(National.LevelTwo, password: "Sai@Mat0Khau");

        Assert.Null(trip.Callback);
        Assert.Equal(HttpStatusCode.Unauthorized, trip.SignInPage.StatusCode);
        Assert.Contains("không đúng", await trip.SignInPage.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("https://lua-dao.example/")]
    [InlineData("//lua-dao.example/")]
    public async Task A_return_url_outside_the_system_is_refused_before_anyone_is_sent_anywhere(string returnUrl)
    {
        var response = await _factory.Browser().GetAsync($"{National.Login}?returnUrl={Uri.EscapeDataString(returnUrl)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.ReadJsonAsync())["errors"]!["returnUrl"]);
    }

    [Fact]
    public async Task A_code_used_twice_is_refused_the_second_time_and_creates_nothing()
    {
        var trip = await _factory.GoThroughVneidAsync(National.LevelTwo);
        Assert.Equal(HttpStatusCode.OK, (await _factory.ReturnAsync(trip)).StatusCode);
        var before = await _factory.SnapshotAsync();
        var audits = await _factory.QueryAsync(db => db.SignInAudits.CountAsync());

        var replay = await _factory.ReturnAsync(trip);

        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Contains("đã được dùng", (await replay.ReadJsonAsync()).Str("detail"));
        Assert.Equal(before, await _factory.SnapshotAsync());
        Assert.Equal(audits, await _factory.QueryAsync(db => db.SignInAudits.CountAsync()));
    }

    [Theory]
    [InlineData("wrong-audience", "ứng dụng khác")]
    [InlineData("wrong-nonce", "nonce")]
    [InlineData("wrong-signature", "Chữ ký")]
    [InlineData("wrong-issuer", "iss")]
    public async Task A_spoilt_id_token_is_refused_with_401_and_no_account_is_made(string defect, string says)
    {
        await _factory.SetNationalFaultsAsync(new { idTokenDefect = defect });
        var before = await _factory.SnapshotAsync();
        var trip = await _factory.GoThroughVneidAsync(National.LevelOne);

        var answer = await _factory.ReturnAsync(trip);

        var problem = await answer.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        Assert.Contains(says, problem.Str("detail"));
        Assert.Null(problem["accessToken"]);
        Assert.Equal(before, await _factory.SnapshotAsync());
    }

    [Fact]
    public async Task A_callback_without_the_browsers_cookies_or_with_another_state_is_refused()
    {
        var trip = await _factory.GoThroughVneidAsync(National.LevelTwo);
        var before = await _factory.SnapshotAsync();

        var otherBrowser = await _factory.ReturnAsync(trip, cookies: "");
        var tampered = await _factory.ReturnAsync(trip, callback: new Uri(trip.Callback!.ToString().Replace("state=", "state=x", StringComparison.Ordinal)));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (otherBrowser.StatusCode, tampered.StatusCode));
        Assert.Contains("state", (await otherBrowser.ReadJsonAsync()).Str("detail"));
        Assert.Equal(before, await _factory.SnapshotAsync());
        // The untouched trip still works: nothing was spent by the refusals.
        Assert.Equal(HttpStatusCode.OK, (await _factory.ReturnAsync(trip)).StatusCode);
    }

    [Fact]
    public async Task When_vneid_is_down_the_sign_in_page_and_the_callback_say_so_and_nothing_is_created()
    {
        // Signed in once while VNeID was up: OneStop knows its discovery document and keys.
        await _factory.SignInWithVneidAsync(National.LevelTwo);
        var trip = await _factory.GoThroughVneidAsync(National.LevelTwo);
        await _factory.SetNationalFaultsAsync(new { down = true, services = new[] { "vneid" } });
        var before = await _factory.SnapshotAsync();

        var page = await _factory.Browser().GetAsync(trip.Authorize.PathAndQuery);
        var callback = await _factory.ReturnAsync(trip);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, callback.StatusCode);
        Assert.Contains("VNeID tạm thời không phục vụ", (await callback.ReadJsonAsync()).Str("detail"));
        Assert.NotNull(callback.Headers.RetryAfter);
        Assert.Equal(before, await _factory.SnapshotAsync());
    }
}

/// <summary>The mock provider itself refuses what a real one would, before any sign-in happens.</summary>
public sealed class MockVneidProviderTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    [Fact]
    public async Task An_unregistered_redirect_uri_or_client_gets_an_error_page_and_no_redirect()
    {
        var browser = factory.Browser();
        const string Pkce = "code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256";

        var foreign = await browser.GetAsync($"/national/vneid/authorize?client_id=onestop&response_type=code&scope=openid&state=s&{Pkce}" +
            "&redirect_uri=" + Uri.EscapeDataString("https://lua-dao.example/lay-ma"));
        var unknown = await browser.GetAsync($"/national/vneid/authorize?client_id=ung-dung-la&response_type=code&scope=openid&state=s&{Pkce}" +
            "&redirect_uri=" + Uri.EscapeDataString("http://localhost/api/auth/vneid/callback"));
        var noPkce = await browser.GetAsync("/national/vneid/authorize?client_id=onestop&response_type=code&scope=openid&state=s" +
            "&redirect_uri=" + Uri.EscapeDataString("http://localhost/api/auth/vneid/callback"));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (foreign.StatusCode, unknown.StatusCode));
        Assert.Contains("chưa được đăng ký", await foreign.Content.ReadAsStringAsync());
        // A known client and address, without PKCE: told so at its own redirect URI, as OAuth 2.0 says.
        Assert.Equal(HttpStatusCode.Redirect, noPkce.StatusCode);
        Assert.Contains("error=invalid_request", noPkce.Headers.Location!.Query);
    }
}
