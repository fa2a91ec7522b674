using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Domain.Documents;
using OneStop.Infrastructure.Storage;

namespace OneStop.Infrastructure.Persistence.Configurations;

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> builder)
    {
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Sha256).HasMaxLength(64);
        builder.HasIndex(f => f.Sha256);
        builder.Property(f => f.ContentType).HasMaxLength(100);
        builder.Property(f => f.FileName).HasMaxLength(255);
        builder.Property(f => f.UploadedBy).HasMaxLength(64);
        builder.HasIndex(f => new { f.ReferencedAt, f.UploadedAt });
    }
}

internal sealed class RepositoryDocumentConfiguration : IEntityTypeConfiguration<RepositoryDocument>
{
    public void Configure(EntityTypeBuilder<RepositoryDocument> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.OwnerId).HasMaxLength(16);
        builder.HasIndex(d => new { d.OwnerId, d.TypeCode });
        builder.Property(d => d.TypeCode).HasMaxLength(32);
        builder.Property(d => d.Name).HasMaxLength(300);
        builder.Property(d => d.SourceDossierCode).HasMaxLength(64);
        builder.Property(d => d.ReuseCount).IsConcurrencyToken();
    }
}

internal sealed class DocumentReuseConfiguration : IEntityTypeConfiguration<DocumentReuse>
{
    public void Configure(EntityTypeBuilder<DocumentReuse> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.DossierCode).HasMaxLength(64);
        builder.HasIndex(r => r.RepositoryDocumentId);
        builder.HasIndex(r => r.DossierCode);
    }
}

internal sealed class ResultSignatureConfiguration : IEntityTypeConfiguration<ResultSignature>
{
    public void Configure(EntityTypeBuilder<ResultSignature> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Sha256).HasMaxLength(64);
        builder.HasIndex(s => s.Sha256);
        builder.Property(s => s.DossierCode).HasMaxLength(64);
        builder.Property(s => s.SignedBy).HasMaxLength(200);
        builder.Property(s => s.CertificateThumbprint).HasMaxLength(64);
    }
}

internal sealed class NationalCatalogueCheckConfiguration : IEntityTypeConfiguration<NationalPortal.NationalCatalogueCheck>
{
    public void Configure(EntityTypeBuilder<NationalPortal.NationalCatalogueCheck> builder)
    {
        builder.HasKey(c => c.ProcedureCode);
        builder.Property(c => c.ProcedureCode).HasMaxLength(64);
        builder.Property(c => c.NationalName).HasMaxLength(500);
        builder.Property(c => c.FieldCode).HasMaxLength(64);
        builder.Property(c => c.FieldName).HasMaxLength(300);
    }
}
