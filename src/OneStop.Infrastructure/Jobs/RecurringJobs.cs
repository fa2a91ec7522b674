using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneStop.Infrastructure.NationalPortal;
using OneStop.Infrastructure.Outbox;

namespace OneStop.Infrastructure.Jobs;

/// <summary>Every recurring job of the host, with its stable id, registered in this one place at start-up.</summary>
public static class RecurringJobs
{
    /// <summary>Delivers outbox messages that no per-dossier job took care of (DESIGN §9).</summary>
    public const string NationalPortalOutboxSweeper = "national-portal-outbox-sweeper";

    public static void Register(IServiceProvider services)
    {
        var jobs = services.GetRequiredService<IRecurringJobManager>();
        // The national catalogue changes rarely: once a night is plenty. 18:00 UTC is 01:00 in Vietnam; Hangfire
        // resolves time zones by id, and hosts differ in the ids they know, so the schedule stays in UTC.
        jobs.AddOrUpdate<ProcedureCatalogueSyncJob>(ProcedureCatalogueSyncJob.RecurringJobId, job => job.RunAsync(CancellationToken.None),
            Cron.Daily(18), new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        // Waits, consultation due dates and escalations whose own delayed job was lost (in-memory storage) or never ran.
        jobs.AddOrUpdate<Timers.DossierTimerJob>(Timers.DossierTimerJob.RecurringJobId, job => job.RunDueAsync(CancellationToken.None),
            Cron.Minutely(), new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        // Payment orders whose callback never came, and orders the platform was down for (DESIGN §14).
        jobs.AddOrUpdate<NationalServices.PaymentReconciliationJob>(NationalServices.PaymentReconciliationJob.RecurringJobId,
            job => job.RunAsync(CancellationToken.None), "*/5 * * * *", new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        // The indicators of yesterday, frozen at 06:00 Vietnam time for the provincial operations centre (DESIGN §11).
        jobs.AddOrUpdate<Reports.IndicatorSnapshotJob>(Reports.IndicatorSnapshotJob.RecurringJobId, job => job.RunAsync(CancellationToken.None),
            Reports.IndicatorSnapshotJob.Schedule, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        // AddOrUpdate and RemoveIfExists are idempotent: every node does this at start, the storage keeps one copy.
        if (services.GetRequiredService<IOptions<NationalPortalOptions>>().Value.Enabled)
        {
            jobs.AddOrUpdate<OutboxDeliveryJob>(NationalPortalOutboxSweeper, job => job.DeliverDueAsync(CancellationToken.None),
                Cron.Minutely(), new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
            // And now: a node that starts over a backlog (a restart after an outage, a crash) sends it at once, not at the next minute.
            jobs.Trigger(NationalPortalOutboxSweeper);
            // Once at start as well: DongBoHoSoMC sends the field code (MaLinhVuc) the catalogue check records, and a
            // new installation should not wait for the first night to have it.
            jobs.Trigger(ProcedureCatalogueSyncJob.RecurringJobId);
        }
        else
            jobs.RemoveIfExists(NationalPortalOutboxSweeper);
    }
}
