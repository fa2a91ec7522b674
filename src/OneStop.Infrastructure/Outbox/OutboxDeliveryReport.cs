namespace OneStop.Infrastructure.Outbox;

/// <summary>
/// What one delivery run did, for logs, tests and Hangfire's job history. <see cref="Sent"/> counts calls to the
/// portal and <see cref="Delivered"/> messages (a progress call carries up to ten); <see cref="Busy"/> counts
/// dossiers left alone because another node held their lease; <see cref="SessionRenewals"/> sends that found
/// the session expired and signed in again; <see cref="Requeued"/> messages taken out of their backoff when the
/// portal came back; <see cref="Probes"/> sends made to ask a down portal whether it is back.
/// </summary>
public sealed record OutboxDeliveryReport(
    int Dossiers = 0, int Sent = 0, int Delivered = 0, int TransientFailures = 0, int DeadLettered = 0, int Busy = 0,
    TimeSpan MaxBackoff = default, int SessionRenewals = 0, int Requeued = 0, int Probes = 0)
{
    public static readonly OutboxDeliveryReport None = new();

    public OutboxDeliveryReport Add(OutboxDeliveryReport other) => new(
        Dossiers + other.Dossiers, Sent + other.Sent, Delivered + other.Delivered, TransientFailures + other.TransientFailures,
        DeadLettered + other.DeadLettered, Busy + other.Busy, MaxBackoff > other.MaxBackoff ? MaxBackoff : other.MaxBackoff,
        SessionRenewals + other.SessionRenewals, Requeued + other.Requeued, Probes + other.Probes);
}
