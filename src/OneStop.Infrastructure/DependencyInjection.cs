using Microsoft.AspNetCore.DataProtection;
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
        var settings = DatabaseSettings.From(configuration);
        var (provider, dataDirectory) = (settings.Provider, settings.DataDirectory);
        var connectionString = configuration.GetConnectionString("OneStop");

        services.AddDbContext<OneStopDbContext>(options => Configure(options, provider, dataDirectory, connectionString));
        services.AddSingleton(settings);
        services.AddSingleton<DefinitionCatalog>();
        services.AddScoped<Events.DomainEventDispatcher>();
        // In the order they run for one event; the outbox row of an event comes first.
        services.AddScoped<Events.IDomainEventHandler, Events.OutboxHandler>();
        services.AddScoped<Events.IDomainEventHandler, Events.ResultsHandler>();
        services.AddScoped<Events.IDomainEventHandler, Events.NotificationHandler>();
        services.AddScoped<Events.IDomainEventHandler, Events.TimerHandler>();
        // Last: it reads what the others did (the issued results) into the dossier's report fact.
        services.AddScoped<Events.IDomainEventHandler, Events.ReportFactsHandler>();
        services.AddTransient<Timers.DossierTimerJob>();
        services.AddHostedService<Timers.TimerStartup>();
        services.AddOneStopIdentity(configuration);
        services.AddScoped<DatabaseInitializer>();
        services.AddSingleton<Dossiers.ReferenceDataCache>();
        services.AddScoped<Dossiers.DossierContextFactory>();
        services.AddScoped<Packages.PackageProgress>();
        services.AddSingleton<Receipts.ReceiptRenderer>();
        services.AddSingleton<Receipts.CounterPaperRenderer>();
        services.AddOneStopDocuments(configuration, dataDirectory);
        // Antiforgery and cookie tickets of any node must open on every other one (DESIGN §12).
        services.AddDataProtection().SetApplicationName("OneStop").PersistKeysToDbContext<OneStopDbContext>();
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
                    sqlite => sqlite.MigrationsAssembly("OneStop.Migrations.Sqlite"))
                    .AddInterceptors(Persistence.SqliteBusyTimeout.Instance);
                break;
            case DatabaseProviders.SqlServer:
                options.UseSqlServer(
                    connectionString ?? throw new InvalidOperationException("Database:Provider = SqlServer cần ConnectionStrings:OneStop."),
                    sql => sql.MigrationsAssembly("OneStop.Migrations.SqlServer"));
                break;
            case DatabaseProviders.PostgreSql:
                options.UseNpgsql(
                    connectionString ?? throw new InvalidOperationException("Database:Provider = PostgreSql cần ConnectionStrings:OneStop."),
                    npgsql => npgsql.MigrationsAssembly("OneStop.Migrations.PostgreSql"));
                break;
            default:
                throw new InvalidOperationException(
                    $"Database:Provider '{provider}' chưa được hỗ trợ; dùng '{DatabaseProviders.Sqlite}', '{DatabaseProviders.SqlServer}' hoặc '{DatabaseProviders.PostgreSql}'.");
        }
    }
}

/// <summary>
/// The database choice and what follows from it, decided in this one place at start-up: the embedded default
/// (SQLite under the data folder) also maps the mock national portal unless <c>MockPortal:Enabled</c> says otherwise.
/// </summary>
public sealed record DatabaseSettings(string Provider, string DataDirectory, bool MockPortalMapped)
{
    public bool IsEmbedded => Provider == DatabaseProviders.Sqlite;

    public static DatabaseSettings From(IConfiguration configuration)
    {
        var provider = configuration["Database:Provider"] ?? DatabaseProviders.Sqlite;
        return new DatabaseSettings(provider,
            Path.GetFullPath(configuration[$"{OneStopOptions.Section}:DataDirectory"] ?? "data"),
            NationalPortal.MockPortalHosting.IsMappedHere(configuration));
    }
}
