using Microsoft.EntityFrameworkCore;
using OneStop.Domain.Codes;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Infrastructure.Dossiers;

/// <summary>
/// Next dossier code of an agency for a day. Must run inside the submission's transaction: the
/// UPDATE takes the row's write lock until commit, so concurrent submissions queue instead of
/// reading the same number, and a rolled-back submission gives its number back.
/// </summary>
public static class DossierCodeGenerator
{
    public static async Task<string> NextAsync(OneStopDbContext db, string agencyCode, DateOnly day, CancellationToken ct)
    {
        var bumped = await db.CodeSequences
            .Where(s => s.AgencyCode == agencyCode && s.Day == day)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Last, x => x.Last + 1), ct);
        if (bumped == 0)
        {
            db.CodeSequences.Add(new CodeSequence { AgencyCode = agencyCode, Day = day, Last = 1 });
            await db.SaveChangesAsync(ct);
            return DossierCodes.Format(agencyCode, day, 1);
        }
        var last = await db.CodeSequences.AsNoTracking()
            .Where(s => s.AgencyCode == agencyCode && s.Day == day)
            .Select(s => s.Last)
            .SingleAsync(ct);
        return DossierCodes.Format(agencyCode, day, last);
    }
}
