using Microsoft.EntityFrameworkCore;
using OneStop.Domain.Calendar;
using OneStop.Domain.Definitions;
using OneStop.Domain.Dossiers;
using OneStop.Domain.Units;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Infrastructure.Dossiers;

/// <summary>Builds the domain's view of the world for one request: unit tree, calendar, clock.</summary>
public sealed class DossierContextFactory(OneStopDbContext db, TimeProvider clock)
{
    public async Task<DossierContext> CreateAsync(ProcedureModel model, Actor actor, CancellationToken ct) =>
        new(model, await LoadUnitsAsync(ct), await LoadDeadlinesAsync(ct), actor, clock.GetUtcNow().UtcDateTime);

    /// <summary>Now, by the clock every context of this request is built with.</summary>
    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    public async Task<UnitTree> LoadUnitsAsync(CancellationToken ct) =>
        new((await db.Units.AsNoTracking().ToListAsync(ct)).Select(u => u.ToInfo()));

    /// <summary>
    /// The calendar is read per request so an admin's edit counts at once on every node. A year is held when the
    /// table has any day of it (the shipped file's years, or days an admin entered): a deadline running into any
    /// other year is refused rather than counted on weekends alone (DESIGN §6).
    /// </summary>
    public async Task<DeadlineCalculator> LoadDeadlinesAsync(CancellationToken ct)
    {
        var days = await db.Calendar.AsNoTracking().Select(c => new CalendarDay(c.Date, c.Working, c.Note)).ToListAsync(ct);
        return new DeadlineCalculator(new WorkingCalendar(days, days.Select(d => d.Date.Year).Distinct()), OfficeHours.Default);
    }
}
