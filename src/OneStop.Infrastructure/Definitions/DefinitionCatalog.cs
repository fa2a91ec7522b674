using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OneStop.Domain.Definitions;
using OneStop.Domain.Definitions.Guards;
using OneStop.Domain.Dossiers;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Infrastructure.Definitions;

/// <summary>
/// Compiled models of published definition versions. A published version never changes, so the model built
/// once per (id, version) — guards prepared, rules read — is kept for the life of the process on every node.
/// </summary>
public sealed class DefinitionCatalog(ILogger<DefinitionCatalog> logger)
{
    private readonly ConcurrentDictionary<(string Id, int Version), ProcedureModel> _models = new();

    /// <summary>Guards that fail at run time do not hold; the failure is logged once per occurrence for the author to fix.</summary>
    private JintGuardEvaluator Guards => field ??= new JintGuardEvaluator((guard, error) =>
        logger.LogWarning(error, "Guard {Guard} failed at run time and was taken as not holding", guard));

    /// <summary>The model of a stored, non-draft version; null when there is none.</summary>
    public async Task<ProcedureModel?> GetAsync(OneStopDbContext db, string id, int version, CancellationToken ct)
    {
        if (_models.TryGetValue((id, version), out var model))
            return model;
        var stored = await db.DefinitionVersions.AsNoTracking()
            .FirstOrDefaultAsync(d => d.DefinitionId == id && d.Version == version && d.State != DefinitionState.Draft, ct);
        if (stored is null)
            return null;
        return _models.GetOrAdd((id, version), _ => ProcedureModel.Compile(stored.Parse(), Guards));
    }

    /// <summary>The model of the version a dossier is pinned to; it always exists, since versions are never deleted.</summary>
    public async Task<ProcedureModel> GetPinnedAsync(OneStopDbContext db, Dossier dossier, CancellationToken ct) =>
        await GetAsync(db, dossier.ProcedureId, dossier.DefinitionVersion, ct)
            ?? throw new InvalidOperationException($"Definition {dossier.ProcedureId} v{dossier.DefinitionVersion} is missing.");

    /// <summary>The published version new dossiers of a procedure start on (the highest published one).</summary>
    public async Task<ProcedureModel?> GetCurrentAsync(OneStopDbContext db, string id, CancellationToken ct)
    {
        var version = await db.DefinitionVersions.AsNoTracking()
            .Where(d => d.DefinitionId == id && d.State == DefinitionState.Published)
            .OrderByDescending(d => d.Version)
            .Select(d => (int?)d.Version)
            .FirstOrDefaultAsync(ct);
        return version is null ? null : await GetAsync(db, id, version.Value, ct);
    }
}
