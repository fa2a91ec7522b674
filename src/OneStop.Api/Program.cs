using OneStop.Api.Extensions;
using OneStop.Api.Features.Admin.Sync;
using OneStop.Api.Features.Admin.Users;
using OneStop.Api.Features.Auth;
using OneStop.Api.Features.Calendar;
using OneStop.Api.Features.Dashboard;
using OneStop.Api.Features.Definitions;
using OneStop.Api.Features.Documents;
using OneStop.Api.Features.Dossiers;
using OneStop.Api.Features.Files;
using OneStop.Api.Features.Me;
using OneStop.Api.Features.PortalFiles;
using OneStop.Api.Features.Procedures;
using OneStop.Api.Features.Public;
using OneStop.Api.Features.Reports;
using OneStop.Api.Features.OpenData;
using OneStop.Api.Features.Units;
using OneStop.Infrastructure;
using OneStop.Infrastructure.NationalPortal;
using OneStop.Infrastructure.Seeding;
using OneStop.NationalPortal.Mock;
using OneStop.Api.Features.Auth.Vneid;
using OneStop.Api.Features.Lookups;
using OneStop.Api.Features.Payments;
using OneStop.Infrastructure.NationalServices;
using OneStop.NationalServices.Mock;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
builder.AddOneStopServices();

var app = builder.Build();

// First: the rate limiter, the sign-in audit and the logs all see the client behind a configured load balancer.
app.UseForwardedHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
// The dashboard page's scripts, styles and vendored chart library (wwwroot/dashboard).
app.UseStaticFiles();
app.UseAuthentication();
app.UseAuthorization();
app.UseOneStopNationalPortalSync();
app.UseRateLimiter();

app.MapOpenApi();
app.MapScalarApiReference();
app.MapHealth();
app.MapAuthApi();
app.MapAdminUsersApi();
app.MapUnitsApi();
app.MapCalendarApi();
app.MapProceduresApi();
app.MapDefinitionsApi();
app.MapDossiersApi();
app.MapMeApi();
app.MapPublicApi();
app.MapFilesApi();
app.MapDocumentsApi();
app.MapAdminSyncApi();
app.MapPortalFilesApi();
app.MapVneidApi();
app.MapLookupsApi();
app.MapPaymentsApi();
app.MapReportsApi();
app.MapOpenDataApi();
app.MapDashboard();
if (app.Services.GetRequiredService<DatabaseSettings>().MockPortalMapped)
    app.MapMockNationalPortal("/portal");
if (NationalServicesHosting.IsMockMappedHere(app.Configuration))
    app.MapMockNationalServices(NationalServicesHosting.Prefix);

using (var scope = app.Services.CreateScope())
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(app.Lifetime.ApplicationStopping);
// The privileged one-shot migration step of a deployment stops here (Database:Migrations = apply-and-exit).
if (DatabaseMigrations.ExitsAfterMigrating(app.Configuration))
    return;

await app.RunAsync();

/// <summary>Entry point, public for <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
