using Microsoft.Extensions.Configuration;

namespace OneStop.Infrastructure.Seeding;

/// <summary>
/// Who changes the schema, from <c>Database:Migrations</c>:
/// <list type="bullet">
/// <item><c>apply</c> (default): every start applies pending migrations, then serves — the embedded default;</item>
/// <item><c>verify</c>: the API's own login is least-privileged (read, write, execute) and changes no schema; it
/// refuses to start if a migration is missing;</item>
/// <item><c>apply-and-exit</c>: the privileged one-shot step of a deployment (docker-compose's <c>migrate</c>
/// service) applies the migrations and Hangfire's schema, seeds, and exits without serving.</item>
/// </list>
/// </summary>
public static class DatabaseMigrations
{
    public const string Key = "Database:Migrations";
    public const string Apply = "apply";
    public const string Verify = "verify";
    public const string ApplyAndExit = "apply-and-exit";

    public static string Mode(IConfiguration configuration)
    {
        var mode = (configuration[Key] ?? Apply).Trim().ToLowerInvariant();
        return mode is Apply or Verify or ApplyAndExit
            ? mode
            : throw new InvalidOperationException($"{Key} phải là '{Apply}', '{Verify}' hoặc '{ApplyAndExit}' (đang là '{configuration[Key]}').");
    }

    public static bool ExitsAfterMigrating(IConfiguration configuration) => Mode(configuration) == ApplyAndExit;
}
