namespace OneStop.Domain.Dossiers;

/// <summary>Who is acting: a signed-in officer (roles at one unit), a citizen (by personal ID) or the system.</summary>
public sealed record Actor(string UserName, IReadOnlySet<string> Roles, string? UnitCode, string? PersonalId = null)
{
    /// <summary>The system itself, for waits that elapse and consultations deemed agreed.</summary>
    public static Actor System { get; } = new(RoleNames.SystemActor, new HashSet<string>(), null);

    public bool Has(string role) => Roles.Contains(role);

    /// <summary>Only the one <see cref="System"/> instance: an account that happens to be called "system" is not the system.</summary>
    public bool IsSystem => ReferenceEquals(this, System);

    /// <summary>Holds any officer role (built-in or a definition's own, such as appraiser).</summary>
    public bool IsOfficer => Roles.Any(RoleNames.IsOfficerRole);

    /// <summary>An officer with <paramref name="role"/> who belongs to <paramref name="unitCode"/>.</summary>
    public bool IsOfficerAt(string? role, string? unitCode) =>
        role is not null && Has(role) && unitCode is not null && string.Equals(UnitCode, unitCode, StringComparison.OrdinalIgnoreCase);
}
