using OneStop.Domain;
using System.Net;
using System.Net.Http.Headers;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Api.Tests.Infrastructure;
using OneStop.Domain.Dossiers;
using OneStop.Domain.Dossiers.Actions;
using OneStop.Infrastructure.Definitions;
using OneStop.Infrastructure.Dossiers;
using OneStop.Infrastructure.Jobs;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Api.Tests.Sync;

/// <summary>Delivery queued after commit and run by the real Hangfire server (in-memory storage), and the admins' dashboard.</summary>
public sealed class HangfireDeliveryTests
{
    [Fact]
    public async Task A_new_dossiers_statuses_reach_the_portal_through_Hangfire_without_anyone_running_the_job()
    {
        await using var host = OneStopFactory.With(("Hangfire:Server:Enabled", "true"));
        var reception = await host.SignInAsync("tiepnhan.xa");

        var code = (await reception.SubmitAsync(ApiClient.CounterSubmission(DossierMill.Procedure, Demo.Commune, ["TKKS", "GCS"]))).Str("code");
        await reception.ActAsync(code, "receive");

        var portal = host.PortalClient();
        var waited = DateTime.UtcNow;
        // Submission, reception and its processing step: three messages (DongBoHoSoMC 1, 2 and CapNhatTienDoHoSoMC).
        while ((await host.OutboxAsync()).Delivered < 3 && DateTime.UtcNow - waited < TimeSpan.FromSeconds(30))
            await Task.Delay(100);
        await host.AssertDeliveredInOrderAsync(host.PortalStore(), [code]);
        var received = await (await portal.GetAsync($"/portal/api/dossiers/{code}")).ReadJsonAsync();
        var first = received["items"]![0]!["payload"]!;
        Assert.Equal("1.001193", first.Str("MaTTHC"));
        Assert.Equal("Đăng ký khai sinh", first.Str("TenTTHC"));
    }

    [Fact]
    public async Task Delivery_is_queued_only_once_the_transaction_commits_and_never_for_a_rollback()
    {
        await using var host = new OneStopFactory();
        var codes = await new DossierMill(host).SubmitAsync(2);
        var jobs = host.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var queued = jobs.EnqueuedCount("default");

        foreach (var (code, commit) in new[] { (codes[0], false), (codes[1], true) })
        {
            using var scope = host.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            var dossier = await db.Dossiers.Include(d => d.Events).Include(d => d.Pauses).SingleAsync(d => d.Code == code);
            var engine = await scope.ServiceProvider.GetRequiredService<DefinitionCatalog>().GetPinnedAsync(db, dossier, default);
            var officer = new Actor("tiepnhan.xa", new HashSet<string> { RoleNames.Reception }, Demo.Commune);
            await using var transaction = await db.Database.BeginTransactionAsync();
            dossier.Act(DossierActions.Receive, new ActionRequest(), await scope.ServiceProvider.GetRequiredService<DossierContextFactory>().CreateAsync(engine, officer, default));
            await db.SaveChangesAsync();

            Assert.Equal(queued, jobs.EnqueuedCount("default"));
            if (commit)
                await transaction.CommitAsync();
            else
                await transaction.RollbackAsync();
        }

        Assert.Equal(queued + 1, jobs.EnqueuedCount("default"));
        // Two submissions (one DongBoHoSoMC each) and the committed reception (its DongBoHoSoMC and its step).
        Assert.Equal(4, (await host.OutboxAsync()).Pending);
    }

    [Fact]
    public async Task The_sweeper_is_registered_as_a_recurring_job_every_minute()
    {
        await using var host = new OneStopFactory();
        _ = host.CreateClient();

        using var storage = host.Services.GetRequiredService<JobStorage>().GetConnection();
        var sweeper = Assert.Single(storage.GetRecurringJobs(), j => j.Id == RecurringJobs.NationalPortalOutboxSweeper);
        Assert.Equal(Cron.Minutely(), sweeper.Cron);
        Assert.Equal(nameof(OneStop.Infrastructure.Outbox.OutboxDeliveryJob.DeliverDueAsync), sweeper.Job.Method.Name);
    }

    [Fact]
    public async Task The_Hangfire_dashboard_is_for_admins_only()
    {
        await using var host = new OneStopFactory();

        Assert.Equal(HttpStatusCode.Unauthorized, (await host.CreateClient().GetAsync("/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.SignInAsync("tiepnhan.xa")).GetAsync("/hangfire")).StatusCode);
        var admin = await host.SignInAsync("admin");
        var page = await admin.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(new MediaTypeHeaderValue("text/html").MediaType, page.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/hangfire/recurring")).StatusCode);
    }
}

/// <summary>Production storage: SQL Server, built while the pipeline is assembled, before migrations may have created the database.</summary>
public sealed class SqlServerJobStorageTests
{
    [Fact]
    public void The_SQL_Server_job_storage_is_built_without_touching_the_database()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            // Nothing listens there: any connection attempt would fail slowly and loudly.
            ["ConnectionStrings:OneStop"] = "Server=tcp:192.0.2.1,1433;Database=OneStop;Connect Timeout=5;TrustServerCertificate=True",
            ["Hangfire:Server:Enabled"] = "false",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        OneStop.Infrastructure.Jobs.HangfireRegistration.AddOneStopHangfire(services, configuration, OneStop.Infrastructure.DatabaseProviders.SqlServer);
        using var provider = services.BuildServiceProvider();

        var started = System.Diagnostics.Stopwatch.StartNew();
        var storage = provider.GetRequiredService<JobStorage>();

        Assert.IsType<Hangfire.SqlServer.SqlServerStorage>(storage);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(2), $"took {started.Elapsed}");
    }
}
