using Microsoft.Extensions.DependencyInjection;

namespace OneStop.Infrastructure.Reports;

internal static class ReportsRegistration
{
    public static IServiceCollection AddOneStopReports(this IServiceCollection services) => services
        .AddScoped<IndicatorQueries>()
        .AddScoped<IndicatorReader>()
        .AddScoped<IndicatorSnapshotJob>();
}
