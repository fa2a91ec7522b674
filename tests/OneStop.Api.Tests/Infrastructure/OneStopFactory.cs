using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OneStop.Domain.Calendar;
using OneStop.Infrastructure.NationalPortal;
using OneStop.Infrastructure.Persistence;
using Polly;
using Polly.Telemetry;

namespace OneStop.Api.Tests.Infrastructure;

/// <summary>
/// The real host over a real database — a SQLite file in a fresh data folder, or a fresh PostgreSQL database when
/// <c>ONESTOP_TEST_POSTGRES</c> is set (<see cref="TestStore"/>) — seeded like a newcomer's first run, with a clock
/// the test controls (default: Monday 02/03/2026 09:00 in Vietnam, a plain working day).
/// </summary>
public sealed class OneStopFactory : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset DefaultStart = new(2026, 3, 2, 9, 0, 0, DeadlineCalculator.VietnamOffset);

    private readonly bool _ownsStore;

    public OneStopFactory() : this(TestStore.Create(), ownsStore: true)
    {
    }

    private OneStopFactory(TestStore store, bool ownsStore)
    {
        Store = store;
        _ownsStore = ownsStore;
    }

    /// <summary>The data folder and database of this host; shared with other hosts made with <see cref="On"/>.</summary>
    public TestStore Store { get; }

    public string DataDirectory => Store.DataDirectory;

    public FakeTimeProvider Clock { get; private init; } = new(DefaultStart);

    private (string Key, string Value)[] _settings = [];

    /// <summary>
    /// Where the national portal client's requests go; by default this host's own in-memory server, which maps
    /// the mock portal under <c>/portal</c>. Set it (before the host starts) to share a portal between hosts.
    /// </summary>
    public Func<HttpMessageHandler>? PortalHandler { get; set; }

    /// <summary>Extra test services, applied after the factory's own (set before the host starts), e.g. an in-memory trace exporter.</summary>
    public Action<IServiceCollection>? TestServices { get; set; }
    /// <summary>A host with extra configuration, e.g. <c>("OneStop:Files:MaxBytes", "1024")</c>.</summary>
    public static OneStopFactory With(params (string Key, string Value)[] settings) => new() { _settings = settings };

    /// <summary>
    /// A fresh host whose clock starts at <paramref name="now"/> — any date, so deadline tests can run across Tết, the
    /// Hùng Kings day or the reform of 01/07/2025 (the clock only moves forward once started).
    /// </summary>
    public static OneStopFactory StartingAt(DateTimeOffset now, params (string Key, string Value)[] settings) =>
        new() { Clock = new FakeTimeProvider(now), _settings = settings };

    /// <summary>Vietnam wall-clock time as an instant, for <see cref="StartingAt"/>.</summary>
    public static DateTimeOffset Vietnam(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, DeadlineCalculator.VietnamOffset);

    /// <summary>A host over <paramref name="store"/>, which the caller owns: several such hosts are nodes of one installation.</summary>
    public static OneStopFactory On(TestStore store, params (string Key, string Value)[] settings) =>
        new(store, ownsStore: false) { _settings = settings };

    /// <summary>A host over <paramref name="store"/> with its clock at <paramref name="now"/>: the same instance after a restart.</summary>
    public static OneStopFactory On(TestStore store, DateTimeOffset now, params (string Key, string Value)[] settings) =>
        new(store, ownsStore: false) { Clock = new FakeTimeProvider(now), _settings = settings };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in Store.Settings())
            builder.UseSetting(key, value);
        // Tests call the delivery job themselves; Hangfire's polling would only add timing. A test can switch it on.
        builder.UseSetting("Hangfire:Server:Enabled", "false");
        // The sign-in limits count real minutes, and the tests sign in far more often than people do; the tests of
        // the limits themselves set their own.
        builder.UseSetting("OneStop:RateLimits:SignInPerMinute", "1000000");
        builder.UseSetting("OneStop:RateLimits:SignInPerAccountPerMinute", "1000000");
        // The sync tests send thousands of messages a minute to the mock portal this host maps.
        builder.UseSetting("MockPortal:RateLimitPerMinute", "1000000");
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            // There is no network here: the portal client talks to an in-memory server.
            services.AddHttpClient<NationalPortalClient>().ConfigurePrimaryHttpMessageHandler(() => PortalHandler?.Invoke() ?? Server.CreateHandler());
            // The national services (DESIGN §14) too: our look-up and payment clients, the VNeID handler's backchannel
            // (discovery, keys, token endpoint) and the mock platform's callbacks to us all reach this host's /national
            // — in memory, or over loopback when a test runs the host on Kestrel (it has no in-memory server then).
            services.AddHttpClient<OneStop.Infrastructure.NationalServices.INationalRegistry, OneStop.Infrastructure.NationalServices.LgspRegistryClient>()
                .ConfigurePrimaryHttpMessageHandler(() => NationalHandler());
            services.AddHttpClient<OneStop.Infrastructure.NationalServices.PaymentPlatformClient>().ConfigurePrimaryHttpMessageHandler(() => NationalHandler());
            services.AddHttpClient(OneStop.NationalServices.Mock.MockPaymentEndpoints.CallbackClient).ConfigurePrimaryHttpMessageHandler(() => NationalHandler());
            services.Configure<Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectOptions>(
                OneStop.Api.Features.Auth.Vneid.VneidAuthentication.Scheme, options => options.BackchannelHttpHandler = NationalHandler());
            // Polly takes the container's TimeProvider, i.e. the fake clock; but the portal's latency is real time, so
            // HTTP timeouts, quick-retry pauses and the circuit breaker must be too, or a retry would wait for a test
            // to move the clock.
            services.AddTransient(sp => new ResiliencePipelineBuilder().ConfigureTelemetry(sp.GetRequiredService<IOptions<TelemetryOptions>>().Value));
            TestServices?.Invoke(services);
        });
    }

    /// <summary>Sets the clock to a Vietnam wall-clock time.</summary>
    public void SetVietnamTime(int year, int month, int day, int hour, int minute = 0) =>
        Clock.SetUtcNow(new DateTimeOffset(year, month, day, hour, minute, 0, DeadlineCalculator.VietnamOffset));

    /// <summary>Runs <paramref name="query"/> against the same database the host uses.</summary>
    public async Task<T> QueryAsync<T>(Func<OneStopDbContext, Task<T>> query)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        return await query(db);
    }

    /// <summary>Row counts and versions that a refused request must leave exactly as they were.</summary>
    public Task<DatabaseSnapshot> SnapshotAsync() => QueryAsync(async db => new DatabaseSnapshot(
        await db.Dossiers.CountAsync(),
        await db.DossierEvents.CountAsync(),
        await db.Outbox.CountAsync(),
        await db.CodeSequences.SumAsync(s => s.Last),
        await db.IdempotencyRecords.CountAsync(),
        await db.DefinitionVersions.CountAsync(),
        string.Join(",", await db.Dossiers.OrderBy(d => d.Code).Select(d => d.Code + ":" + d.Version + ":" + d.Status).ToListAsync()),
        string.Join(",", await db.DefinitionVersions.OrderBy(d => d.DefinitionId).ThenBy(d => d.Version)
            .Select(d => d.DefinitionId + ":" + d.Version + ":" + d.State + ":" + d.ContentHash).ToListAsync()),
        // Accounts as far as a write can change them; failed-attempt counters move on every wrong password, refused or not.
        string.Join(",", (await db.Users.OrderBy(u => u.UserName)
            .Select(u => new { u.UserName, u.FullName, u.Roles, u.UnitCode, u.PasswordHash, u.SecurityStamp, u.DisabledAt, u.MustChangePassword, u.TemporaryPasswordExpiresAt })
            .ToListAsync()).Select(u => u.ToString())),
        string.Join(",", (await db.Units.OrderBy(u => u.Code).Select(u => new { u.Code, u.Name, u.ParentCode, u.ValidTo, u.SuccessorCode }).ToListAsync())
            .Select(u => u.ToString())),
        string.Join(",", (await db.Calendar.OrderBy(c => c.Date).Select(c => new { c.Date, c.Working, c.Note }).ToListAsync()).Select(c => c.ToString())),
        await db.RepositoryDocuments.CountAsync(),
        await db.AuditRecords.CountAsync(),
        string.Join(",", await db.DossierPackages.OrderBy(p => p.Code).Select(p => p.Code + ":" + p.Version).ToListAsync())));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsStore)
            Store.Dispose();
    }

    /// <summary>Stored files, whichever store holds them (the bytes, not the rows that name them).</summary>
    public Task<int> StoredBlobCountAsync() => QueryAsync(Store.StoredBlobCountAsync);

    /// <summary>The in-memory server's handler, or a real one when the host runs on Kestrel (<c>UseKestrel</c>).</summary>
    private HttpMessageHandler NationalHandler()
    {
        try
        {
            return Server.CreateHandler();
        }
        catch (NotSupportedException)
        {
            return new SocketsHttpHandler();
        }
    }
}

public sealed record DatabaseSnapshot(
    int Dossiers, int Events, int OutboxMessages, int SequenceTotal, int IdempotencyRecords, int DefinitionVersions,
    string DossierVersions, string Definitions, string Accounts, string Units, string Calendar, int RepositoryDocuments, int AuditRecords,
    string Packages);
