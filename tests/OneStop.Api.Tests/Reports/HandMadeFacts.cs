using Microsoft.EntityFrameworkCore;
using OneStop.Api.Tests.Infrastructure;
using OneStop.Domain.Dossiers;
using OneStop.Infrastructure.Reports;

namespace OneStop.Api.Tests.Reports;

/// <summary>
/// Report facts written straight into the database: a data set whose every row the test chose, so the
/// expected figures can be worked out by hand. Times are Vietnam wall-clock times.
/// </summary>
internal static class HandMadeFacts
{
    public static DateTime Vn(int year, int month, int day, int hour = 10) =>
        new DateTimeOffset(year, month, day, hour, 0, 0, TimeSpan.FromHours(7)).UtcDateTime;

    public static DossierReportFact Received(string unit, DateTime at, Channel channel = Channel.Counter,
        string procedure = ReportClient.BirthRegistration, bool electronic = false, bool reused = false, DateTime? due = null) => new()
    {
        DossierId = Guid.NewGuid(), ProcedureId = procedure, DefinitionVersion = 1, Channel = channel,
        ReceivedAt = at, ReceivedUnitCode = unit, PapersElectronic = electronic, PapersReused = reused, LegalDueDate = due ?? at.AddDays(1),
        CurrentUnitCode = unit, CurrentStepId = "tham-tra",
    };

    public static DossierReportFact ResolvedAt(this DossierReportFact fact, DateTime at, bool late = false, bool electronic = true, int minutes = 450, int paused = 0)
    {
        (fact.ResolvedAt, fact.ResolvedUnitCode, fact.EndedAt, fact.ResolvedLate, fact.ResultElectronic) = (at, fact.ReceivedUnitCode, at, late, electronic);
        (fact.ProcessingWorkingMinutes, fact.PausedWorkingMinutes) = (minutes, paused);
        return fact;
    }

    public static IEnumerable<DossierReportFact> Times(this int count, Func<DossierReportFact> make) => Enumerable.Range(0, count).Select(_ => make());

    public static Task AddFactsAsync(this OneStopFactory factory, IEnumerable<DossierReportFact> facts) =>
        factory.QueryAsync(async db =>
        {
            db.ReportFacts.AddRange(facts);
            return await db.SaveChangesAsync();
        });

    /// <summary>A rating row as the rating endpoint writes it, for a dossier that need not exist here.</summary>
    public static Task AddRatingAsync(this OneStopFactory factory, string unit, int score, DateTime at) =>
        factory.QueryAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "SatisfactionRatings" ("DossierId", "DossierCode", "Score", "Comment", "RatedBy", "UnitCode", "RatedAt")
            VALUES ({Guid.NewGuid()}, {"HAND-" + Guid.NewGuid().ToString("N")[..8]}, {score}, NULL, 'congdan', {unit}, {at})
            """));
}
