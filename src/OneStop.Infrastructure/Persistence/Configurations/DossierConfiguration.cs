using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Domain.Dossiers;

namespace OneStop.Infrastructure.Persistence.Configurations;

internal sealed class DossierConfiguration : IEntityTypeConfiguration<Dossier>
{
    public void Configure(EntityTypeBuilder<Dossier> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Code).HasMaxLength(64);
        builder.HasIndex(d => d.Code).IsUnique();
        builder.Property(d => d.TrackingSecret).HasMaxLength(32);
        builder.Property(d => d.ProcedureId).HasMaxLength(StoredLengths.ProcedureId);
        builder.Property(d => d.CurrentStepId).HasMaxLength(StoredLengths.StepId);
        builder.Property(d => d.CurrentUnitCode).HasMaxLength(35);
        builder.Property(d => d.ReceivingUnitCode).HasMaxLength(35);
        builder.Property(d => d.CompetentUnitCode).HasMaxLength(35);
        builder.Property(d => d.ReturnAt).HasMaxLength(16);
        builder.Property(d => d.Outcome).HasMaxLength(16);
        builder.Property(d => d.OwnerUserName).HasMaxLength(64);
        builder.Property(d => d.PackageCode).HasMaxLength(64);
        builder.HasIndex(d => d.PackageCode);
        builder.Property(d => d.ResumeStatus).HasConversion<string>().HasMaxLength(32);
        // Bumped by the domain on every change: an application-managed token works on SQLite and SQL Server alike.
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.Property(d => d.AssigneeUserName).HasMaxLength(64);
        builder.Property(d => d.SignerUserName).HasMaxLength(64);
        builder.Ignore(d => d.OpenPause);
        builder.Ignore(d => d.ResolvedOnTime);
        builder.Ignore(d => d.Result);
        builder.Ignore(d => d.Form);
        builder.Ignore(d => d.OpenRound);
        builder.Ignore(d => d.IsAnyPoint);
        builder.Ignore(d => d.ReturnUnitCode);
        builder.Ignore(d => d.HomeUnitCode);
        builder.Ignore(d => d.DomainEvents);
        // The work queue (GET /api/dossiers): a unit's dossiers, filtered and sorted by due date, read from the index
        // alone — every filter column and sort key, then the id the page is loaded by — so a page never sorts the
        // unit's whole rows (issue 12: a province unit holds tens of thousands). Their prefixes serve what the former
        // (unit, status) and (unit, assignee) indexes served.
        builder.HasIndex(d => new { d.CurrentUnitCode, d.Status, d.DueDate, d.ReceptionDueDate, d.SubmittedAt, d.CurrentStepId, d.Id })
            .HasDatabaseName("IX_Dossiers_Queue");
        builder.HasIndex(d => new { d.CurrentUnitCode, d.AssigneeUserName, d.DueDate, d.ReceptionDueDate, d.SubmittedAt, d.Id })
            .HasDatabaseName("IX_Dossiers_QueueAssignee");
        builder.HasIndex(d => d.DueDate);
        builder.HasIndex(d => d.OwnerUserName);
        // Where the reports' data begins (the first submission), and queues by age.
        builder.HasIndex(d => d.SubmittedAt);

        builder.OwnsOne(d => d.Applicant, ApplicantColumns.Map);
        builder.Navigation(d => d.Applicant).IsRequired();

        builder.OwnsMany(d => d.Results, result =>
        {
            result.ToTable("DossierResults");
            result.WithOwner().HasForeignKey("DossierId");
            result.Property<int>("Id");
            result.HasKey("Id");
            result.Property(r => r.Code).HasMaxLength(StoredLengths.ResultCode);
            result.Property(r => r.Name).HasMaxLength(StoredLengths.ResultName);
            result.Property(r => r.IssuedBy).HasMaxLength(StoredLengths.UserName);
            result.Property(r => r.SignedBy).HasMaxLength(StoredLengths.UserName);
        });

        builder.OwnsMany(d => d.Documents, document =>
        {
            document.ToTable("DossierDocuments");
            document.WithOwner().HasForeignKey("DossierId");
            document.Property<int>("Id");
            document.HasKey("Id");
            document.Property(x => x.Code).HasMaxLength(StoredLengths.DocumentCode);
            document.Property(x => x.Name).HasMaxLength(StoredLengths.DocumentName);
            document.Property(x => x.PaperForm).HasMaxLength(16).HasDefaultValue(PaperForms.Copy);
            document.Property(x => x.Copies).HasDefaultValue(1);
            document.Property(x => x.TakenFrom).HasMaxLength(16);
        });

        builder.HasMany(d => d.Pauses).WithOne().HasForeignKey("DossierId").OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.Events).WithOne().HasForeignKey(e => e.DossierId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.Consultations).WithOne().HasForeignKey("DossierId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.Timers).WithOne().HasForeignKey("DossierId").IsRequired().OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DossierConsultationConfiguration : IEntityTypeConfiguration<DossierConsultation>
{
    public void Configure(EntityTypeBuilder<DossierConsultation> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.StepId).HasMaxLength(64);
        builder.Property(c => c.UnitCode).HasMaxLength(35);
        builder.Property(c => c.Role).HasMaxLength(32);
        builder.Property(c => c.Answer).HasMaxLength(16);
        builder.Property(c => c.Comment).HasMaxLength(2000);
        builder.Property(c => c.AnsweredBy).HasMaxLength(64);
        builder.Property(c => c.DocumentFileIds).HasMaxLength(1000);
        builder.Ignore(c => c.IsAnswered);
        // A consulted unit's officers find the dossiers that wait for their opinion.
        builder.HasIndex(c => new { c.UnitCode, c.AnsweredAt });
    }
}

internal sealed class DossierTimerConfiguration : IEntityTypeConfiguration<DossierTimer>
{
    public void Configure(EntityTypeBuilder<DossierTimer> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.StepId).HasMaxLength(64);
        builder.Property(t => t.Target).HasMaxLength(35);
        // The sweeper and the start-up pass look for timers due and not done.
        builder.HasIndex(t => new { t.DoneAt, t.DueAt });
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notifications.Notification>
{
    public void Configure(EntityTypeBuilder<Notifications.Notification> builder)
    {
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.UserName).HasMaxLength(64);
        builder.Property(n => n.Kind).HasMaxLength(32);
        builder.Property(n => n.DossierCode).HasMaxLength(64);
        builder.Property(n => n.Message).HasMaxLength(1000);
        builder.HasIndex(n => new { n.UserName, n.ReadAt, n.CreatedAt });
    }
}

internal sealed class DossierEventConfiguration : IEntityTypeConfiguration<DossierEvent>
{
    public void Configure(EntityTypeBuilder<DossierEvent> builder)
    {
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => new { e.DossierId, e.Sequence }).IsUnique();
        builder.Property(e => e.Action).HasMaxLength(32);
        builder.Property(e => e.Actor).HasMaxLength(64);
        builder.Property(e => e.UnitCode).HasMaxLength(35);
        builder.Property(e => e.ToUnitCode).HasMaxLength(35);
        builder.Property(e => e.FromStatus).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.FromStep).HasMaxLength(64);
        builder.Property(e => e.ToStep).HasMaxLength(64);
        builder.Property(e => e.Comment).HasMaxLength(StoredLengths.Comment);
        // The event-based indicators (refused, withdrawn, declined) scan this by action and time.
        builder.HasIndex(e => new { e.Action, e.At, e.UnitCode, e.FromStatus });
    }
}

internal sealed class ClockPauseConfiguration : IEntityTypeConfiguration<ClockPause>
{
    public void Configure(EntityTypeBuilder<ClockPause> builder) => builder.HasKey(p => p.Id);
}
