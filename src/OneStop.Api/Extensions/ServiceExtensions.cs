using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.IdentityModel.Tokens;
using OneStop.Api.Common;
using OneStop.Api.Features.Auth;
using OneStop.Domain;
using OneStop.Infrastructure;
using OneStop.Infrastructure.NationalPortal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Infrastructure.Persistence;
using OneStop.Infrastructure.Telemetry;
using OneStop.NationalPortal.Mock;
using OneStop.Api.Features.Auth.Vneid;
using OneStop.Infrastructure.NationalServices;
using OneStop.NationalServices.Mock;

namespace OneStop.Api.Extensions;

public static class ServiceExtensions
{
    public static WebApplicationBuilder AddOneStopServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.AddSingleton(TimeProvider.System);
        services.AddOneStopInfrastructure(configuration);
        services.AddValidatorsFromAssemblyContaining<Program>(includeInternalTypes: true);
        // Error keys name the JSON field as the client wrote it: "applicant.idNumber", not "Applicant.IdNumber".
        ValidatorOptions.Global.PropertyNameResolver = (_, member, _) =>
            member is null ? null : System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(member.Name);

        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        // Malformed bodies reach ProblemDetailsExceptionHandler in every environment, which names the problem in Vietnamese.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.AllowTrailingCommas = true);
        services.AddOpenApi();

        var dataDirectory = Path.GetFullPath(configuration[$"{OneStopOptions.Section}:DataDirectory"] ?? "data");
        var jwt = JwtSettings.Load(configuration, dataDirectory);
        services.AddSingleton(jwt);
        services.AddHostedService<SigningKeyCheck>();
        services.AddScoped<Microsoft.AspNetCore.Authentication.IClaimsTransformation, CurrentAccountClaims>();
        services.AddOneStopNationalServices(configuration);
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddVneid().AddJwtBearer(options =>
        {
            options.MapInboundClaims = false;
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = JwtSettings.Issuer,
                ValidAudience = JwtSettings.Audience,
                IssuerSigningKey = jwt.SigningKey,
                NameClaimType = ClaimTypes.Name,
                RoleClaimType = ClaimTypes.Role,
                ClockSkew = TimeSpan.FromMinutes(1),
            };
            // The account behind a token must still be enabled and unchanged (Features/Auth/AccountTokenCheck).
            options.Events = AccountTokenCheck.Events();
        });
        // Token lifetimes follow the injected TimeProvider like every other clock (tests move it).
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<TimeProvider>((options, clock) =>
            options.TokenValidationParameters.LifetimeValidator = (notBefore, expires, _, parameters) =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                return (notBefore is null || notBefore <= now.Add(parameters.ClockSkew)) && (expires is null || expires >= now.Subtract(parameters.ClockSkew));
            });
        // The dashboard page's session cookie, for /hangfire only (Features/Auth/SessionEndpoints); Hangfire's own
        // forms take their antiforgery tokens from AddAntiforgery.
        new Microsoft.AspNetCore.Authentication.AuthenticationBuilder(services).AddOneStopSessionCookie();
        services.AddAntiforgery();
        // Officer roles are data (a definition's own, such as appraiser): an officer is anyone signed in with a role but citizen.
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Admin, p => p.RequireRole(RoleNames.Admin))
            .AddPolicy(Policies.Officer, p => p.RequireAssertion(c =>
                c.User.FindAll(ClaimTypes.Role).Any(r => r.Value == RoleNames.Admin || RoleNames.IsOfficerRole(r.Value))))
            .AddPolicy(Policies.Citizen, p => p.RequireRole(RoleNames.Citizen))
            .AddPolicy(Policies.Submitter, p => p.RequireRole(RoleNames.Reception, RoleNames.Citizen))
            .AddPolicy(Policies.ReportReader, p => p.RequireRole(RoleNames.Leader, RoleNames.Admin));
        services.AddOneStopForwardedHeaders(configuration);
        services.AddOneStopRateLimiter();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<Features.Definitions.MigrationHooks>();
        services.AddOneStopNationalPortalSync(configuration);
        if (MockPortalHosting.IsMappedHere(configuration))
        {
            // The published demo key only where demo data is seeded; elsewhere MockPortal:ApiKey or no start (issue 15).
            services.AddMockNationalPortal(configuration, allowDemoKey: MockPortalHosting.SeedsDemoData(configuration));
            // Our own client talks to our own mock with the mock's key, unless NationalPortal:ApiKey says otherwise.
            if (string.IsNullOrEmpty(configuration[$"{NationalPortalOptions.Section}:ApiKey"]))
                services.AddOptions<NationalPortalOptions>().Configure<IOptions<MockPortalOptions>>((portal, mock) => portal.ApiKey = mock.Value.ApiKey!);
        }
        services.AddOneStopTelemetry(configuration);

        if (NationalServicesHosting.IsMockMappedHere(configuration))
            // The mock VNeID, LGSP registries and payment platform under /national (DESIGN §14), with the published demo
            // secrets only where demo data is seeded; OneStop's clients take the same secrets there (AddOneStopNationalServices).
            services.AddMockNationalServices(configuration, allowDemoSecrets: MockPortalHosting.SeedsDemoData(configuration));

        services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), tags: ["live"])
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<CalendarHealthCheck>("calendar", tags: ["ready"]);
        return builder;
    }
}

/// <summary>Ready means the database answers.</summary>
public sealed class DatabaseHealthCheck(OneStopDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy("Cơ sở dữ liệu sẵn sàng.")
            : HealthCheckResult.Unhealthy("Không kết nối được cơ sở dữ liệu.");
}

/// <summary>
/// Warns (Degraded) from 1 October when the calendar does not hold next year yet, and when it does not hold this year
/// (DESIGN §6): deadlines into such a year are refused, so the operator must load the announced holidays in time.
/// </summary>
public sealed class CalendarHealthCheck(OneStopDbContext db, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var today = VietnamTime.Today(clock);
        var (first, last) = (new DateOnly(today.Year, 1, 1), new DateOnly(today.Year + 1, 12, 31));
        var years = (await db.Calendar.AsNoTracking().Where(c => c.Date >= first && c.Date <= last).Select(c => c.Date).ToListAsync(cancellationToken))
            .Select(d => d.Year).ToHashSet();
        if (!years.Contains(today.Year))
            return HealthCheckResult.Degraded($"Lịch ngày làm việc chưa có năm {today.Year}: mọi hạn giải quyết đều bị từ chối cho đến khi cập nhật lịch.");
        if (today.Month >= 10 && !years.Contains(today.Year + 1))
            return HealthCheckResult.Degraded(
                $"Lịch ngày làm việc chưa có năm {today.Year + 1}: hồ sơ có hạn giải quyết sang năm {today.Year + 1} sẽ bị từ chối; hãy cập nhật lịch nghỉ lễ, Tết năm {today.Year + 1}.");
        return HealthCheckResult.Healthy($"Lịch ngày làm việc có năm {today.Year}" + (years.Contains(today.Year + 1) ? $" và {today.Year + 1}." : "."));
    }
}

public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = c => c.Tags.Contains("live") }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteAsync })
            .AllowAnonymous();
        return app;
    }

    /// <summary>"Healthy" as before; otherwise the status and, one per line, what each failing check says (a warning to act on).</summary>
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        var problems = report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).Select(e => $"{e.Key}: {e.Value.Description}");
        return context.Response.WriteAsync(string.Join("\n", [report.Status.ToString(), .. problems]));
    }
}
