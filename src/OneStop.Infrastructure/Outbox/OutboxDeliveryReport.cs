namespace OneStop.Infrastructure.Outbox;

/// <summary>
/// What one delivery run did, for logs, tests and Hangfire's job history. <see cref="Busy"/> counts dossiers
/// left alone because another node held their lease.
/// </summary>
public sealed record OutboxDeliveryReport(
    int Dossiers = 0, int Sent = 0, int Delivered = 0, int Duplicates = 0, int TransientFailures = 0,
    int DeadLettered = 0, int Busy = 0, TimeSpan MaxBackoff = default)
{
    public static readonly OutboxDeliveryReport None = new();

    public OutboxDeliveryReport Add(OutboxDeliveryReport other) => new(
        Dossiers + other.Dossiers, Sent + other.Sent, Delivered + other.Delivered, Duplicates + other.Duplicates,
        TransientFailures + other.TransientFailures, DeadLettered + other.DeadLettered, Busy + other.Busy,
        MaxBackoff > other.MaxBackoff ? MaxBackoff : other.MaxBackoff);
}
