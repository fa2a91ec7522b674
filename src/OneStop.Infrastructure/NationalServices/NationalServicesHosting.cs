using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using OneStop.Infrastructure.NationalPortal;

namespace OneStop.Infrastructure.NationalServices;

/// <summary>
/// Where the mock national services run inside the API (under <c>/national</c>): by default wherever demo data is
/// seeded, or wherever <c>MockNational:Enabled</c> says; and what "this host's own address" is for the clients
/// that default to it.
/// </summary>
public static class NationalServicesHosting
{
    public const string Prefix = "/national";

    public static bool SeedsDemoData(IConfiguration configuration) => MockPortalHosting.SeedsDemoData(configuration);

    /// <summary><c>MockNational:Enabled</c>, on by default where demo data is seeded.</summary>
    public static bool IsMockMappedHere(IConfiguration configuration) =>
        configuration.GetValue<bool?>("MockNational:Enabled") ?? SeedsDemoData(configuration);

    /// <summary>
    /// This host's own root: the first address it listens on (wildcards read as localhost), or <c>http://localhost</c>
    /// for an in-memory test server that listens nowhere (its handler ignores the host anyway).
    /// </summary>
    public static string SelfAddress(IServer? server)
    {
        var addresses = server?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault();
        if (address is null)
            return "http://localhost";
        foreach (var wildcard in (string[])["://+", "://*", "://[::]", "://0.0.0.0"])
            address = address.Replace(wildcard, "://localhost", StringComparison.Ordinal);
        return address.TrimEnd('/');
    }

    /// <summary>A configured root, or this host's own mock of it (<c>/national/{service}</c>); always ending with a slash.</summary>
    public static Uri Root(string? configured, IServer? server, string service) =>
        new((string.IsNullOrWhiteSpace(configured) ? $"{SelfAddress(server)}{Prefix}/{service}" : configured).TrimEnd('/') + "/");
}
