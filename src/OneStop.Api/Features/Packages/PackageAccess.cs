using Microsoft.EntityFrameworkCore;
using OneStop.Api.Features.Dossiers;
using OneStop.Domain;
using OneStop.Domain.Dossiers;
using OneStop.Domain.Packages;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Api.Features.Packages;

/// <summary>
/// Who may read a package (DESIGN §2, §4.2): admins, its owner, officers of the unit that received it or of a unit
/// one of its members runs at, and whoever may read one of its members' dossiers.
/// </summary>
public static class PackageAccess
{
    public static Task<DossierPackage?> LoadAsync(OneStopDbContext db, string code, bool tracking, CancellationToken ct) =>
        (tracking ? db.DossierPackages : db.DossierPackages.AsNoTracking()).FirstOrDefaultAsync(p => p.Code == code, ct);

    public static async Task<bool> CanReadAsync(DossierPackage package, Actor actor, OneStopDbContext db, CancellationToken ct)
    {
        if (actor.Has(RoleNames.Admin) || package.IsOwner(actor))
            return true;
        if (!actor.IsOfficer || actor.UnitCode is not { } unit)
            return false;
        if (Same(unit, package.ReceivingUnitCode) || package.Members.Any(m => Same(unit, m.UnitCode)))
            return true;
        foreach (var code in package.Members.Where(m => m.DossierCode is not null).Select(m => m.DossierCode!))
            if (await DossierAccess.LoadAsync(db, code, tracking: false, ct) is { } member && DossierAccess.CanRead(member, actor))
                return true;
        return false;
    }

    private static bool Same(string a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
