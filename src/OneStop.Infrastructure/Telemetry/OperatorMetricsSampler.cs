using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OneStop.Domain.Dossiers;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Infrastructure.Telemetry;

/// <summary>
/// Reads the operator's figures from the database every <c>OneStop:Telemetry:SampleInterval</c> (15 s): a few counting
/// queries, so the metrics exporter's callbacks never wait for the database.
/// </summary>
public sealed class OperatorMetricsSampler(
    IServiceScopeFactory scopes, OneStopMetrics metrics, IConfiguration configuration, TimeProvider clock, ILogger<OperatorMetricsSampler> logger)
    : BackgroundService
{
    public const string IntervalKey = "OneStop:Telemetry:SampleInterval";

    public async Task<OperatorSnapshot> SampleAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var queues = await db.Dossiers.AsNoTracking()
            .Where(d => d.Status != DossierStatus.Returned && d.Status != DossierStatus.NotAccepted && d.Status != DossierStatus.Stopped)
            .GroupBy(d => d.CurrentUnitCode)
            .Select(g => new { Unit = g.Key, Count = g.LongCount() })
            .ToListAsync(ct);
        var pending = await db.Outbox.AsNoTracking().Where(m => m.State == OutboxState.Pending)
            .GroupBy(_ => 1)
            .Select(g => new { Count = g.LongCount(), Oldest = g.Min(m => m.CreatedAt) })
            .FirstOrDefaultAsync(ct);
        var deadLetters = await db.Outbox.LongCountAsync(m => m.State == OutboxState.DeadLettered, ct);
        var age = pending is null ? TimeSpan.Zero : clock.GetUtcNow().UtcDateTime - pending.Oldest;
        var snapshot = new OperatorSnapshot(queues.ToDictionary(q => q.Unit, q => q.Count), pending?.Count ?? 0,
            age > TimeSpan.Zero ? age : TimeSpan.Zero, deadLetters);
        metrics.Update(snapshot);
        return snapshot;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue(IntervalKey, TimeSpan.FromSeconds(15));
        if (interval <= TimeSpan.Zero)
            return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SampleAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database being away is what the readiness check reports; the figures just stay as they were.
                logger.LogDebug(e, "Could not read the operator metrics from the database");
            }
            // One wait per round rather than a PeriodicTimer: a clock moved days ahead at once (the tests' fake clock)
            // would make a periodic timer fire once for every interval it skipped, tens of thousands of samples in a row.
            await Task.Delay(interval, clock, stoppingToken);
        }
    }
}
