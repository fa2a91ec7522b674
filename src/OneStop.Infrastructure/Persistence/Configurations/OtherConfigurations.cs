using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Domain.Definitions;
using OneStop.Domain.Units;
using OneStop.Infrastructure.Identity;

namespace OneStop.Infrastructure.Persistence.Configurations;

internal sealed class DefinitionVersionConfiguration : IEntityTypeConfiguration<DefinitionVersion>
{
    public void Configure(EntityTypeBuilder<DefinitionVersion> builder)
    {
        builder.HasKey(d => new { d.DefinitionId, d.Version });
        builder.Property(d => d.DefinitionId).HasMaxLength(StoredLengths.ProcedureId);
        builder.Property(d => d.Name).HasMaxLength(StoredLengths.DefinitionName);
        builder.Property(d => d.ProcedureCode).HasMaxLength(StoredLengths.ProcedureCode);
        builder.Property(d => d.Level).HasMaxLength(16);
        builder.Property(d => d.OnlineLevel).HasMaxLength(16);
        builder.Property(d => d.ContentHash).HasMaxLength(64);
        builder.Property(d => d.Kind).HasMaxLength(16).HasDefaultValue(DefinitionKinds.Procedure);
        builder.Property(d => d.Revision).IsConcurrencyToken();
    }
}

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> builder)
    {
        builder.HasKey(u => u.Code);
        builder.Property(u => u.Code).HasMaxLength(35);
        builder.Property(u => u.Name).HasMaxLength(200);
        builder.Property(u => u.Level).HasMaxLength(16);
        builder.Property(u => u.Kind).HasMaxLength(16).HasDefaultValue(OneStop.Domain.Units.UnitKinds.Committee);
        builder.Property(u => u.ParentCode).HasMaxLength(35);
        builder.Property(u => u.AgencyCode).HasMaxLength(35);
        builder.Property(u => u.SuccessorCode).HasMaxLength(35);
        // Small (a few successors and rules), read with the tree; JSON keeps the unit row whole.
        builder.Property(u => u.DissolutionJson);
    }
}

internal sealed class CalendarEntryConfiguration : IEntityTypeConfiguration<CalendarEntry>
{
    public void Configure(EntityTypeBuilder<CalendarEntry> builder)
    {
        builder.HasKey(c => c.Date);
        builder.Property(c => c.Note).HasMaxLength(StoredLengths.CalendarNote);
        builder.Property(c => c.Source).HasMaxLength(500);
    }
}

internal sealed class UserAccountConfiguration : IEntityTypeConfiguration<UserAccount>
{
    public void Configure(EntityTypeBuilder<UserAccount> builder)
    {
        builder.HasKey(u => u.Id);
        builder.HasIndex(u => u.UserName).IsUnique();
        builder.Property(u => u.UserName).HasMaxLength(StoredLengths.UserName);
        builder.Property(u => u.FullName).HasMaxLength(StoredLengths.FullName);
        builder.Property(u => u.PasswordHash).HasMaxLength(200);
        builder.Property(u => u.Roles).HasMaxLength(200);
        builder.Property(u => u.UnitCode).HasMaxLength(35);
        builder.Property(u => u.PersonalId).HasMaxLength(16);
        builder.Property(u => u.SecurityStamp).HasMaxLength(64);
        builder.Ignore(u => u.RoleSet);
        builder.Ignore(u => u.IsDisabled);
    }
}

internal sealed class CodeSequenceConfiguration : IEntityTypeConfiguration<CodeSequence>
{
    public void Configure(EntityTypeBuilder<CodeSequence> builder)
    {
        builder.HasKey(c => new { c.AgencyCode, c.Day });
        builder.Property(c => c.AgencyCode).HasMaxLength(35);
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.HasKey(r => new { r.UserName, r.Key });
        builder.Property(r => r.Key).HasMaxLength(128);
        builder.Property(r => r.UserName).HasMaxLength(64);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
        builder.Property(r => r.DossierCode).HasMaxLength(64);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.HasKey(m => m.Id);
        builder.HasIndex(m => m.IdempotencyKey).IsUnique();
        builder.HasIndex(m => new { m.State, m.NextAttemptAt });
        builder.HasIndex(m => new { m.DossierId, m.Sequence }).IsUnique();
        builder.Property(m => m.DossierCode).HasMaxLength(64);
        builder.Property(m => m.IdempotencyKey).HasMaxLength(100);
        builder.Property(m => m.Type).HasMaxLength(64);
        builder.Property(m => m.LastError).HasMaxLength(2000);
    }
}

internal sealed class OutboxLeaseConfiguration : IEntityTypeConfiguration<OutboxLease>
{
    public void Configure(EntityTypeBuilder<OutboxLease> builder)
    {
        builder.HasKey(l => l.DossierId);
        builder.Property(l => l.DossierId).ValueGeneratedNever();
        builder.Property(l => l.Owner).HasMaxLength(200);
    }
}
