using OneStop.Domain;

namespace OneStop.Infrastructure.Identity;

/// <summary>How an account stores its roles (<see cref="RoleNames"/> names them): a comma list, built-in roles first.</summary>
public static class AccountRoles
{
    /// <summary>Stored form: distinct, the built-in roles in their order, then any other (a definition's own) by name.</summary>
    public static string Join(IEnumerable<string> roles)
    {
        var set = roles.Select(r => r.Trim()).Where(r => r.Length > 0).ToHashSet(StringComparer.Ordinal);
        return string.Join(",", RoleNames.BuiltIn.Where(set.Contains).Concat(set.Except(RoleNames.BuiltIn).Order(StringComparer.Ordinal)));
    }
}
