using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneStop.Api.Common;
using OneStop.Domain;
using OneStop.Domain.Dossiers;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Api.Features.Dossiers;

/// <summary>
/// Who may read a dossier (DESIGN §2): admins, its owner, officers of any unit it has been at, and officers of a
/// unit consulted on it (they must read it to give their opinion).
/// </summary>
public static class DossierAccess
{
    public static bool CanRead(Dossier dossier, Actor actor)
    {
        if (actor.Has(RoleNames.Admin) || dossier.IsOwner(actor))
            return true;
        if (!actor.IsOfficer || actor.UnitCode is null)
            return false;
        return Same(actor.UnitCode, dossier.CurrentUnitCode) || Same(actor.UnitCode, dossier.ReceivingUnitCode)
            || Same(actor.UnitCode, dossier.CompetentUnitCode)
            || dossier.Events.Any(e => Same(actor.UnitCode, e.UnitCode) || Same(actor.UnitCode, e.ToUnitCode))
            || dossier.Consultations.Any(c => Same(actor.UnitCode, c.UnitCode));
    }

    private static bool Same(string a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Loads a dossier the caller is about to change: 404 when they may not see it (exactly like a missing
    /// one), 412 when their <c>If-Match</c> is not its current version.
    /// </summary>
    public static async Task<(Dossier? Dossier, ProblemHttpResult? Problem)> LoadForWriteAsync(
        OneStopDbContext db, string code, Actor actor, HttpRequest request, CancellationToken ct)
    {
        var dossier = await LoadAsync(db, code, tracking: true, ct);
        if (dossier is null || !CanRead(dossier, actor))
            return (null, Problems.NotFound($"Không tìm thấy hồ sơ '{code}'."));
        return ETags.CheckIfMatch(request, dossier.Version) is { } stale ? (null, Problems.PreconditionFailed(stale)) : (dossier, null);
    }

    /// <summary>Loads a whole dossier (papers, pauses, history) for reading or acting.</summary>
    public static Task<Dossier?> LoadAsync(OneStopDbContext db, string code, bool tracking, CancellationToken ct)
    {
        var query = db.Dossiers.Include(d => d.Events).Include(d => d.Pauses).Include(d => d.Consultations).Include(d => d.Timers).AsSplitQuery();
        return (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(d => d.Code == code, ct);
    }
}
