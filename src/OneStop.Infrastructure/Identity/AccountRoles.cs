namespace OneStop.Infrastructure.Identity;

/// <summary>The roles of DESIGN §2 and which of them work at a unit.</summary>
public static class AccountRoles
{
    public const string Admin = "admin";
    public const string Reception = "reception";
    public const string Specialist = "specialist";
    public const string Leader = "leader";
    public const string Citizen = "citizen";

    public static IReadOnlyList<string> All { get; } = [Reception, Specialist, Leader, Admin, Citizen];

    /// <summary>Officers belong to exactly one unit and act only on dossiers there.</summary>
    public static IReadOnlyList<string> Officers { get; } = [Reception, Specialist, Leader];

    public static bool IsKnown(string? role) => role is not null && All.Contains(role);

    /// <summary>Stored form: distinct, in the order of <see cref="All"/>, comma-separated.</summary>
    public static string Join(IEnumerable<string> roles)
    {
        var set = roles.ToHashSet();
        return string.Join(",", All.Where(set.Contains));
    }
}
