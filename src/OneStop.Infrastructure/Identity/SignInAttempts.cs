using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Infrastructure.Identity;

/// <summary>
/// Lockout that a burst of parallel guesses cannot beat. Every password check first reserves its attempt with one
/// conditional UPDATE — counted as a failure in advance, refused outright while the account is locked — so the
/// count and the lock are written before any password is looked at, and the database (not a read made earlier)
/// decides. The attempt that brings the count to <see cref="LockoutOptions.MaxFailedAccessAttempts"/> locks the
/// account in the same statement; every later one is refused without hashing anything. Only a correct password
/// takes its reservation back (<see cref="SucceededAsync"/>).
/// </summary>
/// <remarks>
/// Of 200 parallel wrong guesses exactly MaxFailedAccessAttempts are checked; a correct password sent after the
/// lock gets no token. A correct password among the attempts already admitted still signs in and clears the lock,
/// as a success in Identity's own sign-in does. The statement is plain SQL (no row-lock hints), the same on SQLite,
/// where writers are serialised, and on SQL Server, where the UPDATE holds the row's lock while it counts.
/// </remarks>
public static class SignInAttempts
{
    /// <summary>True when one attempt is reserved and the password may be checked; false while the account is locked.</summary>
    public static async Task<bool> TryBeginAsync(OneStopDbContext db, Guid userId, LockoutOptions options, DateTime now, CancellationToken ct)
    {
        var max = options.MaxFailedAccessAttempts;
        DateTime? lockedUntil = now.Add(options.DefaultLockoutTimeSpan);
        var reserved = await db.Users
            .Where(u => u.Id == userId && (u.LockoutEnd == null || u.LockoutEnd <= now))
            .ExecuteUpdateAsync(s => s
                // Reaching the limit locks and starts the next period's count from zero (Identity's semantics).
                .SetProperty(u => u.AccessFailedCount, u => u.AccessFailedCount + 1 >= max ? 0 : u.AccessFailedCount + 1)
                .SetProperty(u => u.LockoutEnd, u => u.AccessFailedCount + 1 >= max ? lockedUntil : u.LockoutEnd), ct);
        return reserved == 1;
    }

    /// <summary>The password was right: the count starts again and no lock remains.</summary>
    public static Task SucceededAsync(OneStopDbContext db, Guid userId, CancellationToken ct) =>
        db.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.AccessFailedCount, 0).SetProperty(u => u.LockoutEnd, (DateTime?)null), ct);
}
