using System.Diagnostics.Metrics;

namespace OneStop.Infrastructure.Telemetry;

/// <summary>
/// The figures an operator watches (meter <c>OneStop</c>): dossier actions as a counter (a dashboard shows its rate,
/// actions per second), and — from <see cref="OperatorMetricsSampler"/>'s latest look at the database — queue depth
/// per unit, outbox messages pending, the age of the oldest, and dead letters. Database figures are read every
/// <c>OneStop:Telemetry:SampleInterval</c> by each node, never computed from one node's memory.
/// </summary>
public sealed class OneStopMetrics
{
    private readonly Counter<long> _actions;
    private readonly Counter<long> _jobs;
    private readonly Counter<long> _portalSends;
    private volatile OperatorSnapshot _snapshot = OperatorSnapshot.Empty;

    public OneStopMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(OneStopTelemetry.Name);
        _actions = meter.CreateCounter<long>("onestop.dossier.actions", "{action}", "Dossier actions taken, submissions included, by action.");
        _jobs = meter.CreateCounter<long>("onestop.jobs.executed", "{job}", "Background jobs this node ran, by job and outcome.");
        _portalSends = meter.CreateCounter<long>("onestop.portal.sends", "{message}", "Messages sent to the national portal, by outcome.");
        meter.CreateObservableGauge("onestop.dossiers.queue_depth", () => _snapshot.QueueDepth
                .Select(q => new Measurement<long>(q.Value, new KeyValuePair<string, object?>("unit.code", q.Key))),
            "{dossier}", "Open dossiers at each unit (not yet returned, refused or stopped).");
        meter.CreateObservableGauge("onestop.outbox.pending", () => _snapshot.OutboxPending, "{message}",
            "National portal messages not delivered yet.");
        meter.CreateObservableGauge("onestop.outbox.oldest_pending_age", () => _snapshot.OldestPendingAge.TotalSeconds, "s",
            "How long the oldest undelivered national portal message has waited.");
        meter.CreateObservableGauge("onestop.outbox.dead_letters", () => _snapshot.DeadLetters, "{message}",
            "National portal messages refused for good, waiting for an admin.");
    }

    public OperatorSnapshot Snapshot => _snapshot;

    public void Update(OperatorSnapshot snapshot) => _snapshot = snapshot;

    public void ActionTaken(string action) => _actions.Add(1, new KeyValuePair<string, object?>("action", action));

    public void JobExecuted(string job, bool succeeded) =>
        _jobs.Add(1, new KeyValuePair<string, object?>("job", job), new KeyValuePair<string, object?>("outcome", succeeded ? "succeeded" : "failed"));

    public void PortalSend(string outcome) => _portalSends.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
}

/// <summary>What <see cref="OperatorMetricsSampler"/> last read from the database.</summary>
public sealed record OperatorSnapshot(IReadOnlyDictionary<string, long> QueueDepth, long OutboxPending, TimeSpan OldestPendingAge, long DeadLetters)
{
    public static readonly OperatorSnapshot Empty = new(new Dictionary<string, long>(), 0, TimeSpan.Zero, 0);
}
