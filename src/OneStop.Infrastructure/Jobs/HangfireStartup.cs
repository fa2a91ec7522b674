using Microsoft.Extensions.Hosting;

namespace OneStop.Infrastructure.Jobs;

/// <summary>
/// Runs when the host starts — after Program.cs has brought the database (and, on SQL Server or PostgreSQL, Hangfire's schema:
/// <see cref="HangfireSchema"/>) up to date, before the Hangfire server and before the first request: registers
/// the recurring jobs. Idempotent, so every node does it on every start.
/// </summary>
internal sealed class HangfireStartup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        RecurringJobs.Register(services);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
