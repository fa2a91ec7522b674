using OneStop.Domain.Dossiers;
using OneStop.Infrastructure.Definitions;
using OneStop.Infrastructure.Documents;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Infrastructure.Events;

/// <summary>A resolved dossier's results are issued — drawn or uploaded, signed where the definition says — before the save.</summary>
public sealed class ResultsHandler(ResultIssuer issuer, DefinitionCatalog catalog) : IDomainEventHandler
{
    public async Task HandleAsync(IDomainEvent domainEvent, OneStopDbContext db, CancellationToken ct)
    {
        if (domainEvent is not DossierResolved resolved)
            return;
        var model = await catalog.GetPinnedAsync(db, resolved.Dossier, ct);
        await issuer.IssueAsync(resolved.Dossier, model, resolved.UploadedFiles, ct, resolved.DeclineReasons);
    }
}
