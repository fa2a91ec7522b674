using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Domain.Dossiers;

namespace OneStop.Infrastructure.Persistence.Configurations;

/// <summary>
/// The applicant's columns, the same on a dossier and on a package: one mapping, so a field added to
/// <see cref="Applicant"/> (the commune code of issue 10, say) is stored alike on both tables.
/// </summary>
internal static class ApplicantColumns
{
    public static void Map<TOwner>(OwnedNavigationBuilder<TOwner, Applicant> applicant) where TOwner : class
    {
        applicant.Property(a => a.IdNumber).HasMaxLength(16).HasColumnName("ApplicantIdNumber");
        applicant.Property(a => a.FullName).HasMaxLength(StoredLengths.ApplicantName).HasColumnName("ApplicantName");
        applicant.Property(a => a.Type).HasColumnName("ApplicantType");
        applicant.Property(a => a.Phone).HasMaxLength(StoredLengths.ApplicantPhone).HasColumnName("ApplicantPhone");
        applicant.Property(a => a.Email).HasMaxLength(StoredLengths.ApplicantEmail).HasColumnName("ApplicantEmail");
        applicant.Property(a => a.Address).HasMaxLength(StoredLengths.ApplicantAddress).HasColumnName("ApplicantAddress");
        applicant.Property(a => a.Representative).HasMaxLength(StoredLengths.ApplicantRepresentative).HasColumnName("ApplicantRepresentative");
        applicant.Property(a => a.CommuneCode).HasMaxLength(StoredLengths.UnitCode).HasColumnName("ApplicantCommuneCode");
        applicant.HasIndex(a => a.IdNumber);
    }
}
