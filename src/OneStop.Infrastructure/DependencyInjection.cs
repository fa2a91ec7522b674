using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Infrastructure.Definitions;
using OneStop.Infrastructure.Documents;
using OneStop.Infrastructure.Identity;
using OneStop.Infrastructure.Persistence;
using OneStop.Infrastructure.Seeding;

namespace OneStop.Infrastructure;

public static class DependencyInjection
{
    /// <summary>Registers the database of <c>Database:Provider</c> and the services built on it.</summary>
    public static IServiceCollection AddOneStopInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<OneStopOptions>(configuration.GetSection(OneStopOptions.Section));
        var provider = configuration["Database:Provider"] ?? DatabaseProviders.Sqlite;
        var dataDirectory = Path.GetFullPath(configuration[$"{OneStopOptions.Section}:DataDirectory"] ?? "data");
        var connectionString = configuration.GetConnectionString("OneStop");

        services.AddDbContext<OneStopDbContext>(options => Configure(options, provider, dataDirectory, connectionString));
        services.AddSingleton(new DatabaseSettings(provider, dataDirectory));
        services.AddSingleton<DefinitionCatalog>();
        services.AddOneStopIdentity(configuration);
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<Dossiers.DossierContextFactory>();
        services.AddSingleton<Receipts.ReceiptRenderer>();
        services.AddOneStopDocuments(configuration, dataDirectory);
        Reports.ReportsRegistration.AddOneStopReports(services);
        return services;
    }

    public static void Configure(DbContextOptionsBuilder options, string provider, string dataDirectory, string? connectionString)
    {
        switch (provider)
        {
            case DatabaseProviders.Sqlite:
                Directory.CreateDirectory(dataDirectory);
                options.UseSqlite($"Data Source={Path.Combine(dataDirectory, "onestop.db")};Default Timeout=30",
                    sqlite => sqlite.MigrationsAssembly("OneStop.Migrations.Sqlite"));
                break;
            case DatabaseProviders.SqlServer:
                options.UseSqlServer(
                    connectionString ?? throw new InvalidOperationException("Database:Provider = SqlServer cần ConnectionStrings:OneStop."),
                    sql => sql.MigrationsAssembly("OneStop.Migrations.SqlServer"));
                break;
            default:
                throw new InvalidOperationException(
                    $"Database:Provider '{provider}' chưa được hỗ trợ; dùng '{DatabaseProviders.Sqlite}' hoặc '{DatabaseProviders.SqlServer}'.");
        }
    }
}

/// <summary>The database choice, resolved once at start-up.</summary>
public sealed record DatabaseSettings(string Provider, string DataDirectory)
{
    public bool IsEmbedded => Provider == DatabaseProviders.Sqlite;
}
