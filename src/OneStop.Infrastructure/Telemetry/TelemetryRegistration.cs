using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace OneStop.Infrastructure.Telemetry;

public static class TelemetryRegistration
{
    /// <summary>The standard variable of OpenTelemetry's exporters: with it set, traces and metrics leave over OTLP.</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// Traces (requests, EF Core, Npgsql, HttpClient — the national portal calls —, background jobs, portal sends) and
    /// metrics (ASP.NET Core, HttpClient, Npgsql and our <see cref="OneStopMetrics"/>), named by node. They are
    /// exported over OTLP only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; otherwise they cost next to nothing.
    /// </summary>
    public static IServiceCollection AddOneStopTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<OneStopMetrics>();
        services.AddSingleton<OperatorMetricsSampler>();
        services.AddHostedService(sp => sp.GetRequiredService<OperatorMetricsSampler>());
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("OneStop.Api", serviceInstanceId: NodeName.Of(configuration)))
            .WithTracing(tracing => tracing
                .AddSource(OneStopTelemetry.Name)
                .AddAspNetCoreInstrumentation(options => options.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation()
                .AddNpgsql())
            .WithMetrics(metrics => metrics
                .AddMeter(OneStopTelemetry.Name, "Npgsql")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation());
        if (!string.IsNullOrWhiteSpace(configuration[OtlpEndpointKey]))
            telemetry.UseOtlpExporter();
        return services;
    }
}
