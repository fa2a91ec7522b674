using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Infrastructure.Signing;
using OneStop.Infrastructure.Storage;

namespace OneStop.Infrastructure.Persistence.Configurations;

internal sealed class FileBlobConfiguration : IEntityTypeConfiguration<FileBlob>
{
    public void Configure(EntityTypeBuilder<FileBlob> builder)
    {
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Sha256).HasMaxLength(64);
        builder.HasIndex(b => b.Sha256);
        builder.HasIndex(b => b.StartedAt);
        builder.HasMany<FileChunk>().WithOne().HasForeignKey(c => c.BlobId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FileChunkConfiguration : IEntityTypeConfiguration<FileChunk>
{
    public void Configure(EntityTypeBuilder<FileChunk> builder) => builder.HasKey(c => new { c.BlobId, c.Part });
}

internal sealed class SigningCertificateConfiguration : IEntityTypeConfiguration<SigningCertificate>
{
    public void Configure(EntityTypeBuilder<SigningCertificate> builder)
    {
        builder.HasKey(c => c.Thumbprint);
        builder.Property(c => c.Thumbprint).HasMaxLength(64);
        builder.Property(c => c.Subject).HasMaxLength(400);
    }
}
