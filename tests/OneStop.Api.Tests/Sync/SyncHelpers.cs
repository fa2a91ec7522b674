using OneStop.Domain;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OneStop.Api.Tests.Infrastructure;
using OneStop.Domain.Codes;
using OneStop.Domain.Dossiers;
using OneStop.Domain.Dossiers.Actions;
using OneStop.Infrastructure.Definitions;
using OneStop.Infrastructure.Dossiers;
using OneStop.Infrastructure.Outbox;
using OneStop.Infrastructure.Persistence;
using OneStop.NationalPortal.Mock;

namespace OneStop.Api.Tests.Sync;

/// <summary>
/// Moves many dossiers quickly: straight through the domain and the DbContext in the host's own services (the
/// same code the endpoints run, without HTTP and sign-in per call), one SaveChanges per chunk of dossiers.
/// </summary>
public sealed class DossierMill(OneStopFactory host)
{
    public const string Procedure = "ho-tich.dang-ky-khai-sinh";
    private const int Chunk = 100;

    /// <summary>Every officer role at the demo commune, so one actor can take the whole happy path.</summary>
    private static readonly Actor Officer = new("kiemthu.xa",
        new HashSet<string> { RoleNames.Reception, RoleNames.Specialist, RoleNames.Leader }, Demo.Commune);

    public async Task<IReadOnlyList<string>> SubmitAsync(int count)
    {
        var codes = new List<string>();
        for (var done = 0; done < count; done += Chunk)
        {
            using var scope = host.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            var engine = (await scope.ServiceProvider.GetRequiredService<DefinitionCatalog>().GetCurrentAsync(db, Procedure, default))!;
            var context = await scope.ServiceProvider.GetRequiredService<DossierContextFactory>().CreateAsync(engine, Officer, default);
            var agency = context.Units.Current(Demo.Commune, context.Today)!.AgencyCode;
            for (var i = done; i < Math.Min(count, done + Chunk); i++)
            {
                var code = await DossierCodeGenerator.NextAsync(db, agency, context.Today, default);
                var dossier = Dossier.Submit(context, code, DossierCodes.NewTrackingSecret(),
                    new Applicant(Demo.CitizenId, $"Công Dân Số {i}"), Channel.Counter, Demo.Commune, [new("TKKS"), new("GCS")]);
                db.Dossiers.Add(dossier);
                codes.Add(code);
            }
            await db.SaveChangesAsync();
        }
        return codes;
    }

    /// <summary>Takes <paramref name="action"/> on each dossier: one event, hence one outbox message, per dossier.</summary>
    public async Task ActAsync(IReadOnlyList<string> codes, string action, ActionRequest? request = null)
    {
        foreach (var chunk in codes.Chunk(Chunk))
        {
            using var scope = host.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            var catalog = scope.ServiceProvider.GetRequiredService<DefinitionCatalog>();
            var dossiers = await db.Dossiers.Include(d => d.Events).Include(d => d.Pauses).AsSplitQuery()
                .Where(d => chunk.Contains(d.Code)).ToListAsync();
            var context = await scope.ServiceProvider.GetRequiredService<DossierContextFactory>()
                .CreateAsync(await catalog.GetPinnedAsync(db, dossiers[0], default), Officer, default);
            foreach (var dossier in dossiers)
                dossier.Act(action, request ?? new ActionRequest(), context);
            await db.SaveChangesAsync();
        }
    }

    /// <summary>
    /// The birth registration's happy path after submission, with a supplement round trip for every third
    /// dossier: statuses 2, (5, 2,) 4, 4, 9, 10.
    /// </summary>
    public static IReadOnlyList<(IReadOnlyList<string> Codes, string Action, ActionRequest? Request)> HappyPath(IReadOnlyList<string> codes)
    {
        var supplemented = codes.Where((_, i) => i % 3 == 0).ToList();
        return
        [
            (codes, DossierActions.Receive, null),
            (supplemented, DossierActions.RequestSupplement, new ActionRequest("Bổ sung bản chính giấy chứng sinh")),
            (supplemented, DossierActions.Supplement, new ActionRequest(Documents: [new DocumentSubmission("GCS")])),
            (codes, DossierActions.Forward, null),
            (codes, DossierActions.Approve, null),
            (codes, DossierActions.Resolve, null),
            (codes, DossierActions.ReturnResult, null),
        ];
    }

    /// <summary>Walks <see cref="HappyPath"/>; <paramref name="between"/> runs after each step.</summary>
    public async Task WalkToReturnedAsync(IReadOnlyList<string> codes, Func<Task>? between = null)
    {
        foreach (var (stepCodes, action, request) in HappyPath(codes))
        {
            await ActAsync(stepCodes, action, request);
            if (between is not null)
                await between();
        }
    }
}

/// <summary>The delivery side of a host: its job, its outbox, and what its portal received.</summary>
public static class Delivery
{
    public static OutboxDeliveryJob Job(this OneStopFactory host) => host.Services.GetRequiredService<OutboxDeliveryJob>();

    public static Task<OutboxCounts> OutboxAsync(this OneStopFactory host) => host.QueryAsync(async db => new OutboxCounts(
        await db.Outbox.CountAsync(m => m.State == OutboxState.Pending),
        await db.Outbox.CountAsync(m => m.State == OutboxState.Delivered),
        await db.Outbox.CountAsync(m => m.State == OutboxState.DeadLettered),
        await db.Outbox.SumAsync(m => m.Attempts)));

    /// <summary>
    /// Sweeps until nothing is pending, moving the fake clock past every backoff between sweeps, the way the
    /// recurring sweeper and the scheduled retries would over real minutes. Bounded in sweeps and wall time.
    /// </summary>
    public static async Task<(OutboxDeliveryReport Report, int Sweeps)> DrainAsync(this OneStopFactory host, int maxSweeps = 200, TimeSpan? wallClock = null)
    {
        var report = OutboxDeliveryReport.None;
        var deadline = DateTime.UtcNow + (wallClock ?? TimeSpan.FromSeconds(90));
        for (var sweep = 1; sweep <= maxSweeps && DateTime.UtcNow < deadline; sweep++)
        {
            var swept = await host.Job().DeliverDueAsync(CancellationToken.None);
            report = report.Add(swept);
            if ((await host.OutboxAsync()).Pending == 0)
                return (report, sweep);
            host.Clock.Advance(TimeSpan.FromMinutes(5));
            // Nothing went through: maybe the client's circuit breaker is open, and it counts real seconds.
            if (swept.Delivered == 0)
                await Task.Delay(250);
        }
        throw new TimeoutException($"Outbox still has pending messages: {await host.OutboxAsync()}; so far {report}");
    }

    public static async Task SetFaultsAsync(this HttpClient portal, object faults) =>
        Assert.Equal(HttpStatusCode.OK, (await portal.PutAsJsonAsync("/portal/api/admin/faults", faults)).StatusCode);

    /// <summary>A client of the portal mapped in this host, with the key of the mock's own read and fault endpoints.</summary>
    public static HttpClient PortalClient(this OneStopFactory host)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Add(MockPortalEndpoints.ApiKeyHeader, MockPortalOptions.DefaultApiKey);
        return client;
    }

    /// <summary>The store of the mock portal mapped in this host: what it accepted, in arrival order.</summary>
    public static MockPortalStore PortalStore(this OneStopFactory host) => host.Services.GetRequiredService<MockPortalStore>();

    /// <summary>
    /// For every dossier: every outbox message is delivered, and the portal stored exactly those entries, each
    /// once, in the order they arrived — read from the portal's store as it keeps them, never sorted — with the
    /// service and status each message carries; and the portal refused nothing as out of order (so no retry of a
    /// 409 hides a message that overtook another). <paramref name="duplicates"/>: repeated entries the portal may
    /// have acknowledged without storing (a send whose answer was lost).
    /// </summary>
    public static async Task AssertDeliveredInOrderAsync(this OneStopFactory host, MockPortalStore portal, IReadOnlyCollection<string> codes, int? duplicates = 0)
    {
        var outbox = await host.QueryAsync(db => db.Outbox.AsNoTracking().Where(m => codes.Contains(m.DossierCode))
            .Select(m => new { m.DossierCode, m.Sequence, m.Type, m.State, m.Payload }).ToListAsync());
        Assert.All(outbox, m => Assert.Equal(OutboxState.Delivered, m.State));
        var byDossier = outbox.ToLookup(m => m.DossierCode);
        Assert.Equal(codes.Count, byDossier.Count);
        var repeated = 0;
        foreach (var code in codes)
        {
            var expected = byDossier[code].OrderBy(m => m.Sequence).Select(m => (m.Sequence, m.Type, StatusOf(m.Payload))).ToList();
            var arrived = portal.Find(code);
            Assert.True(arrived is not null, $"{code}: the portal has nothing");
            Assert.Equal(expected, arrived.Select(m => (m.SoThuTu, m.Service, m.Status)).ToList());
            var (refused, dossierDuplicates) = portal.CountersOf(code);
            Assert.True(refused == 0, $"{code}: the portal refused {refused} calls as out of order");
            repeated += dossierDuplicates;
        }
        if (duplicates is { } count)
            Assert.Equal(count, repeated);
    }

    /// <summary>The DVCQG status a stored entry reports: TrangThaiHoSo of a dossier entry, TrangThai of a step.</summary>
    public static int StatusOf(string payload)
    {
        var body = JsonNode.Parse(payload)!;
        return int.Parse((body["TrangThaiHoSo"] ?? body["TrangThai"])!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

public sealed record OutboxCounts(int Pending, int Delivered, int DeadLettered, int Attempts);

/// <summary>
/// The mock national portal in a host of its own, as it runs beside the API in docker-compose. Its store lives as
/// long as this host, so API hosts can stop and start while the portal remembers what it received.
/// </summary>
public sealed class PortalHost : IAsyncDisposable
{
    public const string BaseUrl = "http://portal.test/portal";
    private readonly IHost _host;

    private PortalHost(IHost host) => _host = host;

    public static async Task<PortalHost> StartAsync()
    {
        var host = new HostBuilder().ConfigureWebHost(web => web
            .UseTestServer()
            .ConfigureServices(services =>
            {
                services.AddRouting();
                // As the API's own mock on the demo instance: the published demo key, and no limit the sync tests would trip.
                var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["MockPortal:ApiKey"] = MockPortalOptions.DefaultApiKey,
                    ["MockPortal:RateLimitPerMinute"] = "1000000",
                }).Build();
                services.AddMockNationalPortal(configuration, allowDemoKey: true);
            })
            .Configure(app =>
            {
                app.UseRouting();
                app.UseRateLimiter();
                app.UseEndpoints(endpoints => endpoints.MapMockNationalPortal("/portal"));
            })).Build();
        await host.StartAsync();
        return new PortalHost(host);
    }

    public HttpMessageHandler CreateHandler() => _host.GetTestServer().CreateHandler();

    /// <summary>Messages accepted so far, over all dossiers.</summary>
    public int Received => Store.Snapshot().Values.Sum(m => m.Count);

    public MockPortalStore Store => _host.Services.GetRequiredService<MockPortalStore>();

    public HttpClient CreateClient()
    {
        var client = _host.GetTestServer().CreateClient();
        client.DefaultRequestHeaders.Add(MockPortalEndpoints.ApiKeyHeader, MockPortalOptions.DefaultApiKey);
        return client;
    }

    /// <summary>An API host whose portal client talks to this portal.</summary>
    public OneStopFactory ApiHost(params (string Key, string Value)[] settings)
    {
        var host = OneStopFactory.With([("NationalPortal:BaseUrl", BaseUrl), .. settings]);
        host.PortalHandler = CreateHandler;
        return host;
    }

    /// <summary>An API host over <paramref name="store"/> (shared with other hosts: nodes, or a restart) talking to this portal.</summary>
    public OneStopFactory ApiHost(TestStore store, params (string Key, string Value)[] settings)
    {
        var host = OneStopFactory.On(store, [("NationalPortal:BaseUrl", BaseUrl), .. settings]);
        host.PortalHandler = CreateHandler;
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
