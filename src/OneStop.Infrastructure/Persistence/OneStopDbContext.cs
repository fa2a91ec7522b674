using Microsoft.EntityFrameworkCore;
using OneStop.Domain.Definitions;
using OneStop.Domain.Dossiers;
using OneStop.Domain.Units;
using OneStop.Infrastructure.Identity;
using OneStop.Infrastructure.NationalPortal;
using Leases = OneStop.Infrastructure.Outbox.OutboxLeases;

namespace OneStop.Infrastructure.Persistence;

public sealed class OneStopDbContext(DbContextOptions<OneStopDbContext> options, TimeProvider clock) : DbContext(options)
{
    // Dossiers whose new outbox messages are saved but maybe not committed yet; the outbox interceptor
    // queues their delivery once the transaction commits.
    private readonly HashSet<Guid> _dossiersWithNewMessages = [];

    public DbSet<Dossier> Dossiers => Set<Dossier>();
    public DbSet<DossierEvent> DossierEvents => Set<DossierEvent>();
    public DbSet<DefinitionVersion> DefinitionVersions => Set<DefinitionVersion>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<CalendarEntry> Calendar => Set<CalendarEntry>();
    public DbSet<UserAccount> Users => Set<UserAccount>();
    public DbSet<SignInAudit> SignInAudits => Set<SignInAudit>();
    public DbSet<CodeSequence> CodeSequences => Set<CodeSequence>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<OutboxLease> OutboxLeases => Set<OutboxLease>();
    public DbSet<Storage.StoredFile> Files => Set<Storage.StoredFile>();
    public DbSet<Domain.Documents.RepositoryDocument> RepositoryDocuments => Set<Domain.Documents.RepositoryDocument>();
    public DbSet<Domain.Documents.DocumentReuse> DocumentReuses => Set<Domain.Documents.DocumentReuse>();
    public DbSet<Domain.Documents.ResultSignature> ResultSignatures => Set<Domain.Documents.ResultSignature>();
    public DbSet<NationalPortal.NationalCatalogueCheck> NationalCatalogueChecks => Set<NationalPortal.NationalCatalogueCheck>();
    public DbSet<Reports.DossierReportFact> ReportFacts => Set<Reports.DossierReportFact>();
    public DbSet<Domain.Ratings.SatisfactionRating> Ratings => Set<Domain.Ratings.SatisfactionRating>();
    public DbSet<Reports.IndicatorSnapshot> IndicatorSnapshots => Set<Reports.IndicatorSnapshot>();
    public DbSet<Reports.IndicatorSnapshotDay> IndicatorSnapshotDays => Set<Reports.IndicatorSnapshotDay>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(OneStopDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DossierStatus>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<Channel>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<ApplicantType>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<PauseReason>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<DefinitionState>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<OutboxState>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        AddOutboxMessages();
        await Reports.ReportFactProjection.ApplyAsync(this, cancellationToken);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        AddOutboxMessages();
        Reports.ReportFactProjection.Apply(this);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>
    /// Every new dossier event becomes an outbox message in the same SaveChanges, hence the same
    /// transaction: a rolled-back action reports nothing, a committed one cannot be forgotten.
    /// </summary>
    private void AddOutboxMessages()
    {
        ChangeTracker.DetectChanges();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var entry in ChangeTracker.Entries<Dossier>().ToList())
        {
            var dossier = entry.Entity;
            if (entry.State == EntityState.Added)
                // Its lease row, free: claiming it later is then a plain conditional UPDATE.
                OutboxLeases.Add(Leases.NewFor(dossier.Id));
            foreach (var dossierEvent in dossier.Events.Where(e => Entry(e).State == EntityState.Added).OrderBy(e => e.Sequence))
            {
                Outbox.Add(new OutboxMessage
                {
                    DossierId = dossier.Id,
                    DossierCode = dossier.Code,
                    Sequence = dossierEvent.Sequence,
                    IdempotencyKey = DvcqgPayload.IdempotencyKey(dossier.Code, dossierEvent.Sequence),
                    Type = DvcqgPayload.Service,
                    Payload = DvcqgPayload.ForEvent(dossier, dossierEvent),
                    CreatedAt = now,
                    State = OutboxState.Pending,
                    NextAttemptAt = now,
                });
                _dossiersWithNewMessages.Add(dossier.Id);
            }
        }
    }

    /// <summary>The dossiers that got outbox messages since the last call; called once their transaction committed.</summary>
    internal IReadOnlyList<Guid> TakeDossiersWithNewMessages()
    {
        var taken = _dossiersWithNewMessages.ToList();
        _dossiersWithNewMessages.Clear();
        return taken;
    }

    /// <summary>The transaction rolled back: its messages never existed.</summary>
    internal void ForgetDossiersWithNewMessages() => _dossiersWithNewMessages.Clear();
}
