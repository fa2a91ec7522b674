using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authentication;
using OneStop.Domain;
using OneStop.Infrastructure.Identity;

namespace OneStop.Infrastructure.Jobs;

/// <summary>
/// The Hangfire dashboard at <c>/hangfire</c> is for admins only. A script may present the API's bearer token; a
/// browser opening the page presents the session cookie the dashboard page obtained at sign-in
/// (<see cref="SessionCookie"/>). Without either it answers 401, with another role 403. The dashboard's own
/// POSTs (retry, delete) carry Hangfire's antiforgery token, and the cookie is SameSite=Strict.
/// </summary>
public sealed class AdminDashboardAuthorizationFilter : IDashboardAsyncAuthorizationFilter
{
    public async Task<bool> AuthorizeAsync(DashboardContext context)
    {
        var http = context.GetHttpContext();
        if (http.User.Identity?.IsAuthenticated == true)
            return http.User.IsInRole(RoleNames.Admin);
        var session = await http.AuthenticateAsync(SessionCookie.Scheme);
        if (!session.Succeeded)
            return false;
        // Hangfire answers 403 rather than 401 once it sees an authenticated user.
        http.User = session.Principal;
        return session.Principal.IsInRole(RoleNames.Admin);
    }
}
