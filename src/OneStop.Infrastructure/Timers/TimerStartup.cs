using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OneStop.Infrastructure.Timers;

/// <summary>
/// At start, after the database is migrated, fires every timer that came due while the host was down — a wait
/// ends by itself after a restart — before the first request is served. Later ones are the sweeper's.
/// </summary>
internal sealed class TimerStartup(IServiceScopeFactory scopes, ILogger<TimerStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var fired = await scope.ServiceProvider.GetRequiredService<DossierTimerJob>().RunDueAsync(cancellationToken);
        if (fired > 0)
            logger.LogInformation("Fired {Count} dossier timers that came due while the host was down", fired);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
