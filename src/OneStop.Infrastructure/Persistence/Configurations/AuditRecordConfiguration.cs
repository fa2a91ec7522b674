using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Infrastructure.Audit;

namespace OneStop.Infrastructure.Persistence.Configurations;

internal sealed class AuditRecordConfiguration : IEntityTypeConfiguration<AuditRecord>
{
    public void Configure(EntityTypeBuilder<AuditRecord> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Actor).HasMaxLength(StoredLengths.UserName);
        builder.Property(a => a.Action).HasMaxLength(32);
        // An account name or a personal ID / tax code (with branch).
        builder.Property(a => a.Subject).HasMaxLength(StoredLengths.UserName);
        builder.Property(a => a.DossierCode).HasMaxLength(64);
        builder.Property(a => a.Detail).HasMaxLength(StoredLengths.AuditDetail);
        builder.Property(a => a.ClientAddress).HasMaxLength(64);
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.Subject, a.At });
    }
}
