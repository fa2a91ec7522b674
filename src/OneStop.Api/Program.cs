using OneStop.Api.Extensions;
using OneStop.Api.Features.Auth;
using OneStop.Api.Features.Calendar;
using OneStop.Api.Features.Definitions;
using OneStop.Api.Features.Dossiers;
using OneStop.Api.Features.Procedures;
using OneStop.Api.Features.Units;
using OneStop.Infrastructure.Seeding;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
builder.AddOneStopServices();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();

app.MapOpenApi();
app.MapScalarApiReference();
app.MapHealth();
app.MapAuthApi();
app.MapUnitsApi();
app.MapCalendarApi();
app.MapProceduresApi();
app.MapDefinitionsApi();
app.MapDossiersApi();

using (var scope = app.Services.CreateScope())
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(app.Lifetime.ApplicationStopping);

await app.RunAsync();

/// <summary>Entry point, public for <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
