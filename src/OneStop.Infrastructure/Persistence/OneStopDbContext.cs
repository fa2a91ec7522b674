using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using OneStop.Domain.Definitions;
using OneStop.Domain.Dossiers;
using OneStop.Domain.Units;
using OneStop.Infrastructure.Events;
using OneStop.Infrastructure.Identity;

namespace OneStop.Infrastructure.Persistence;

/// <summary>
/// The database. Saving first hands the dossiers' domain events to their handlers (<see cref="DomainEventDispatcher"/>),
/// so the rows they write — outbox messages, issued results, notifications — are part of the same transaction.
/// It also keeps ASP.NET Core's data-protection keys, so every node opens what another node protected.
/// </summary>
public sealed class OneStopDbContext(DbContextOptions<OneStopDbContext> options, DomainEventDispatcher? domainEvents = null)
    : DbContext(options), IDataProtectionKeyContext
{
    // Dossiers whose new outbox messages, and timers, are saved but maybe not committed yet; the after-commit
    // interceptor queues their delivery and schedules the timers once the transaction commits.
    private readonly HashSet<Guid> _dossiersWithNewMessages = [];
    private readonly List<TimerArmed> _armedTimers = [];

    public DbSet<Dossier> Dossiers => Set<Dossier>();
    public DbSet<Domain.Packages.DossierPackage> DossierPackages => Set<Domain.Packages.DossierPackage>();
    public DbSet<DossierEvent> DossierEvents => Set<DossierEvent>();
    public DbSet<DefinitionVersion> DefinitionVersions => Set<DefinitionVersion>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<CalendarEntry> Calendar => Set<CalendarEntry>();
    public DbSet<UserAccount> Users => Set<UserAccount>();
    public DbSet<SignInAudit> SignInAudits => Set<SignInAudit>();
    public DbSet<Audit.AuditRecord> AuditRecords => Set<Audit.AuditRecord>();
    public DbSet<CodeSequence> CodeSequences => Set<CodeSequence>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<OutboxLease> OutboxLeases => Set<OutboxLease>();
    public DbSet<Storage.StoredFile> Files => Set<Storage.StoredFile>();
    public DbSet<Domain.Documents.RepositoryDocument> RepositoryDocuments => Set<Domain.Documents.RepositoryDocument>();
    public DbSet<Domain.Documents.DocumentReuse> DocumentReuses => Set<Domain.Documents.DocumentReuse>();
    public DbSet<Domain.Documents.ResultSignature> ResultSignatures => Set<Domain.Documents.ResultSignature>();
    public DbSet<NationalPortal.NationalCatalogueCheck> NationalCatalogueChecks => Set<NationalPortal.NationalCatalogueCheck>();
    public DbSet<DossierTimer> DossierTimers => Set<DossierTimer>();
    public DbSet<DossierConsultation> DossierConsultations => Set<DossierConsultation>();
    public DbSet<Notifications.Notification> Notifications => Set<Notifications.Notification>();
    public DbSet<NationalServices.NationalLookup> NationalLookups => Set<NationalServices.NationalLookup>();
    public DbSet<NationalServices.PaymentOrder> PaymentOrders => Set<NationalServices.PaymentOrder>();
    public DbSet<NationalServices.PaymentCallbackRecord> PaymentCallbacks => Set<NationalServices.PaymentCallbackRecord>();
    public DbSet<Storage.FileBlob> FileBlobs => Set<Storage.FileBlob>();
    public DbSet<Storage.FileChunk> FileChunks => Set<Storage.FileChunk>();
    public DbSet<Signing.SigningCertificate> SigningCertificates => Set<Signing.SigningCertificate>();
    /// <summary>ASP.NET Core data-protection keys, shared by every node (DESIGN §12).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Reports.DossierReportFact> ReportFacts => Set<Reports.DossierReportFact>();
    public DbSet<Domain.Ratings.SatisfactionRating> Ratings => Set<Domain.Ratings.SatisfactionRating>();
    public DbSet<Reports.IndicatorSnapshot> IndicatorSnapshots => Set<Reports.IndicatorSnapshot>();
    public DbSet<Reports.IndicatorSnapshotDay> IndicatorSnapshotDays => Set<Reports.IndicatorSnapshotDay>();
    /// <summary>Change stamps of the unit tree and the calendar, which every node caches (issue 12).</summary>
    public DbSet<ReferenceStamp> ReferenceStamps => Set<ReferenceStamp>();

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
        configurationBuilder.Properties<TimerKind>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<Domain.Packages.MemberState>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (domainEvents is not null)
            await domainEvents.DispatchAsync(this, cancellationToken);
        using var detected = DetectChangesOnce();
        ReferenceStampChanges.Stamp(this);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (domainEvents is not null)
            domainEvents.DispatchAsync(this, CancellationToken.None).GetAwaiter().GetResult();
        using var detected = DetectChangesOnce();
        ReferenceStampChanges.Stamp(this);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>
    /// Detects changes once for the reference stamps and the save together: looking at the entries and then saving
    /// would each scan every tracked entity (a dossier's whole history) again. Automatic detection is back on after.
    /// </summary>
    private AutoDetectRestorer DetectChangesOnce()
    {
        ChangeTracker.DetectChanges();
        var restorer = new AutoDetectRestorer(ChangeTracker, ChangeTracker.AutoDetectChangesEnabled);
        ChangeTracker.AutoDetectChangesEnabled = false;
        return restorer;
    }

    private readonly record struct AutoDetectRestorer(Microsoft.EntityFrameworkCore.ChangeTracking.ChangeTracker Tracker, bool Enabled) : IDisposable
    {
        public void Dispose() => Tracker.AutoDetectChangesEnabled = Enabled;
    }

    internal void NoteNewOutboxMessage(Guid dossierId) => _dossiersWithNewMessages.Add(dossierId);

    internal void NoteArmedTimer(TimerArmed timer) => _armedTimers.Add(timer);

    /// <summary>The timers stored since the last call; called once their transaction committed.</summary>
    internal IReadOnlyList<TimerArmed> TakeArmedTimers()
    {
        var taken = _armedTimers.ToList();
        _armedTimers.Clear();
        return taken;
    }

    /// <summary>The dossiers that got outbox messages since the last call; called once their transaction committed.</summary>
    internal IReadOnlyList<Guid> TakeDossiersWithNewMessages()
    {
        var taken = _dossiersWithNewMessages.ToList();
        _dossiersWithNewMessages.Clear();
        return taken;
    }

    /// <summary>The transaction rolled back: its messages and timers never existed.</summary>
    internal void ForgetDossiersWithNewMessages()
    {
        _dossiersWithNewMessages.Clear();
        _armedTimers.Clear();
    }
}
