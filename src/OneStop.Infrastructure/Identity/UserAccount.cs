namespace OneStop.Infrastructure.Identity;

/// <summary>A signed-in person: an officer of one unit, an admin, or a citizen known by personal ID.</summary>
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

    public IReadOnlySet<string> RoleSet =>
        Roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
}
