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
public sealed class DefinitionCatalog(ILogger<DefinitionCatalog> logger, TimeProvider clock)
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
        if (stored is null || stored.Kind == DefinitionKinds.Package)
            return null;
        return _models.GetOrAdd((id, version), _ => ProcedureModel.Compile(stored.Parse(), Guards));
    }

    /// <summary>
    /// A draft compiled with the same guard evaluator as published versions, for a simulation; not cached, since a
    /// draft changes. The draft must have passed the publish rules.
    /// </summary>
    public ProcedureModel CompileDraft(WorkflowDefinition draft) => ProcedureModel.Compile(draft, Guards);

    /// <summary>The model of the version a dossier is pinned to; it always exists, since versions are never deleted.</summary>
    public async Task<ProcedureModel> GetPinnedAsync(OneStopDbContext db, Dossier dossier, CancellationToken ct) =>
        await GetAsync(db, dossier.ProcedureId, dossier.DefinitionVersion, ct)
            ?? throw new InvalidOperationException($"Definition {dossier.ProcedureId} v{dossier.DefinitionVersion} is missing.");

    /// <summary>
    /// The version new dossiers of a procedure start on today (Vietnam time): the highest published version whose
    /// <c>effectiveFrom</c> has come (<see cref="EffectiveVersions"/>). Null for an unknown id, a package or nothing in force.
    /// </summary>
    public async Task<ProcedureModel?> GetCurrentAsync(OneStopDbContext db, string id, CancellationToken ct) =>
        await FindInForceAsync(db, id, ct) is { Kind: DefinitionKinds.Procedure } version ? await GetAsync(db, id, version.Version, ct) : null;

    /// <summary>
    /// Which version is in force today and of which kind, read without its JSON: with the compiled model kept per
    /// version, a submission's definition then costs one narrow query.
    /// </summary>
    public async Task<InForceVersion?> FindInForceAsync(OneStopDbContext db, string id, CancellationToken ct)
    {
        var today = Today;
        var published = await db.DefinitionVersions.AsNoTracking()
            .Where(d => d.DefinitionId == id && d.State == DefinitionState.Published)
            .Select(d => new { d.Version, d.EffectiveFrom, d.Kind })
            .ToListAsync(ct);
        return published.Where(v => EffectiveVersions.HasCome(v.EffectiveFrom, today)).MaxBy(v => v.Version) is { } chosen
            ? new InForceVersion(chosen.Version, chosen.Kind)
            : null;
    }

    /// <summary>The stored version of a procedure or package in force today, whatever its kind; null when none is.</summary>
    public async Task<DefinitionVersion?> GetInForceAsync(OneStopDbContext db, string id, CancellationToken ct)
    {
        var published = await db.DefinitionVersions.AsNoTracking()
            .Where(d => d.DefinitionId == id && d.State == DefinitionState.Published).ToListAsync(ct);
        return EffectiveVersions.InForce(published, Today);
    }

    /// <summary>Today in Vietnam, the day effective dates are compared with.</summary>
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Domain.Calendar.DeadlineCalculator.VietnamOffset).DateTime);
}

/// <summary>The number and kind (<c>procedure</c> or <c>package</c>) of the version in force.</summary>
public sealed record InForceVersion(int Version, string Kind);
