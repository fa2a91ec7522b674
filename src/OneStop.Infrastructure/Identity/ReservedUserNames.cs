namespace OneStop.Infrastructure.Identity;

/// <summary>
/// Names no account created through the API may take. <c>system</c> is the actor of automatic actions and the
/// uploader of issued results — an account so named would read every issued file; the others are names people
/// take for the machine itself (and <c>admin</c> belongs to the bootstrap or demo administrator only).
/// </summary>
public static class ReservedUserNames
{
    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        "system", "admin", "administrator", "root", "anonymous", "guest", "null", "sa", "sysadmin", "superuser",
        "support", "onestop", "portal", "api", "hangfire", "dvcqg", "vneid",
    };

    public static IReadOnlyCollection<string> All => Names;

    public static bool IsReserved(string? userName) => userName is not null && Names.Contains(userName.Trim());
}
