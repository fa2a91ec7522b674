using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Infrastructure.Identity;

namespace OneStop.Infrastructure.Persistence.Configurations;

internal sealed class SignInAuditConfiguration : IEntityTypeConfiguration<SignInAudit>
{
    public void Configure(EntityTypeBuilder<SignInAudit> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.UserName).HasMaxLength(SignInAudit.UserNameMaxLength);
        builder.Property(a => a.Reason).HasMaxLength(16);
        // An IPv6 address with a zone id fits in 64.
        builder.Property(a => a.ClientAddress).HasMaxLength(64);
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.UserName, a.At });
    }
}
