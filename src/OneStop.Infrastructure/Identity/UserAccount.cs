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

    public IReadOnlySet<string> RoleSet =>
        Roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();

    public bool IsLockedOut(DateTime utcNow) => LockoutEnd is { } end && end > utcNow;
}
