using System.Net;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Api.Tests.Infrastructure;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Api.Tests.Sync;

/// <summary>
/// Issue #6, fourth "done when": a refused message is dead-lettered, visible in <c>/api/admin/sync</c>, and
/// delivered after an admin retry once the refusal is cleared; plus the age limit and the off switch.
/// </summary>
public sealed class DeadLetterTests
{
    private const string Sync = "/api/admin/sync";

    [Fact]
    public async Task A_refused_message_is_dead_lettered_shown_to_admins_and_delivered_after_an_admin_retry()
    {
        await using var host = new OneStopFactory();
        var portal = host.PortalClient();
        var mill = new DossierMill(host);
        var code = (await mill.SubmitAsync(1))[0];
        await mill.ActAsync([code], "receive");
        var dossierId = await host.QueryAsync(db => db.Dossiers.Where(d => d.Code == code).Select(d => d.Id).SingleAsync());
        await portal.SetFaultsAsync(new { rejectRate = 1.0 });

        var refused = await host.Job().RunAsync(dossierId, CancellationToken.None);

        Assert.Equal((1, 1, 0), (refused.Sent, refused.DeadLettered, refused.Delivered));
        var admin = await host.SignInAsync("admin");
        var status = await (await admin.GetAsync(Sync)).ReadJsonAsync();
        // Submission: DongBoHoSoMC 1 (refused); reception: DongBoHoSoMC 2 and its CapNhatTienDoHoSoMC 3, waiting behind it.
        Assert.Equal((1, 2, 0), (status["deadLettered"]!.GetValue<int>(), status["pending"]!.GetValue<int>(), status["delivered"]!.GetValue<int>()));
        Assert.True(status["oldestPendingAgeSeconds"]!.GetValue<double>() >= 0);
        var item = Assert.Single(status["items"]!.AsArray())!;
        Assert.Equal("DeadLettered", item.Str("state"));
        Assert.Equal("DongBoHoSoMC", item.Str("type"));
        Assert.Equal($"{code}:1", item.Str("idempotencyKey"));
        Assert.Equal(1, item["statusCode"]!.GetValue<int>());
        Assert.Contains("từ chối", item.Str("lastError"));

        // The later message waits behind the dead letter, whoever comes by.
        Assert.Equal(0, (await host.Job().RunAsync(dossierId, CancellationToken.None)).Sent);
        Assert.Equal(0, (await host.Job().DeliverDueAsync(CancellationToken.None)).Sent);

        await portal.SetFaultsAsync(new { });
        var jobs = host.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var queuedBefore = jobs.EnqueuedCount("default");
        var retry = await admin.PostAsync($"{Sync}/{item["id"]}/retry", null);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal("Pending", (await retry.ReadJsonAsync()).Str("state"));
        Assert.Equal(queuedBefore + 1, jobs.EnqueuedCount("default"));
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"{Sync}/{item["id"]}/retry", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"{Sync}/987654321/retry", null)).StatusCode);

        // What the queued job does when Hangfire's server runs it.
        var delivered = await host.Job().RunAsync(dossierId, CancellationToken.None);

        Assert.Equal(3, delivered.Delivered);
        await host.AssertDeliveredInOrderAsync(host.PortalStore(), [code]);
        var after = await (await admin.GetAsync(Sync)).ReadJsonAsync();
        Assert.Equal((0, 0, 3), (after["deadLettered"]!.GetValue<int>(), after["pending"]!.GetValue<int>(), after["delivered"]!.GetValue<int>()));
        Assert.Null(after["oldestPendingAgeSeconds"]);
        Assert.Empty(after["items"]!.AsArray());
    }

    [Fact]
    public async Task Failing_messages_are_listed_newest_first_with_their_attempts()
    {
        await using var host = OneStopFactory.With(("NationalPortal:ClientRetries", "0"));
        await host.PortalClient().SetFaultsAsync(new { errorRate = 1.0 });
        var codes = await new DossierMill(host).SubmitAsync(3);
        host.Clock.Advance(TimeSpan.FromMinutes(3));

        var report = await host.Job().DeliverDueAsync(CancellationToken.None);

        Assert.Equal(3, report.TransientFailures);
        var status = await (await (await host.SignInAsync("admin")).GetAsync($"{Sync}?pageSize=2")).ReadJsonAsync();
        Assert.Equal((3, 3, 0), (status["pending"]!.GetValue<int>(), status["failed"]!.GetValue<int>(), status["deadLettered"]!.GetValue<int>()));
        Assert.Equal(180, status["oldestPendingAgeSeconds"]!.GetValue<double>(), precision: 0);
        Assert.Equal(3, status["total"]!.GetValue<int>());
        var items = status["items"]!.AsArray();
        Assert.Equal([codes[2], codes[1]], items.Select(i => i.Str("dossierCode")));
        Assert.All(items, i => Assert.Equal(1, i!["attempts"]!.GetValue<int>()));
        Assert.All(items, i => Assert.Contains("HTTP 503", i.Str("lastError")));
    }

    [Fact]
    public async Task A_message_older_than_the_age_limit_is_dead_lettered_instead_of_retried_forever()
    {
        await using var host = OneStopFactory.With(("NationalPortal:MaxAge", "01:00:00"), ("NationalPortal:ClientRetries", "0"));
        await host.PortalClient().SetFaultsAsync(new { down = true });
        await new DossierMill(host).SubmitAsync(1);
        await host.Job().DeliverDueAsync(CancellationToken.None);
        host.Clock.Advance(TimeSpan.FromMinutes(61));

        var report = await host.Job().DeliverDueAsync(CancellationToken.None);

        Assert.Equal((0, 1), (report.Sent, report.DeadLettered));
        var message = await host.QueryAsync(db => db.Outbox.SingleAsync());
        Assert.Equal(OutboxState.DeadLettered, message.State);
        Assert.StartsWith("Quá", message.LastError);
        Assert.Contains("HTTP 503", message.LastError);
    }

    [Fact]
    public async Task With_sync_switched_off_nothing_is_sent_or_queued_and_messages_stay_pending()
    {
        await using var host = OneStopFactory.With(("NationalPortal:Enabled", "false"));
        var jobs = host.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var code = (await new DossierMill(host).SubmitAsync(1))[0];
        var dossierId = await host.QueryAsync(db => db.Dossiers.Where(d => d.Code == code).Select(d => d.Id).SingleAsync());

        var swept = await host.Job().DeliverDueAsync(CancellationToken.None);
        var run = await host.Job().RunAsync(dossierId, CancellationToken.None);

        Assert.Equal((0, 0), (swept.Sent, run.Sent));
        Assert.Equal(0, jobs.EnqueuedCount("default"));
        Assert.Equal(1, (await host.OutboxAsync()).Pending);
        Assert.Equal(HttpStatusCode.NotFound, (await host.PortalClient().GetAsync($"/portal/api/dossiers/{code}")).StatusCode);
    }
}
