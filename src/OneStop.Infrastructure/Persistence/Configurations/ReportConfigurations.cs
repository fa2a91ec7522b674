using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Domain.Ratings;
using OneStop.Infrastructure.Reports;

namespace OneStop.Infrastructure.Persistence.Configurations;

internal sealed class DossierReportFactConfiguration : IEntityTypeConfiguration<DossierReportFact>
{
    public void Configure(EntityTypeBuilder<DossierReportFact> builder)
    {
        builder.ToTable("DossierReportFacts");
        builder.HasKey(f => f.DossierId);
        builder.Property(f => f.DossierId).ValueGeneratedNever();
        builder.Property(f => f.ProcedureId).HasMaxLength(128);
        builder.Property(f => f.ReceivedUnitCode).HasMaxLength(35);
        builder.Property(f => f.ResolvedUnitCode).HasMaxLength(35);
        builder.Property(f => f.ReturnedUnitCode).HasMaxLength(35);
        // Covering indexes: each figure is a range scan of one of them, grouped, without touching the table.
        builder.HasIndex(f => new { f.ReceivedAt, f.ReceivedUnitCode, f.Channel, f.ProcedureId, f.DefinitionVersion, f.PapersElectronic, f.PapersReused,
            f.VneidVerified, f.PapersFromNationalDatabases })
            .HasDatabaseName("IX_DossierReportFacts_Received");
        builder.HasIndex(f => new { f.ResolvedAt, f.ResolvedUnitCode, f.ResolvedLate, f.ResultElectronic, f.ProcessingWorkingMinutes, f.PausedWorkingMinutes })
            .HasDatabaseName("IX_DossierReportFacts_Resolved");
        builder.HasIndex(f => new { f.ReturnedAt, f.ReturnedUnitCode }).HasDatabaseName("IX_DossierReportFacts_Returned");
        builder.Property(f => f.CurrentUnitCode).HasMaxLength(35);
        builder.Property(f => f.CurrentStepId).HasMaxLength(64);
        builder.HasIndex(f => new { f.EndedAt, f.ReceivedAt, f.CurrentUnitCode, f.ProcedureId, f.CurrentStepId, f.LegalDueDate, f.PausedSince })
            .HasDatabaseName("IX_DossierReportFacts_Open");
    }
}

internal sealed class SatisfactionRatingConfiguration : IEntityTypeConfiguration<SatisfactionRating>
{
    public void Configure(EntityTypeBuilder<SatisfactionRating> builder)
    {
        builder.ToTable("SatisfactionRatings");
        // One row per dossier: the key itself refuses a second rating, even two sent at the same instant.
        builder.HasKey(r => r.DossierId);
        builder.Property(r => r.DossierId).ValueGeneratedNever();
        builder.Property(r => r.DossierCode).HasMaxLength(64);
        builder.Property(r => r.Comment).HasMaxLength(SatisfactionRating.CommentMaxLength);
        builder.Property(r => r.RatedBy).HasMaxLength(64);
        builder.Property(r => r.UnitCode).HasMaxLength(35);
        builder.HasIndex(r => new { r.RatedAt, r.UnitCode, r.Score });
    }
}

internal sealed class IndicatorSnapshotConfiguration : IEntityTypeConfiguration<IndicatorSnapshot>
{
    public void Configure(EntityTypeBuilder<IndicatorSnapshot> builder)
    {
        builder.HasKey(s => new { s.Day, s.UnitCode });
        builder.Property(s => s.UnitCode).HasMaxLength(35);
        // IndicatorCounts is not an entity of its own: its counts are this table's columns.
        builder.HasBaseType((Type?)null);
    }
}

internal sealed class IndicatorSnapshotDayConfiguration : IEntityTypeConfiguration<IndicatorSnapshotDay>
{
    public void Configure(EntityTypeBuilder<IndicatorSnapshotDay> builder) => builder.HasKey(d => d.Day);
}
