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
        builder.Property(d => d.ProcedureId).HasMaxLength(128);
        builder.Property(d => d.CurrentStepId).HasMaxLength(64);
        builder.Property(d => d.CurrentUnitCode).HasMaxLength(35);
        builder.Property(d => d.ReceivingUnitCode).HasMaxLength(35);
        builder.Property(d => d.OwnerUserName).HasMaxLength(64);
        builder.Property(d => d.ResumeStatus).HasConversion<string>().HasMaxLength(32);
        // Bumped by the domain on every change: an application-managed token works on SQLite and SQL Server alike.
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.Ignore(d => d.OpenPause);
        builder.Ignore(d => d.ResolvedOnTime);
        builder.HasIndex(d => new { d.CurrentUnitCode, d.Status });
        builder.HasIndex(d => d.DueDate);
        builder.HasIndex(d => d.OwnerUserName);
        // Where the reports' data begins (the first submission), and queues by age.
        builder.HasIndex(d => d.SubmittedAt);

        builder.OwnsOne(d => d.Applicant, applicant =>
        {
            applicant.Property(a => a.IdNumber).HasMaxLength(16).HasColumnName("ApplicantIdNumber");
            applicant.Property(a => a.FullName).HasMaxLength(200).HasColumnName("ApplicantName");
            applicant.Property(a => a.Type).HasColumnName("ApplicantType");
            applicant.Property(a => a.Phone).HasMaxLength(20).HasColumnName("ApplicantPhone");
            applicant.Property(a => a.Email).HasMaxLength(200).HasColumnName("ApplicantEmail");
            applicant.Property(a => a.Address).HasMaxLength(400).HasColumnName("ApplicantAddress");
            applicant.Property(a => a.Representative).HasMaxLength(200).HasColumnName("ApplicantRepresentative");
            applicant.HasIndex(a => a.IdNumber);
        });
        builder.Navigation(d => d.Applicant).IsRequired();

        builder.OwnsOne(d => d.Result, result =>
        {
            result.Property(r => r.Code).HasMaxLength(32).HasColumnName("ResultCode");
            result.Property(r => r.Name).HasMaxLength(200).HasColumnName("ResultName");
            result.Property(r => r.IssuedAt).HasColumnName("ResultIssuedAt");
            result.Property(r => r.IssuedBy).HasMaxLength(64).HasColumnName("ResultIssuedBy");
            result.Property(r => r.FileId).HasColumnName("ResultFileId");
        });

        builder.OwnsMany(d => d.Documents, document =>
        {
            document.ToTable("DossierDocuments");
            document.WithOwner().HasForeignKey("DossierId");
            document.Property<int>("Id");
            document.HasKey("Id");
            document.Property(x => x.Code).HasMaxLength(32);
            document.Property(x => x.Name).HasMaxLength(300);
        });

        builder.HasMany(d => d.Pauses).WithOne().HasForeignKey("DossierId").OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.Events).WithOne().HasForeignKey(e => e.DossierId).OnDelete(DeleteBehavior.Cascade);
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
        builder.Property(e => e.Comment).HasMaxLength(2000);
        // The event-based indicators (refused, withdrawn, declined) scan this by action and time.
        builder.HasIndex(e => new { e.Action, e.At, e.UnitCode, e.FromStatus });
    }
}

internal sealed class ClockPauseConfiguration : IEntityTypeConfiguration<ClockPause>
{
    public void Configure(EntityTypeBuilder<ClockPause> builder) => builder.HasKey(p => p.Id);
}
