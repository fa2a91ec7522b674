namespace OneStop.Infrastructure.Identity;

/// <summary>A signed-in person: an officer of one unit, an admin, or a citizen known by personal ID.</summary>
/// <remarks>
/// Our own table rather than ASP.NET Core Identity's <c>IdentityUser</c> store: roles as a comma list,
/// the unit and the personal ID are what every request needs, and the Identity store's extra tables
/// (claims, logins, tokens, role joins) would serve nothing here. The security-sensitive parts are
/// Identity's own building blocks from the shared framework: <c>PasswordHasher&lt;UserAccount&gt;</c>
/// (PBKDF2), <c>PasswordOptions</c> (see <see cref="PasswordPolicy"/>) and <c>LockoutOptions</c>, with
/// <see cref="AccessFailedCount"/> and <see cref="LockoutEnd"/> meaning what they mean on <c>IdentityUser</c>.
/// </remarks>
public sealed class UserAccount
{
    public Guid Id { get; set; }
    public string UserName { get; set; } = "";
    public string FullName { get; set; } = "";
    /// <summary>ASP.NET Core Identity's PBKDF2 hash (<c>PasswordHasher</c>); never the password.</summary>
    public string PasswordHash { get; set; } = "";
    /// <summary>Role names separated by commas, e.g. <c>reception</c>.</summary>
    public string Roles { get; set; } = "";
    public string? UnitCode { get; set; }
    public string? PersonalId { get; set; }
    /// <summary>Wrong passwords since the last successful sign-in or lockout.</summary>
    public int AccessFailedCount { get; set; }
    /// <summary>UTC instant until which sign-in is refused without checking the password; null or past: not locked.</summary>
    public DateTime? LockoutEnd { get; set; }

    /// <summary>When an admin disabled the account (UTC); null while it is enabled. A disabled account signs in nowhere.</summary>
    public DateTime? DisabledAt { get; set; }

    /// <summary>
    /// Identity's security stamp: every token carries the stamp of its sign-in, and a token whose stamp is no longer
    /// the account's is refused. Replaced when the account is disabled or its password changes or is reset, so
    /// those take effect at once on every token already issued.
    /// </summary>
    public string SecurityStamp { get; set; } = "";

    /// <summary>The password may only be exchanged for a new one (bootstrap admin, admin reset): no session until then.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>An admin reset's temporary password stops working at this UTC instant; null for a password its owner chose.</summary>
    public DateTime? TemporaryPasswordExpiresAt { get; set; }

    /// <summary>When the temporary password was used to sign in (it is good for one sign-in only); null while unused.</summary>
    public DateTime? TemporaryPasswordUsedAt { get; set; }

    public IReadOnlySet<string> RoleSet =>
        Roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();

    public bool IsLockedOut(DateTime utcNow) => LockoutEnd is { } end && end > utcNow;

    public bool IsDisabled => DisabledAt is not null;

    public static string NewSecurityStamp() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
}
