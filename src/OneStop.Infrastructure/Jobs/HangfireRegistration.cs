using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.SqlServer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OneStop.Infrastructure.Jobs;

/// <summary>
/// Hangfire for the whole host: in-memory storage on the embedded default (no SQLite storage exists for
/// Hangfire, and a single node loses nothing that matters — the outbox is in the database and the sweeper
/// re-queues it), SQL Server storage with the SQL Server provider so jobs spread over every node.
/// </summary>
internal static class HangfireRegistration
{
    public const string ServerEnabledKey = "Hangfire:Server:Enabled";

    public static IServiceCollection AddOneStopHangfire(this IServiceCollection services, IConfiguration configuration, string provider)
    {
        // Registered before AddHangfire, whose TryAdd then keeps them. Hangfire's defaults are the process-wide
        // JobStorage.Current and JobActivator.Current, which a second host in the same process (every test
        // class) would overwrite — and then one host's server would run jobs in another host's services.
        services.AddSingleton<JobStorage>(_ => provider == DatabaseProviders.SqlServer
            ? new SqlServerStorage(configuration.GetConnectionString("OneStop"), new SqlServerStorageOptions
            {
                // The storage is built before the database may exist (the dashboard needs it while the pipeline is
                // assembled, migrations run after that), so it must not touch the database here: the schema is
                // installed with the migrations (Seeding/DatabaseInitializer, HangfireSchema), and the options
                // Hangfire would detect from the schema are the ones its current schema calls for.
                PrepareSchemaIfNecessary = false,
                TryAutoDetectSchemaDependentOptions = false,
                UseRecommendedIsolationLevel = true,
                DisableGlobalLocks = true,
                UseIgnoreDupKeyOption = true,
                QueuePollInterval = TimeSpan.Zero,
                CommandBatchMaxTimeout = TimeSpan.FromMinutes(5),
                SlidingInvisibilityTimeout = TimeSpan.FromMinutes(5),
                // The client EF Core already brings; Hangfire would otherwise look for the old System.Data one.
                SqlClientFactory = Microsoft.Data.SqlClient.SqlClientFactory.Instance,
            })
            : new InMemoryStorage(new InMemoryStorageOptions()));
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HangfireLogBridge(sp.GetRequiredService<ILoggerFactory>())));

        // Before the Hangfire server, so its schema and recurring jobs are there when it starts.
        services.AddHostedService(sp => new HangfireStartup(sp));
        // Off in most tests, which call the jobs themselves instead of waiting for Hangfire's polling.
        if (configuration.GetValue(ServerEnabledKey, true))
            services.AddHangfireServer((sp, server) => server.Activator = sp.GetRequiredService<JobActivator>());
        return services;
    }
}
