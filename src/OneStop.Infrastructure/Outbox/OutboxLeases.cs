using Microsoft.EntityFrameworkCore;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Infrastructure.Outbox;

/// <summary>
/// The per-dossier claim that keeps two nodes (or two jobs on one node) from sending the same messages.
/// Every step is one conditional statement, atomic on SQLite and SQL Server alike: the database decides
/// who wins, not the nodes' memory.
/// </summary>
public static class OutboxLeases
{
    /// <summary>The <see cref="OutboxLease.Until"/> of a lease nobody holds.</summary>
    public static readonly DateTime Free = DateTime.UnixEpoch;

    /// <summary>The free lease row a new dossier gets with its first message, so claims are plain UPDATEs.</summary>
    public static OutboxLease NewFor(Guid dossierId) => new() { DossierId = dossierId, Owner = "", Until = Free };

    /// <summary>Takes the dossier's lease if it is free or expired; false when someone else holds it.</summary>
    public static async Task<bool> TryClaimAsync(OneStopDbContext db, Guid dossierId, string owner, DateTime now, TimeSpan duration, CancellationToken ct)
    {
        var until = now + duration;
        var taken = await db.OutboxLeases
            .Where(l => l.DossierId == dossierId && l.Until <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Owner, owner).SetProperty(l => l.Until, until), ct);
        if (taken == 1)
            return true;
        if (await db.OutboxLeases.AnyAsync(l => l.DossierId == dossierId, ct))
            return false;
        // No row (a dossier older than the lease table): the primary key lets one of several racing inserts through.
        db.OutboxLeases.Add(new OutboxLease { DossierId = dossierId, Owner = owner, Until = until });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Extends our lease before a send; false when it expired and another claimer took it.</summary>
    public static async Task<bool> RenewAsync(OneStopDbContext db, Guid dossierId, string owner, DateTime now, TimeSpan duration, CancellationToken ct) =>
        await db.OutboxLeases
            .Where(l => l.DossierId == dossierId && l.Owner == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Until, now + duration), ct) == 1;

    /// <summary>Gives the dossier back (the row stays, free); a lease someone else has taken meanwhile is left alone.</summary>
    public static Task ReleaseAsync(OneStopDbContext db, Guid dossierId, string owner, CancellationToken ct) =>
        db.OutboxLeases.Where(l => l.DossierId == dossierId && l.Owner == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Owner, "").SetProperty(l => l.Until, Free), ct);
}
