using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using OneStop.Api.Features.Me;
using OneStop.Api.Tests.Infrastructure;

namespace OneStop.Api.Tests.Identity;

/// <summary>
/// A production database starts with one administrator whose password sits in the deployment's environment: its
/// first sign-in can only choose a new one (issue 15), after which the environment's password is worthless.
/// </summary>
public sealed class BootstrapAdminTests : IDisposable
{
    private const string Configured = "Khoi@Tao2026";
    private const string Chosen = "Rieng@Minh2026";
    private readonly OneStopFactory _factory = new();
    private readonly WebApplicationFactory<Program> _production;

    public BootstrapAdminTests() => _production = _factory.WithWebHostBuilder(host => host
        .UseSetting("OneStop:SeedDemoData", "false")
        .UseSetting("OneStop:BootstrapAdmin:UserName", "quantri")
        .UseSetting("OneStop:BootstrapAdmin:Password", Configured));

    public void Dispose()
    {
        _production.Dispose();
        _factory.Dispose();
    }

    [Fact]
    public async Task The_bootstrap_admin_must_choose_a_new_password_at_first_sign_in()
    {
        var client = _production.CreateClient();

        var first = await client.PostAsJsonAsync(Routes.Token, new { username = "quantri", password = Configured });
        Assert.Equal(HttpStatusCode.Forbidden, first.StatusCode);
        var required = await first.ReadJsonAsync();
        Assert.Equal("password-change-required", required.Str("code"));
        Assert.Null(required["accessToken"]);

        var changeOnly = _production.CreateClient();
        changeOnly.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", required.Str("passwordChangeToken"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await changeOnly.GetAsync("/api/admin/users")).StatusCode);
        var changed = await changeOnly.PostAsJsonAsync(MeEndpoints.PasswordPath, new { currentPassword = Configured, newPassword = Chosen });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(["admin"], (await changed.ReadJsonAsync())["roles"].Strings());

        Assert.Equal(HttpStatusCode.Unauthorized,
            (await client.PostAsJsonAsync(Routes.Token, new { username = "quantri", password = Configured })).StatusCode);
        var session = await client.PostAsJsonAsync(Routes.Token, new { username = "quantri", password = Chosen });
        Assert.Equal(HttpStatusCode.OK, session.StatusCode);
        var admin = _production.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await session.ReadJsonAsync()).Str("accessToken"));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/admin/users")).StatusCode);
    }

    [Fact]
    public async Task Until_it_is_changed_the_configured_password_keeps_opening_only_the_change()
    {
        var client = _production.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 2; i++)
            statuses.Add((await client.PostAsJsonAsync(Routes.Token, new { username = "quantri", password = Configured })).StatusCode);

        // Not one-time like an admin reset's temporary password: nobody could reset the only administrator's.
        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden], statuses);
    }
}
