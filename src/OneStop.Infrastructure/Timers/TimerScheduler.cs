using Hangfire;
using OneStop.Domain.Dossiers;

namespace OneStop.Infrastructure.Timers;

/// <summary>Schedules the background job of a stored timer.</summary>
public interface ITimerScheduler
{
    void Arm(TimerArmed timer);
}

/// <summary>
/// A Hangfire delayed job per timer, keyed by (dossier, timer) in its arguments. Hangfire's in-memory storage (the
/// embedded default) forgets them on restart and a job may run twice; neither matters, because the timers are
/// rows: the start-up pass and the minutely sweeper fire whatever is due, and firing is idempotent.
/// </summary>
public sealed class HangfireTimerScheduler(IBackgroundJobClient jobs, TimeProvider clock) : ITimerScheduler
{
    public void Arm(TimerArmed timer)
    {
        var delay = timer.DueAt - clock.GetUtcNow().UtcDateTime;
        jobs.Schedule<DossierTimerJob>(job => job.RunAsync(timer.DossierId, timer.TimerId, CancellationToken.None),
            delay < TimeSpan.Zero ? TimeSpan.Zero : delay);
    }
}
