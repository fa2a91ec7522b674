using Hangfire.Dashboard;
using OneStop.Domain.Dossiers;

namespace OneStop.Infrastructure.Jobs;

/// <summary>
/// The Hangfire dashboard at <c>/hangfire</c> is for admins only: the request's user, authenticated by the
/// API's JWT bearer scheme, must have the admin role (401 without a token, 403 with another role).
/// </summary>
/// <remarks>
/// A browser does not send a bearer token on its own, so opening the dashboard in a browser needs a reverse
/// proxy that adds the <c>Authorization</c> header (or a cookie scheme added to the host); the API issues no cookies.
/// </remarks>
public sealed class AdminDashboardAuthorizationFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(OneStop.Domain.RoleNames.Admin);
}
