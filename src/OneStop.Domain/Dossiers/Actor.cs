namespace OneStop.Domain.Dossiers;

/// <summary>Who is acting: a signed-in officer (roles at one unit), a citizen (by personal ID) or the system.</summary>
public sealed record Actor(string UserName, IReadOnlySet<string> Roles, string? UnitCode, string? PersonalId = null)
{
    /// <summary>The system itself, for waits that elapse and consultations deemed agreed.</summary>
    public static Actor System { get; } = new(RoleNames.SystemActor, new HashSet<string>(), null);

    /// <summary>
    /// The VNeID identification level (1 or 2) this sign-in was verified at (DESIGN §14); null when the person did not
    /// sign in through VNeID. Online submissions record it, and a definition's <c>vneidLevel</c> requires it.
    /// </summary>
    public int? VneidLevel { get; init; }

    public bool Has(string role) => Roles.Contains(role);

    /// <summary>Only the one <see cref="System"/> instance: an account that happens to be called "system" is not the system.</summary>
    public bool IsSystem => ReferenceEquals(this, System);

    /// <summary>Holds any officer role (built-in or a definition's own, such as appraiser).</summary>
    public bool IsOfficer => Roles.Any(RoleNames.IsOfficerRole);

    /// <summary>An officer with <paramref name="role"/> who belongs to <paramref name="unitCode"/>.</summary>
    public bool IsOfficerAt(string? role, string? unitCode) =>
        role is not null && Has(role) && unitCode is not null && string.Equals(UnitCode, unitCode, StringComparison.OrdinalIgnoreCase);
}
