using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OneStop.Api.Features.Admin.Users;
using OneStop.Api.Features.Me;
using OneStop.Api.Tests.Infrastructure;
using OneStop.Infrastructure.Audit;

namespace OneStop.Api.Tests.Identity;

/// <summary>
/// Disable, enable, reset and change a password (DESIGN §10, issue 15), each audited. Every test works on accounts
/// of its own, so the tests share one host.
/// </summary>
public sealed class AccountLifecycleTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    private const string Password = "Ban@Dau2026x";
    private const string NewPassword = "Moi@Hon2026y";

    private async Task<string> CreateOfficerAsync(string prefix)
    {
        var userName = $"{prefix}.{Guid.NewGuid():N}"[..24];
        var admin = await factory.SignInAsync("admin");
        var created = await admin.PostAsJsonAsync(AdminUsersEndpoints.UsersPath,
            new { userName, fullName = "Phan Văn Thử", password = Password, roles = new[] { "specialist" }, unitCode = Demo.Commune });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return userName;
    }

    private static HttpClient WithToken(HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<HttpClient> SessionAsync(string userName, string password)
    {
        var response = await factory.RequestTokenAsync(userName, password);
        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {body}");
        return WithToken(factory.CreateClient(), body.Str("accessToken"));
    }

    private async Task<HttpResponseMessage> AdminPostAsync(string path, object? body = null) =>
        await (await factory.SignInAsync("admin")).PostAsync(path, body is null ? null : JsonContent.Create(body));

    private Task<List<AuditRecord>> AuditAsync(string subject) =>
        factory.QueryAsync(db => db.AuditRecords.Where(a => a.Subject == subject).OrderBy(a => a.Id).ToListAsync());

    private static string Users(string userName, string action) => $"{AdminUsersEndpoints.UsersPath}/{userName}/{action}";

    [Fact]
    public async Task A_disabled_officers_token_stops_working_at_once_and_enabling_needs_a_new_sign_in()
    {
        var officer = await CreateOfficerAsync("tat");
        var session = await SessionAsync(officer, Password);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync(Routes.Dossiers)).StatusCode);

        var disabled = await AdminPostAsync(Users(officer, "disable"), new { reason = "Nghỉ việc từ 01/03/2026" });
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.True((await disabled.ReadJsonAsync())["disabled"]!.GetValue<bool>());

        // The very next request with the old token: 401 saying why, not the queue.
        var refused = await session.GetAsync(Routes.Dossiers);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("vô hiệu hóa", (await refused.ReadJsonAsync()).Str("detail"));
        var signIn = await factory.RequestTokenAsync(officer, Password);
        Assert.Equal(HttpStatusCode.Forbidden, signIn.StatusCode);
        Assert.Null((await signIn.ReadJsonAsync())["accessToken"]);

        Assert.Equal(HttpStatusCode.OK, (await AdminPostAsync(Users(officer, "enable"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync(Routes.Dossiers)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await SessionAsync(officer, Password)).GetAsync(Routes.Dossiers)).StatusCode);

        var audit = await AuditAsync(officer);
        Assert.Equal([AuditActions.AccountCreated, AuditActions.AccountDisabled, AuditActions.AccountEnabled], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal("admin", a.Actor));
        Assert.Equal("Nghỉ việc từ 01/03/2026", audit[1].Detail);
        Assert.Equal(OneStopFactory.DefaultStart.UtcDateTime, audit[1].At);
    }

    [Fact]
    public async Task An_admin_cannot_disable_themselves_and_an_unknown_account_is_a_404()
    {
        var admin = await factory.SignInAsync("admin");

        var self = await admin.PostAsync(Users("admin", "disable"), null);
        Assert.Equal(HttpStatusCode.Conflict, self.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync(Users("khong.co.ai", "disable"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync(Users("khong.co.ai", "reset-password"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(Routes.Units)).StatusCode);
    }

    [Fact]
    public async Task A_reset_password_signs_in_once_to_choose_a_new_one_and_is_refused_the_second_time()
    {
        var officer = await CreateOfficerAsync("cap");
        var oldSession = await SessionAsync(officer, Password);

        var reset = await AdminPostAsync(Users(officer, "reset-password"));
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal("no-store", reset.Headers.CacheControl?.ToString());
        var issued = await reset.ReadJsonAsync();
        var temporary = issued.Str("temporaryPassword");
        Assert.True(temporary.Length >= 16);
        // 72 hours from Monday 02/03/2026 09:00 (Vietnam): Thursday 05/03/2026 09:00.
        Assert.Equal(new DateTimeOffset(2026, 3, 5, 9, 0, 0, TimeSpan.FromHours(7)), issued["expiresAt"]!.GetValue<DateTimeOffset>());

        // The old password and the old token stop working at once.
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.RequestTokenAsync(officer, Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await oldSession.GetAsync(Routes.Dossiers)).StatusCode);

        // First use: no session, a password-change token.
        var first = await factory.RequestTokenAsync(officer, temporary);
        Assert.Equal(HttpStatusCode.Forbidden, first.StatusCode);
        var required = await first.ReadJsonAsync();
        Assert.Equal("password-change-required", required.Str("code"));
        Assert.Null(required["accessToken"]);
        Assert.Equal(900, required["expiresIn"]!.GetValue<int>());
        var changeOnly = WithToken(factory.CreateClient(), required.Str("passwordChangeToken"));
        var elsewhere = await changeOnly.GetAsync(Routes.Dossiers);
        Assert.Equal(HttpStatusCode.Unauthorized, elsewhere.StatusCode);
        Assert.Contains("phải đổi mật khẩu", (await elsewhere.ReadJsonAsync()).Str("detail"));

        // Second use of the same temporary password: refused.
        var second = await factory.RequestTokenAsync(officer, temporary);
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        Assert.Contains("chỉ dùng được một lần", (await second.ReadJsonAsync()).Str("detail"));

        var changed = await changeOnly.PostAsJsonAsync(MeEndpoints.PasswordPath, new { currentPassword = temporary, newPassword = NewPassword });
        var session = await changed.ReadJsonAsync();
        Assert.True(changed.StatusCode == HttpStatusCode.OK, $"{(int)changed.StatusCode} {session}");
        Assert.Equal(["specialist"], session["roles"].Strings());
        Assert.Equal(HttpStatusCode.OK, (await WithToken(factory.CreateClient(), session.Str("accessToken")).GetAsync(Routes.Dossiers)).StatusCode);

        // After the change: the temporary password is dead for good, the change token too, the new password works.
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.RequestTokenAsync(officer, temporary)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await changeOnly.PostAsJsonAsync(MeEndpoints.PasswordPath, new { currentPassword = NewPassword, newPassword = "Lan@Thu2026z" })).StatusCode);
        await SessionAsync(officer, NewPassword);

        Assert.Equal([AuditActions.AccountCreated, AuditActions.PasswordReset, AuditActions.PasswordChanged], (await AuditAsync(officer)).Select(a => a.Action));
        Assert.Equal(officer, (await AuditAsync(officer))[^1].Actor);
    }

    [Fact]
    public async Task Parallel_sign_ins_with_one_temporary_password_get_one_change_token_between_them()
    {
        var officer = await CreateOfficerAsync("song");
        var temporary = (await (await AdminPostAsync(Users(officer, "reset-password"))).ReadJsonAsync()).Str("temporaryPassword");

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => factory.RequestTokenAsync(officer, temporary)));

        // One claims it; the others are refused — as used (401), or, once their refused uses reach the lockout limit, locked (429).
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Forbidden);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Forbidden),
            r => Assert.True(r.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.TooManyRequests, $"{(int)r.StatusCode}"));
        foreach (var response in responses)
            Assert.Null((await response.ReadJsonAsync())["accessToken"]);
    }

    [Fact]
    public async Task An_unused_temporary_password_expires_after_72_hours()
    {
        using var host = new OneStopFactory();
        var admin = await host.SignInAsync("admin");
        var temporary = (await (await admin.PostAsync(Users("chuyenvien.huyen", "reset-password"), null)).ReadJsonAsync()).Str("temporaryPassword");

        host.Clock.Advance(TimeSpan.FromHours(72));
        var expired = await host.RequestTokenAsync("chuyenvien.huyen", temporary);

        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Contains("hết hạn", (await expired.ReadJsonAsync()).Str("detail"));
    }

    [Fact]
    public async Task An_officer_changes_their_own_password_and_every_older_token_stops()
    {
        var officer = await CreateOfficerAsync("doi");
        var session = await SessionAsync(officer, Password);
        var other = await SessionAsync(officer, Password);
        async Task<(HttpStatusCode Status, JsonObject Body)> Change(object body)
        {
            var response = await session.PostAsJsonAsync(MeEndpoints.PasswordPath, body);
            return (response.StatusCode, await response.ReadJsonAsync());
        }

        var wrong = await Change(new { currentPassword = "Sai@Roi2026", newPassword = NewPassword });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.Status);
        Assert.Equal(["currentPassword"], wrong.Body.ErrorKeys());
        var weak = await Change(new { currentPassword = Password, newPassword = "ngan" });
        Assert.Equal(HttpStatusCode.BadRequest, weak.Status);
        Assert.Equal(["newPassword"], weak.Body.ErrorKeys());
        var same = await Change(new { currentPassword = Password, newPassword = Password });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, same.Status);
        Assert.Equal(["newPassword"], same.Body.ErrorKeys());
        await SessionAsync(officer, Password);

        var done = await Change(new { currentPassword = Password, newPassword = NewPassword });
        Assert.Equal(HttpStatusCode.OK, done.Status);
        Assert.Equal(HttpStatusCode.OK, (await WithToken(factory.CreateClient(), done.Body.Str("accessToken")).GetAsync(Routes.Dossiers)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync(Routes.Dossiers)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync(Routes.Dossiers)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.RequestTokenAsync(officer, Password)).StatusCode);
        await SessionAsync(officer, NewPassword);
    }

    [Fact]
    public async Task Wrong_current_passwords_count_toward_the_lockout()
    {
        var officer = await CreateOfficerAsync("khoa");
        var session = await SessionAsync(officer, Password);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
            statuses.Add((await session.PostAsJsonAsync(MeEndpoints.PasswordPath, new { currentPassword = "Sai@Roi2026", newPassword = NewPassword })).StatusCode);

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.UnprocessableEntity, 4), HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await factory.RequestTokenAsync(officer, Password)).StatusCode);
    }

    [Fact]
    public async Task The_audit_log_is_for_admins_and_says_who_did_what_to_whom_and_when()
    {
        var officer = await CreateOfficerAsync("nk");
        await AdminPostAsync(Users(officer, "disable"), new { reason = "Điều chuyển" });

        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.SignInAsync("lanhdao.xa")).GetAsync($"{AdminUsersEndpoints.AuditPath}?subject={officer}")).StatusCode);
        var page = await (await (await factory.SignInAsync("admin")).GetAsync($"{AdminUsersEndpoints.AuditPath}?subject={officer}")).ReadJsonAsync();

        var newest = page["items"]!.AsArray()[0]!;
        Assert.Equal(2, page["total"]!.GetValue<int>());
        Assert.Equal("admin", newest.Str("actor"));
        Assert.Equal(AuditActions.AccountDisabled, newest.Str("action"));
        Assert.Equal(officer, newest.Str("subject"));
        Assert.Equal("Điều chuyển", newest.Str("detail"));
        Assert.Equal(OneStopFactory.DefaultStart, newest["at"]!.GetValue<DateTimeOffset>());
    }
}
