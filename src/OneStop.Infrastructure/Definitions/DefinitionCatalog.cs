using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using OneStop.Domain.Definitions;
using OneStop.Domain.Dossiers;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Infrastructure.Definitions;

/// <summary>
/// Engines for published definition versions. A published version never changes, so an engine built
/// once per (id, version) can be kept for the life of the process on every node.
/// </summary>
public sealed class DefinitionCatalog
{
    private readonly ConcurrentDictionary<(string Id, int Version), WorkflowEngine> _engines = new();

    /// <summary>The engine of a stored, non-draft version; null when there is none.</summary>
    public async Task<WorkflowEngine?> GetAsync(OneStopDbContext db, string id, int version, CancellationToken ct)
    {
        if (_engines.TryGetValue((id, version), out var engine))
            return engine;
        var stored = await db.DefinitionVersions.AsNoTracking()
            .FirstOrDefaultAsync(d => d.DefinitionId == id && d.Version == version && d.State != DefinitionState.Draft, ct);
        if (stored is null)
            return null;
        return _engines.GetOrAdd((id, version), _ => new WorkflowEngine(stored.Parse()));
    }

    /// <summary>The engine of the version a dossier is pinned to; it always exists, since versions are never deleted.</summary>
    public async Task<WorkflowEngine> GetPinnedAsync(OneStopDbContext db, Dossier dossier, CancellationToken ct) =>
        await GetAsync(db, dossier.ProcedureId, dossier.DefinitionVersion, ct)
            ?? throw new InvalidOperationException($"Definition {dossier.ProcedureId} v{dossier.DefinitionVersion} is missing.");

    /// <summary>The published version new dossiers of a procedure start on (the highest published one).</summary>
    public async Task<WorkflowEngine?> GetCurrentAsync(OneStopDbContext db, string id, CancellationToken ct)
    {
        var version = await db.DefinitionVersions.AsNoTracking()
            .Where(d => d.DefinitionId == id && d.State == DefinitionState.Published)
            .OrderByDescending(d => d.Version)
            .Select(d => (int?)d.Version)
            .FirstOrDefaultAsync(ct);
        return version is null ? null : await GetAsync(db, id, version.Value, ct);
    }
}
