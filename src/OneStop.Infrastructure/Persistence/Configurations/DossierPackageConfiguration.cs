using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Domain.Packages;

namespace OneStop.Infrastructure.Persistence.Configurations;

internal sealed class DossierPackageConfiguration : IEntityTypeConfiguration<DossierPackage>
{
    public void Configure(EntityTypeBuilder<DossierPackage> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        // Package and dossier codes come from one sequence per agency and day, so a code names one or the other.
        builder.Property(p => p.Code).HasMaxLength(64);
        builder.HasIndex(p => p.Code).IsUnique();
        builder.Property(p => p.TrackingSecret).HasMaxLength(32);
        builder.Property(p => p.PackageId).HasMaxLength(StoredLengths.ProcedureId);
        builder.Property(p => p.Name).HasMaxLength(StoredLengths.DefinitionName);
        builder.Property(p => p.ReceivingUnitCode).HasMaxLength(StoredLengths.UnitCode);
        builder.Property(p => p.OwnerUserName).HasMaxLength(StoredLengths.UserName);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => p.OwnerUserName);

        builder.OwnsOne(p => p.Applicant, ApplicantColumns.Map);
        builder.Navigation(p => p.Applicant).IsRequired();

        builder.OwnsMany(p => p.Members, member =>
        {
            member.ToTable("DossierPackageMembers");
            member.WithOwner().HasForeignKey("DossierPackageId");
            member.Property<int>("Id");
            member.HasKey("Id");
            member.Property(m => m.ProcedureId).HasMaxLength(StoredLengths.ProcedureId);
            member.Property(m => m.UnitCode).HasMaxLength(StoredLengths.UnitCode);
            member.Property(m => m.AfterList).HasMaxLength(1000);
            member.Property(m => m.PapersFromJson).HasMaxLength(2000);
            member.Property(m => m.DossierCode).HasMaxLength(64);
            member.Property(m => m.CancelReason).HasMaxLength(StoredLengths.Comment);
            member.Ignore(m => m.After);
            member.Ignore(m => m.PapersFrom);
            member.Ignore(m => m.Documents);
            member.Ignore(m => m.Form);
            member.HasIndex(m => m.DossierCode);
        });
        builder.Navigation(p => p.Members).HasField("_members").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
