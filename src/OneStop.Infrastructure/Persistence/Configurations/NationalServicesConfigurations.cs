using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Infrastructure.NationalServices;

namespace OneStop.Infrastructure.Persistence.Configurations;

internal sealed class NationalLookupConfiguration : IEntityTypeConfiguration<NationalLookup>
{
    public void Configure(EntityTypeBuilder<NationalLookup> builder)
    {
        builder.ToTable("NationalLookups");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Actor).HasMaxLength(StoredLengths.UserName);
        builder.Property(l => l.UnitCode).HasMaxLength(35);
        builder.Property(l => l.Kind).HasMaxLength(16);
        builder.Property(l => l.SubjectId).HasMaxLength(16);
        builder.Property(l => l.Purpose).HasMaxLength(StoredLengths.AuditDetail);
        builder.Property(l => l.Outcome).HasMaxLength(16);
        builder.Property(l => l.Record).HasMaxLength(4000);
        builder.Property(l => l.ClientAddress).HasMaxLength(64);
        builder.HasIndex(l => l.At);
        builder.HasIndex(l => new { l.SubjectId, l.At });
    }
}

internal sealed class PaymentOrderConfiguration : IEntityTypeConfiguration<PaymentOrder>
{
    public void Configure(EntityTypeBuilder<PaymentOrder> builder)
    {
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.DossierCode).HasMaxLength(64);
        builder.Property(o => o.MerchantOrderRef).HasMaxLength(80);
        builder.HasIndex(o => o.MerchantOrderRef).IsUnique();
        builder.Property(o => o.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(o => o.OrderId).HasMaxLength(64);
        builder.HasIndex(o => o.OrderId).IsUnique();
        builder.Property(o => o.PayUrl).HasMaxLength(1000);
        builder.Property(o => o.TransactionNo).HasMaxLength(64);
        builder.Property(o => o.SettledBy).HasMaxLength(16);
        builder.Property(o => o.Receipt).HasMaxLength(4000);
        builder.Property(o => o.LastError).HasMaxLength(1000);
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.HasIndex(o => o.DossierId);
        // The reconciliation looks for unsent orders and orders pending for a while.
        builder.HasIndex(o => new { o.State, o.SentAt });
        builder.HasOne<Domain.Dossiers.Dossier>().WithMany().HasForeignKey(o => o.DossierId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PaymentCallbackRecordConfiguration : IEntityTypeConfiguration<PaymentCallbackRecord>
{
    public void Configure(EntityTypeBuilder<PaymentCallbackRecord> builder)
    {
        builder.ToTable("PaymentCallbacks");
        builder.HasKey(c => c.BodyHash);
        builder.Property(c => c.BodyHash).HasMaxLength(64);
        builder.Property(c => c.OrderId).HasMaxLength(64);
    }
}
