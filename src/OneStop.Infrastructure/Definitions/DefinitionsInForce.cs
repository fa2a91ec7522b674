using Microsoft.EntityFrameworkCore;
using OneStop.Domain.Definitions;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Infrastructure.Definitions;

/// <summary>
/// The definition in force today of every procedure and package, for the rules that look across definitions —
/// a package's members must exist and be published (DESIGN §4.2). Read once per check; a province has tens of them.
/// </summary>
public static class DefinitionsInForce
{
    public static async Task<Func<string, WorkflowDefinition?>> LoadAsync(OneStopDbContext db, DateOnly today, CancellationToken ct)
    {
        var published = await db.DefinitionVersions.AsNoTracking().Where(v => v.State == DefinitionState.Published).ToListAsync(ct);
        var inForce = published.GroupBy(v => v.DefinitionId, StringComparer.Ordinal)
            .Select(g => EffectiveVersions.InForce(g, today))
            .Where(v => v is not null)
            .ToDictionary(v => v!.DefinitionId, v => v!.Parse(), StringComparer.Ordinal);
        return id => inForce.GetValueOrDefault(id);
    }
}
