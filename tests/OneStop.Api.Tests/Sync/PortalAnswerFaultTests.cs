using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Api.Tests.Infrastructure;
using OneStop.Infrastructure.NationalPortal;
using OneStop.Infrastructure.Outbox;
using Xunit.Abstractions;

namespace OneStop.Api.Tests.Sync;

/// <summary>
/// Issue 11, third "done when": faults tried as a new user would meet them — the portal ending the session in the
/// middle of a drain, and answers with an error_code nobody knows — lose nothing and send nothing twice.
/// </summary>
public sealed class PortalAnswerFaultTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Sessions_the_portal_ends_in_the_middle_of_a_drain_are_renewed_and_nothing_is_lost_or_sent_twice()
    {
        // The portal ends a session after 2 minutes of the fake clock; the client would keep it for an hour, so it
        // meets the portal's "session expired" answer rather than renewing on its own schedule.
        await using var host = OneStopFactory.With(("MockPortal:SessionLifetimeSeconds", "120"), ("NationalPortal:SessionLifetime", "01:00:00"));
        var mill = new DossierMill(host);
        var report = OutboxDeliveryReport.None;

        var codes = await mill.SubmitAsync(60);
        await mill.WalkToReturnedAsync(codes, async () =>
        {
            report = report.Add(await host.Job().DeliverDueAsync(CancellationToken.None));
            host.Clock.Advance(TimeSpan.FromMinutes(3));
        });
        var (drained, _) = await host.DrainAsync();
        report = report.Add(drained);

        var portal = host.PortalStore();
        var outbox = await host.OutboxAsync();
        Assert.Equal((0, 0), (outbox.Pending, outbox.DeadLettered));
        await host.AssertDeliveredInOrderAsync(portal, codes, duplicates: 0);
        // Seven sweeps three minutes apart: from the second on, each met a session the portal had ended and renewed it.
        Assert.True(report.SessionRenewals >= 6, $"the portal should have ended sessions mid-drain: {report}");
        // Each "-1" answer was followed by exactly one renewal and one resend, and only the resend was stored.
        Assert.Equal(portal.SessionRefusals, report.SessionRenewals);
        // Deliveries in parallel that met the same expired session share one new sign-in.
        Assert.Equal(portal.SignIns, host.Services.GetRequiredService<NationalPortalSessions>().SignIns);
        Assert.InRange(portal.SignIns, 7, report.SessionRenewals + 1);
        output.WriteLine($"{outbox.Delivered} messages in {report.Sent} calls; {report.SessionRenewals} sessions ended by the portal and renewed, {portal.SignIns} sign-ins");
    }

    [Fact]
    public async Task Answers_with_an_error_code_nobody_knows_are_retried_as_the_real_clients_retry_and_land_once()
    {
        await using var host = OneStopFactory.With(("NationalPortal:ClientRetries", "0"));
        var portalClient = host.PortalClient();
        await portalClient.SetFaultsAsync(new { unknownCodeRate = 0.4 });
        var mill = new DossierMill(host);
        var codes = await mill.SubmitAsync(40);
        var report = OutboxDeliveryReport.None;

        await mill.WalkToReturnedAsync(codes, async () =>
        {
            report = report.Add(await host.Job().DeliverDueAsync(CancellationToken.None));
            host.Clock.Advance(TimeSpan.FromMinutes(1));
        });
        var waiting = await host.QueryAsync(db => db.Outbox.Where(m => m.State == OneStop.Infrastructure.Persistence.OutboxState.Pending && m.Attempts > 0)
            .Select(m => m.LastError).ToListAsync());
        await portalClient.SetFaultsAsync(new { });
        var (drained, sweeps) = await host.DrainAsync();
        report = report.Add(drained);

        Assert.NotEmpty(waiting);
        Assert.All(waiting, error => Assert.Contains("(error_code 99)", error));
        var outbox = await host.OutboxAsync();
        Assert.Equal((0, 0), (outbox.Pending, outbox.DeadLettered));
        await host.AssertDeliveredInOrderAsync(host.PortalStore(), codes, duplicates: 0);
        Assert.True(report.TransientFailures > 0, report.ToString());
        output.WriteLine($"{outbox.Delivered} messages, {report.TransientFailures} answers with error_code \"99\" retried, drained in {sweeps} sweeps once the portal answered normally");
    }
}
