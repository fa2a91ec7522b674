using OneStop.Domain.Dossiers;
using OneStop.Infrastructure.Persistence;
using OneStop.Infrastructure.Reports;

namespace OneStop.Infrastructure.Events;

/// <summary>
/// Every line added to a dossier's history updates its report fact (<see cref="ReportFactProjection"/>) before the save.
/// Registered last: a resolved dossier's results are issued (<see cref="ResultsHandler"/>, on <see cref="DossierResolved"/>,
/// which the action raises before its history line) by the time its fact records whether they are electronic.
/// </summary>
public sealed class ReportFactsHandler : IDomainEventHandler
{
    public Task HandleAsync(IDomainEvent domainEvent, OneStopDbContext db, CancellationToken ct) =>
        domainEvent is DossierChanged changed ? ReportFactProjection.ApplyAsync(db, changed.Dossier, changed.Event, ct) : Task.CompletedTask;
}
