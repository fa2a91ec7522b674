using Microsoft.Extensions.FileProviders;

namespace OneStop.Api.Features.Dashboard;

/// <summary>
/// <c>GET /dashboard</c>: the leaders' indicator dashboard, a static page under <c>wwwroot/dashboard</c> with its chart
/// library vendored beside it. The page is public; the figures are not — it signs in (<c>POST /api/auth/session</c>)
/// and reads the reports with the bearer token it gets back. Its scripts come from this host only (CSP).
/// </summary>
public static class DashboardEndpoints
{
    public const string Path = "/dashboard";

    /// <summary>Only this host's scripts and styles, no framing, no inline script: the page runs what it ships.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, (HttpContext http, IWebHostEnvironment environment) =>
            {
                var page = environment.WebRootFileProvider.GetFileInfo("dashboard/index.html");
                if (!page.Exists)
                    return Results.NotFound();
                http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
                http.Response.Headers.XContentTypeOptions = "nosniff";
                return Results.Stream(page.CreateReadStream(), "text/html; charset=utf-8");
            })
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
