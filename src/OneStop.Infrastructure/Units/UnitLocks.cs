using Microsoft.EntityFrameworkCore;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Infrastructure.Units;

/// <summary>
/// Serialises changes to the unit tree (a merge now, a dissolve later) against the work that puts dossiers at a
/// unit. A tree change takes its units' rows <b>exclusively</b> as the first step of its transaction; an action or a
/// submission takes the rows of the units its dossier leaves and lands at <b>shared</b> just before it saves, then
/// checks, under that lock, that the unit it lands at is still open. So either the action commits first and the
/// merge then sees (and moves) its dossier, or the merge commits first and the action is refused with a clear
/// answer, never a dossier left at a unit that has ended. Many actions share a unit at once; only a tree change waits.
/// </summary>
/// <remarks>
/// Row locks on PostgreSQL (<c>FOR SHARE</c> / <c>FOR UPDATE</c>) and SQL Server (<c>HOLDLOCK</c> / <c>XLOCK</c>); SQLite
/// needs none, its write transactions (<c>BEGIN IMMEDIATE</c>) already run one at a time. Must run inside a transaction.
/// Units are locked in code order, so two tree changes never deadlock each other.
/// </remarks>
public static class UnitLocks
{
    /// <summary>For a tree change: no action lands at, or leaves, these units until the transaction ends.</summary>
    public static Task TakeExclusiveAsync(OneStopDbContext db, IEnumerable<string> unitCodes, CancellationToken ct) =>
        LockAsync(db, unitCodes, exclusive: true, ct);

    /// <summary>
    /// For an action: holds off tree changes of these units until the transaction ends, and answers which of them
    /// have ended by <paramref name="today"/> (merged or closed while the action was being decided).
    /// </summary>
    public static async Task<IReadOnlyList<string>> HoldOpenAsync(OneStopDbContext db, IEnumerable<string> unitCodes, DateOnly today, CancellationToken ct)
    {
        var codes = unitCodes.Distinct().Order(StringComparer.Ordinal).ToList();
        await LockAsync(db, codes, exclusive: false, ct);
        return await db.Units.AsNoTracking()
            .Where(u => codes.Contains(u.Code) && (u.SuccessorCode != null || (u.ValidTo != null && u.ValidTo < today)))
            .Select(u => u.Code)
            .ToListAsync(ct);
    }

    private static async Task LockAsync(OneStopDbContext db, IEnumerable<string> unitCodes, bool exclusive, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Unit locks last until the end of a transaction; begin one first.");
        if (db.Database.IsSqlite())
            return;
        foreach (var code in unitCodes.Distinct().Order(StringComparer.Ordinal))
            await db.Database.SqlQuery<string>(LockSql(db, code, exclusive)).ToListAsync(ct);
    }

    private static FormattableString LockSql(OneStopDbContext db, string code, bool exclusive)
    {
        if (db.Database.IsSqlServer())
        {
            if (exclusive)
                return $"SELECT [Code] AS [Value] FROM [Units] WITH (XLOCK, HOLDLOCK, ROWLOCK) WHERE [Code] = {code}";
            return $"SELECT [Code] AS [Value] FROM [Units] WITH (HOLDLOCK, ROWLOCK) WHERE [Code] = {code}";
        }
        if (exclusive)
            return $"""SELECT "Code" AS "Value" FROM "Units" WHERE "Code" = {code} FOR UPDATE""";
        return $"""SELECT "Code" AS "Value" FROM "Units" WHERE "Code" = {code} FOR SHARE""";
    }
}
