using System.Net;
using System.Net.Http.Json;
using OneStop.Api.Tests.Infrastructure;

namespace OneStop.Api.Tests.Dashboard;

/// <summary>
/// The dashboard page's session (DESIGN §10 "/dashboard … signs in on the page"): <c>POST /api/auth/session</c> answers
/// like the token call and sets an HttpOnly, SameSite=Strict cookie that opens <c>/hangfire</c> for admins — and
/// nothing else: the JSON API still wants a bearer token. Requests from another site are refused.
/// </summary>
public sealed class SessionCookieTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    private const string Session = "/api/auth/session";

    private async Task<(HttpResponseMessage Response, string Cookie)> StartSessionAsync(string userName, string? origin = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Session)
        {
            Content = JsonContent.Create(new { username = userName, password = Demo.Password }),
        };
        if (origin is not null)
            request.Headers.Add("Origin", origin);
        var response = await factory.CreateClient().SendAsync(request);
        var setCookie = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Single() : "";
        return (response, setCookie.Split(';')[0]);
    }

    private async Task<HttpStatusCode> GetWithCookieAsync(string path, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (cookie.Length > 0)
            request.Headers.Add("Cookie", cookie);
        return (await factory.CreateClient().SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task Signing_in_on_the_page_returns_a_token_and_sets_an_httponly_samesite_strict_cookie()
    {
        var (response, _) = await StartSessionAsync("admin");
        var body = await response.ReadJsonAsync();
        var setCookie = response.Headers.GetValues("Set-Cookie").Single().ToLowerInvariant();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(string.IsNullOrEmpty(body.Str("accessToken")));
        Assert.StartsWith("onestop_session=", setCookie);
        Assert.Contains("httponly", setCookie);
        Assert.Contains("samesite=strict", setCookie);
        Assert.Contains("path=/", setCookie);
    }

    [Fact]
    public async Task The_admins_cookie_opens_hangfire_a_leaders_does_not_and_no_cookie_is_unauthorized()
    {
        var (_, admin) = await StartSessionAsync("admin");
        var (_, leader) = await StartSessionAsync("lanhdao.tinh");

        Assert.Equal(HttpStatusCode.OK, await GetWithCookieAsync("/hangfire", admin));
        Assert.Equal(HttpStatusCode.OK, await GetWithCookieAsync("/hangfire/recurring", admin));
        Assert.Equal(HttpStatusCode.Forbidden, await GetWithCookieAsync("/hangfire", leader));
        Assert.Equal(HttpStatusCode.Unauthorized, await GetWithCookieAsync("/hangfire", ""));
        Assert.Equal(HttpStatusCode.Unauthorized, await GetWithCookieAsync("/hangfire", "onestop_session=forged"));
    }

    [Fact]
    public async Task The_cookie_does_not_authenticate_the_json_api()
    {
        var (_, admin) = await StartSessionAsync("admin");

        Assert.Equal(HttpStatusCode.Unauthorized, await GetWithCookieAsync("/api/reports/indicators", admin));
        Assert.Equal(HttpStatusCode.Unauthorized, await GetWithCookieAsync("/api/admin/sync", admin));
    }

    [Fact]
    public async Task A_sign_in_or_sign_out_sent_from_another_site_is_refused()
    {
        var (crossSite, cookie) = await StartSessionAsync("admin", origin: "https://evil.example");
        using var signOut = new HttpRequestMessage(HttpMethod.Delete, Session);
        signOut.Headers.Add("Origin", "https://evil.example");
        signOut.Headers.Add("Sec-Fetch-Site", "cross-site");

        Assert.Equal(HttpStatusCode.Forbidden, crossSite.StatusCode);
        Assert.Equal("", cookie);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.CreateClient().SendAsync(signOut)).StatusCode);
        var (sameSite, _) = await StartSessionAsync("admin", origin: "http://localhost");
        Assert.Equal(HttpStatusCode.OK, sameSite.StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_sets_no_cookie()
    {
        var response = await factory.CreateClient().PostAsJsonAsync(Session, new { username = "admin", password = "Sai@MatKhau1" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task The_dashboard_page_is_served_with_its_vendored_chart_library_and_a_strict_content_security_policy()
    {
        var client = factory.CreateClient();

        var page = await client.GetAsync("/dashboard");
        var html = await page.Content.ReadAsStringAsync();
        var library = await client.GetAsync("/dashboard/vendor/chart-4.6.1.umd.min.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("/dashboard/vendor/chart-4.6.1.umd.min.js", html);
        Assert.DoesNotContain("https://", html);
        Assert.Equal(HttpStatusCode.OK, library.StatusCode);
        Assert.StartsWith("/*!\n * Chart.js v4.6.1", await library.Content.ReadAsStringAsync());
    }
}
