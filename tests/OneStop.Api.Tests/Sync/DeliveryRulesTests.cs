using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using OneStop.Infrastructure;
using OneStop.Infrastructure.NationalPortal;
using OneStop.Infrastructure.Outbox;

namespace OneStop.Api.Tests.Sync;

/// <summary>The backoff schedule and how the portal's answers are read.</summary>
public sealed class DeliveryRulesTests
{
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Cap = TimeSpan.FromMinutes(5);

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(3, 8)]
    [InlineData(8, 256)]
    [InlineData(9, 300)]
    [InlineData(1000, 300)]
    public void The_backoff_doubles_from_2_seconds_up_to_the_cap(int attempts, int ceilingSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(ceilingSeconds), OutboxBackoff.Delay(attempts, Base, Cap, random: 1));
        Assert.Equal(TimeSpan.FromSeconds(ceilingSeconds / 2.0), OutboxBackoff.Delay(attempts, Base, Cap, random: 0));
    }

    [Fact]
    public void Jitter_spreads_retries_between_half_and_all_of_the_plain_backoff()
    {
        var delays = Enumerable.Range(0, 1000).Select(_ => OutboxBackoff.Delay(4, Base, Cap, Random.Shared.NextDouble())).ToList();

        Assert.All(delays, d => Assert.InRange(d, TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(16)));
        Assert.True(delays.Distinct().Count() > 100, "jittered delays should differ");
    }

    [Theory]
    [InlineData(200, """{"error_code":0,"message":"Thêm mới hồ sơ thành công."}""", DeliveryOutcome.Delivered)]
    [InlineData(200, """{"error_code":0,"message":"trùng","duplicate":true}""", DeliveryOutcome.Delivered)]
    [InlineData(409, """{"error_code":409,"message":"Bản tin sai thứ tự","expected":2}""", DeliveryOutcome.Transient)]
    [InlineData(503, """{"error_code":503,"message":"tạm thời"}""", DeliveryOutcome.Transient)]
    [InlineData(500, "", DeliveryOutcome.Transient)]
    [InlineData(429, "", DeliveryOutcome.Transient)]
    [InlineData(408, "", DeliveryOutcome.Transient)]
    [InlineData(200, "<html>proxy</html>", DeliveryOutcome.Transient)]
    [InlineData(400, """{"error_code":400,"message":"Thiếu trường bắt buộc MaTTHC.","field":"MaTTHC"}""", DeliveryOutcome.Permanent)]
    [InlineData(400, """{"error_code":422,"message":"từ chối (giả lập)"}""", DeliveryOutcome.Permanent)]
    [InlineData(401, """{"error_code":401,"message":"Thiếu khóa"}""", DeliveryOutcome.Permanent)]
    [InlineData(200, """{"error_code":-1,"message":"Lỗi dữ liệu"}""", DeliveryOutcome.Permanent)]
    public void Portal_answers_are_delivered_transient_or_permanent(int status, string body, DeliveryOutcome expected)
    {
        var delivery = NationalPortalClient.Classify((HttpStatusCode)status, body);

        Assert.Equal(expected, delivery.Outcome);
        if (expected != DeliveryOutcome.Delivered)
            Assert.StartsWith($"HTTP {status}", delivery.Error);
    }

    [Fact]
    public void A_refusal_keeps_the_portals_words_and_the_field()
    {
        var delivery = NationalPortalClient.Classify(HttpStatusCode.BadRequest, """{"error_code":400,"message":"Thiếu trường bắt buộc MaTTHC.","field":"MaTTHC"}""");

        Assert.Equal("HTTP 400: Thiếu trường bắt buộc MaTTHC. (error_code 400) [field MaTTHC]", delivery.Error);
    }

    [Theory]
    [InlineData("http://portal:8080/portal", null, "http://portal:8080/portal/")]
    [InlineData(null, "http://[::]:8080", "http://localhost:8080/portal/")]
    [InlineData(null, "http://+:80", "http://localhost/portal/")]
    [InlineData(null, "http://localhost:5000", "http://localhost:5000/portal/")]
    public void The_portal_address_is_the_setting_or_the_hosts_own_portal(string? baseUrl, string? listening, string expected)
    {
        Assert.Equal(expected, NationalPortalSyncRegistration.PortalAddress(baseUrl, new ListeningServer(listening))!.ToString());
    }

    [Fact]
    public void An_in_memory_server_that_listens_nowhere_gets_localhost() =>
        Assert.Equal("http://localhost/portal/", NationalPortalSyncRegistration.PortalAddress(null, new ListeningServer(null))!.ToString());

    [Fact]
    public void Without_a_setting_or_a_mapped_mock_there_is_no_portal_address() =>
        Assert.Null(NationalPortalSyncRegistration.PortalAddress(null, null));
}

/// <summary>A server that only reports the address it listens on.</summary>
internal sealed class ListeningServer : IServer
{
    public ListeningServer(string? address)
    {
        var addresses = new ServerAddressesFeature();
        if (address is not null)
            addresses.Addresses.Add(address);
        Features.Set<IServerAddressesFeature>(addresses);
    }

    public IFeatureCollection Features { get; } = new FeatureCollection();

    public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken) where TContext : notnull => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
    }
}
