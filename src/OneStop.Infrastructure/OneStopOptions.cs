namespace OneStop.Infrastructure;

/// <summary>The <c>OneStop</c> configuration section (DESIGN §12).</summary>
public sealed class OneStopOptions
{
    public const string Section = "OneStop";

    /// <summary>Holds the SQLite database, stored files and signing key of the embedded default.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Seed demo units and accounts (password Demo@12345). On by default only with SQLite.</summary>
    public bool? SeedDemoData { get; set; }

    /// <summary>
    /// First administrator of a production database (no demo accounts exist there): created at start-up
    /// when no admin exists yet. Set through environment variables, never in a committed file.
    /// </summary>
    public BootstrapAdminOptions? BootstrapAdmin { get; set; }

    /// <summary>
    /// The calendar file merged into the database at start (DESIGN §6); by default the one shipped beside the
    /// application, <c>calendar/vietnam-holidays.json</c>. A deployment may point it at a newer file.
    /// </summary>
    public string? CalendarFile { get; set; }
}

public sealed class BootstrapAdminOptions
{
    public string UserName { get; set; } = "admin";
    public string? Password { get; set; }
}

public static class DatabaseProviders
{
    public const string Sqlite = "Sqlite";
    public const string SqlServer = "SqlServer";
    public const string PostgreSql = "PostgreSql";
}
