using Hangfire;
using Hangfire.Common;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;
using OneStop.Infrastructure.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OneStop.Infrastructure.Jobs;

/// <summary>
/// Hangfire for the whole host: in-memory storage on the embedded default (no SQLite storage exists for
/// Hangfire, and a single node loses nothing that matters — the outbox is in the database and the sweeper
/// re-queues it), SQL Server or PostgreSQL storage with those providers so jobs spread over every node.
/// </summary>
internal static class HangfireRegistration
{
    public const string ServerEnabledKey = "Hangfire:Server:Enabled";

    public static IServiceCollection AddOneStopHangfire(this IServiceCollection services, IConfiguration configuration, string provider)
    {
        // Registered before AddHangfire, whose TryAdd then keeps them. Hangfire's defaults are the process-wide
        // JobStorage.Current and JobActivator.Current, which a second host in the same process (every test
        // class) would overwrite — and then one host's server would run jobs in another host's services.
        services.AddSingleton<JobStorage>(_ => provider switch
        {
            DatabaseProviders.SqlServer => new SqlServerStorage(configuration.GetConnectionString("OneStop"), new SqlServerStorageOptions
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
            }),
            DatabaseProviders.PostgreSql => new PostgreSqlStorage(
                new NpgsqlConnectionFactory(configuration.GetConnectionString("OneStop"), PostgreSqlOptions(configuration)),
                PostgreSqlOptions(configuration)),
            _ => new InMemoryStorage(new InMemoryStorageOptions()),
        });
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
            services.AddHangfireServer((sp, server) =>
            {
                server.Activator = sp.GetRequiredService<JobActivator>();
                // Names the node in the dashboard and in each job's history: which node ran what.
                server.ServerName = NodeName.Of(configuration);
                // Hangfire's default is five workers a core, each a thread that spins and blocks on our async jobs;
                // the jobs wait on the database and the portal, not the CPU (issue 12's profile).
                server.WorkerCount = configuration.GetValue(WorkerCountKey, DefaultWorkerCount);
                // This server's own filter list (GlobalJobFilters is process-wide, shared by every host of a test run).
                var telemetry = new JobFilterCollection();
                telemetry.Add(new HangfireJobTelemetry(sp.GetRequiredService<OneStopMetrics>(), server.ServerName));
                server.FilterProvider = new JobFilterProviderCollection([.. JobFilterProviders.Providers, telemetry]);
            });
        return services;
    }

    public const string WorkerCountKey = "Hangfire:Server:WorkerCount";

    /// <summary>Two workers a core, at least four: enough for the deliveries of many dossiers at once.</summary>
    public static int DefaultWorkerCount => Math.Max(4, 2 * Environment.ProcessorCount);

    /// <summary>
    /// Hangfire's own tables in schema <c>hangfire</c> of the same database, installed where migrations run (<see cref="HangfireSchema"/>)
    /// (not by the constructor, which runs before migrations). Workers are woken by LISTEN/NOTIFY when a job is
    /// queued, so a dossier's delivery starts at once on whichever node is free, not at the next poll.
    /// </summary>
    private static PostgreSqlStorageOptions PostgreSqlOptions(IConfiguration configuration) => new()
    {
        PrepareSchemaIfNecessary = false,
        SchemaName = PostgreSqlSchema,
        EnableLongPolling = true,
        QueuePollInterval = configuration.GetValue("Hangfire:PostgreSql:QueuePollInterval", TimeSpan.FromSeconds(5)),
        // A job taken by a node that then died is offered again after this long (the outbox sweeper is faster still).
        InvisibilityTimeout = configuration.GetValue("Hangfire:PostgreSql:InvisibilityTimeout", TimeSpan.FromMinutes(5)),
        UseSlidingInvisibilityTimeout = true,
        DistributedLockTimeout = TimeSpan.FromMinutes(1),
    };

    public const string PostgreSqlSchema = "hangfire";
}
