namespace OneStop.Domain.Dossiers;

/// <summary>Who is acting: a signed-in officer (roles at one unit) or a citizen (by personal ID).</summary>
public sealed record Actor(string UserName, IReadOnlySet<string> Roles, string? UnitCode, string? PersonalId = null)
{
    public const string AdminRole = "admin";
    public const string ReceptionRole = "reception";
    public const string SpecialistRole = "specialist";
    public const string LeaderRole = "leader";
    public const string CitizenRole = "citizen";

    public bool Has(string role) => Roles.Contains(role);

    public bool IsOfficer => Has(ReceptionRole) || Has(SpecialistRole) || Has(LeaderRole);

    /// <summary>An officer with <paramref name="role"/> who belongs to <paramref name="unitCode"/>.</summary>
    public bool IsOfficerAt(string role, string? unitCode) =>
        Has(role) && unitCode is not null && string.Equals(UnitCode, unitCode, StringComparison.OrdinalIgnoreCase);
}
