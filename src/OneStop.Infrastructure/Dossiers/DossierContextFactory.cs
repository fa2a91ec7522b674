using Microsoft.EntityFrameworkCore;
using OneStop.Domain.Calendar;
using OneStop.Domain.Definitions;
using OneStop.Domain.Dossiers;
using OneStop.Domain.Units;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Infrastructure.Dossiers;

/// <summary>
/// Builds the domain's view of the world for one request: unit tree, calendar, clock. The tree and the calendar come
/// from this node's <see cref="ReferenceDataCache"/> while the stamps read with each request say they are current,
/// so an admin's edit on any node counts at once on every node, and a request reads two small rows, not two tables.
/// </summary>
public sealed class DossierContextFactory(OneStopDbContext db, TimeProvider clock, ReferenceDataCache cache)
{
    public async Task<DossierContext> CreateAsync(ProcedureModel model, Actor actor, CancellationToken ct)
    {
        var stamps = await ReadStampsAsync(ct);
        return new(model, await UnitsAsync(stamps, ct), await DeadlinesAsync(stamps, ct), actor, clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>Now, by the clock every context of this request is built with.</summary>
    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    public async Task<UnitTree> LoadUnitsAsync(CancellationToken ct) => await UnitsAsync(await ReadStampsAsync(ct), ct);

    /// <summary>The unit tree and the deadlines together, under one read of the stamps (a list answer needs both).</summary>
    public async Task<(UnitTree Units, DeadlineCalculator Deadlines)> LoadReferenceDataAsync(CancellationToken ct)
    {
        var stamps = await ReadStampsAsync(ct);
        return (await UnitsAsync(stamps, ct), await DeadlinesAsync(stamps, ct));
    }

    private async Task<Dictionary<string, Guid>> ReadStampsAsync(CancellationToken ct) =>
        await db.ReferenceStamps.AsNoTracking().ToDictionaryAsync(s => s.Name, s => s.Stamp, ct);

    // The stamp is read before the rows: a change committed in between is built under the older stamp, which the
    // next request finds out of date and builds again — never newer rows kept as older, or older rows as newer.
    private async Task<UnitTree> UnitsAsync(Dictionary<string, Guid> stamps, CancellationToken ct)
    {
        var stamp = stamps.GetValueOrDefault(ReferenceStamp.Units);
        if (stamp != Guid.Empty && cache.Units(stamp) is { } cached)
            return cached;
        var units = new UnitTree((await db.Units.AsNoTracking().ToListAsync(ct)).Select(u => u.ToInfo()));
        if (stamp != Guid.Empty)
            cache.Keep(stamp, units);
        return units;
    }

    // A year is held when the table has any day of it (the shipped file's years, or days an admin entered): a deadline
    // running into any other year is refused rather than counted on weekends alone (DESIGN §6).
    private async Task<DeadlineCalculator> DeadlinesAsync(Dictionary<string, Guid> stamps, CancellationToken ct)
    {
        var stamp = stamps.GetValueOrDefault(ReferenceStamp.Calendar);
        if (stamp != Guid.Empty && cache.Deadlines(stamp) is { } cached)
            return cached;
        var days = await db.Calendar.AsNoTracking().Select(c => new CalendarDay(c.Date, c.Working, c.Note)).ToListAsync(ct);
        var deadlines = new DeadlineCalculator(new WorkingCalendar(days, days.Select(d => d.Date.Year).Distinct()), OfficeHours.Default);
        if (stamp != Guid.Empty)
            cache.Keep(stamp, deadlines);
        return deadlines;
    }
}
