using Microsoft.Extensions.Configuration;

namespace OneStop.Infrastructure.NationalPortal;

/// <summary>
/// Where the mock national portal runs inside the API (under <c>/portal</c>): by default only on an instance that
/// seeds demo data — DESIGN §12's demo, with its published key — or wherever <c>MockPortal:Enabled</c> says, and
/// then with a key from configuration. One rule for the mapping, the portal client's address and the seeding.
/// </summary>
public static class MockPortalHosting
{
    /// <summary><c>OneStop:SeedDemoData</c>, on by default with SQLite only.</summary>
    public static bool SeedsDemoData(IConfiguration configuration) =>
        configuration.GetValue<bool?>($"{OneStopOptions.Section}:SeedDemoData")
            ?? (configuration["Database:Provider"] ?? DatabaseProviders.Sqlite) == DatabaseProviders.Sqlite;

    /// <summary><c>MockPortal:Enabled</c>, on by default where demo data is seeded.</summary>
    public static bool IsMappedHere(IConfiguration configuration) =>
        configuration.GetValue<bool?>("MockPortal:Enabled") ?? SeedsDemoData(configuration);
}
