using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Api.Tests.Infrastructure;
using OneStop.Api.Tests.Sync;
using OneStop.Infrastructure.Persistence;
using OneStop.Infrastructure.Telemetry;
using OpenTelemetry.Trace;

namespace OneStop.Api.Tests.Cluster;

/// <summary>
/// Issue #14, OpenTelemetry: the operator's figures are real numbers read from the database, actions are counted,
/// and a request, its queries, the background job it queues and the portal call that job makes are all traced.
/// </summary>
public sealed class TelemetryTests : IDisposable
{
    private readonly List<Activity> _spans = [];
    private readonly string _node = "telemetry-" + Guid.NewGuid().ToString("N")[..8];
    private readonly OneStopFactory _host;

    public TelemetryTests()
    {
        _host = OneStopFactory.With(("Hangfire:Server:Enabled", "true"), ("OneStop:NodeName", _node), (OperatorMetricsSampler.IntervalKey, "00:00:00"));
        _host.TestServices = services =>
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(_spans));
    }

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Queue_depth_outbox_and_dead_letters_are_reported_as_the_database_has_them()
    {
        var commune = await _host.SignInAsync("tiepnhan.xa");
        var district = await _host.SignInAsync("tiepnhan.huyen");
        // Delivery waits: the portal is down, so every message stays pending.
        await _host.PortalClient().SetFaultsAsync(new { down = true });
        for (var i = 0; i < 3; i++)
            await commune.SubmitAsync(ApiClient.CounterSubmission("ho-tich.dang-ky-khai-sinh", Demo.Commune, ["TKKS", "GCS"]));
        await district.SubmitAsync(ApiClient.CounterSubmission(
            "ho-kinh-doanh.dang-ky-thanh-lap-ho-kinh-doanh", Demo.District, await RequiredPapersAsync("ho-kinh-doanh.dang-ky-thanh-lap-ho-kinh-doanh")));
        // One message refused for good: the oldest one, so the oldest pending is the second submission's.
        var messages = await _host.QueryAsync(db => db.Outbox.OrderBy(m => m.Id).Select(m => m.Id).ToListAsync());
        await _host.QueryAsync(db => db.Outbox.Where(m => m.Id == messages[0]).ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutboxState.DeadLettered)));
        _host.Clock.Advance(TimeSpan.FromMinutes(10));

        await _host.Services.GetRequiredService<OperatorMetricsSampler>().SampleAsync(CancellationToken.None);
        var observed = ObserveGauges();

        // 3 birth registrations at commune 22918, 1 household business at district 593; 4 submissions = 4 messages,
        // 1 dead-lettered, 3 pending, all made at the same fake instant, 10 minutes ago = 600 s.
        Assert.Equal(3, observed[("onestop.dossiers.queue_depth", Demo.Commune)]);
        Assert.Equal(1, observed[("onestop.dossiers.queue_depth", Demo.District)]);
        Assert.Equal(3, observed[("onestop.outbox.pending", "")]);
        Assert.Equal(600, observed[("onestop.outbox.oldest_pending_age", "")]);
        Assert.Equal(1, observed[("onestop.outbox.dead_letters", "")]);
    }

    [Fact]
    public async Task Every_submission_and_action_is_counted_by_action()
    {
        var counted = new List<(string Action, long Value)>();
        using var listener = new MeterListener();
        var meters = _host.Services.GetRequiredService<IMeterFactory>();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meters && instrument.Name == "onestop.dossier.actions")
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            lock (counted)
                counted.Add(((string)tags.ToArray().Single(t => t.Key == "action").Value!, value));
        });
        listener.Start();
        var reception = await _host.SignInAsync("tiepnhan.xa");

        var code = (await reception.SubmitAsync(ApiClient.CounterSubmission("ho-tich.dang-ky-khai-sinh", Demo.Commune, ["TKKS", "GCS"]))).Str("code");
        await reception.ActAsync(code, "receive");
        await reception.PostActionAsync(code, "receive", "\"stale\""); // refused (412): not counted

        lock (counted)
            Assert.Equal([("submit", 1L), ("receive", 1L)], counted);
    }

    [Fact]
    public async Task A_submission_is_traced_through_its_queries_and_the_delivery_job_to_the_portal_call()
    {
        var reception = await _host.SignInAsync("tiepnhan.xa");
        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, Routes.Dossiers)
        {
            Content = System.Net.Http.Json.JsonContent.Create(ApiClient.CounterSubmission("ho-tich.dang-ky-khai-sinh", Demo.Commune, ["TKKS", "GCS"])),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        Assert.True((await reception.SendAsync(request)).IsSuccessStatusCode);

        // Hangfire delivers after the commit; wait (bounded) for this node's job span and the portal send inside it. Every
        // host of the test process reports to every listener, so spans are told apart by trace and by node.
        Activity[] Spans() { lock (_spans) return [.. _spans]; }
        (Activity? Server, Activity? Job, Activity? Portal) Find()
        {
            var spans = Spans();
            var jobs = spans.Where(s => s.GetTagItem("service.instance.id") as string == _node && s.GetTagItem("job.name") as string == "OutboxDeliveryJob.RunAsync")
                .ToDictionary(s => s.SpanId);
            var portal = spans.FirstOrDefault(s => s.DisplayName.StartsWith("national_portal", StringComparison.Ordinal) && jobs.ContainsKey(s.ParentSpanId)
                && s.GetTagItem("national_portal.outcome") is "delivered");
            return (spans.FirstOrDefault(s => s.TraceId == traceId && s.Kind == ActivityKind.Server), portal is null ? null : jobs[portal.ParentSpanId], portal);
        }
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (Find() is (null, _, _) or (_, null, _) && DateTime.UtcNow < deadline)
            await Task.Delay(100);

        var (server, job, portal) = Find();
        Assert.NotNull(server);
        Assert.NotNull(job);
        Assert.StartsWith("POST /api/dossiers", server.DisplayName, StringComparison.Ordinal);
        Assert.Contains(Spans(), s => s.TraceId == traceId && s.Source.Name.Contains("EntityFrameworkCore", StringComparison.Ordinal));
        Assert.Equal("delivered", portal!.GetTagItem("national_portal.outcome"));
        // The job's own queries are in its trace too. (The HTTP client span under the portal span is HttpClient's; it needs
        // the runtime's DiagnosticsHandler, which the in-memory test server's handler does not have.)
        Assert.Contains(Spans(), s => s.TraceId == job.TraceId && s.Source.Name.Contains("EntityFrameworkCore", StringComparison.Ordinal));
    }

    private async Task<string[]> RequiredPapersAsync(string procedureId)
    {
        var procedure = await (await _host.CreateClient().GetAsync($"{Routes.Procedures}/{procedureId}")).ReadJsonAsync();
        return procedure["documents"]!.AsArray().Where(d => d!["required"]!.GetValue<bool>()).Select(d => d.Str("code")).ToArray();
    }

    /// <summary>The current value of each of our gauges (per unit for the queue depth), read the way an exporter reads them.</summary>
    private Dictionary<(string Name, string Unit), double> ObserveGauges()
    {
        var values = new Dictionary<(string, string), double>();
        using var listener = new MeterListener();
        var meters = _host.Services.GetRequiredService<IMeterFactory>();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meters && instrument.Name.StartsWith("onestop.", StringComparison.Ordinal))
                l.EnableMeasurementEvents(instrument);
        };
        void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags) where T : struct
        {
            var unit = "";
            foreach (var tag in tags)
                if (tag.Key == "unit.code")
                    unit = (string)tag.Value!;
            values[(instrument.Name, unit)] = Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
        }
        listener.SetMeasurementEventCallback<long>((i, v, t, _) => Record(i, v, t));
        listener.SetMeasurementEventCallback<double>((i, v, t, _) => Record(i, v, t));
        listener.Start();
        listener.RecordObservableInstruments();
        return values;
    }
}
