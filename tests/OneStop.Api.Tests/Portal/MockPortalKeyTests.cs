using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OneStop.Api.Tests.Infrastructure;
using OneStop.Api.Tests.Sync;
using OneStop.NationalPortal.Mock;

namespace OneStop.Api.Tests.Portal;

/// <summary>
/// The mock portal holds applicants' names and personal IDs (issue 15): its published demo key works only on an
/// instance that seeds demo data; anywhere else it needs a key of its own or the host does not start; and every
/// one of its endpoints is rate limited per address.
/// </summary>
public sealed class MockPortalKeyTests
{
    private const string OwnKey = "khoa-rieng-cua-cong-gia-lap-2026";

    private static HttpClient WithKey(OneStopFactory host, string key)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Add(MockPortalEndpoints.ApiKeyHeader, key);
        return client;
    }

    private static string Messages(Exception? e) => e is null ? "" : e.Message + " | " + Messages(e.InnerException)
        + (e is AggregateException all ? string.Join(" | ", all.InnerExceptions.Select(Messages)) : "");

    [Fact]
    public async Task Without_demo_data_the_mock_is_not_mapped_unless_asked_for()
    {
        using var host = OneStopFactory.With(("OneStop:SeedDemoData", "false"));

        Assert.Equal(HttpStatusCode.NotFound, (await WithKey(host, MockPortalOptions.DefaultApiKey).GetAsync(PortalRoutes.Procedures)).StatusCode);
    }

    [Theory]
    [InlineData(null, "MockPortal:ApiKey chưa được cấu hình")]
    [InlineData(MockPortalOptions.DefaultApiKey, "khóa demo công khai")]
    [InlineData("ngan", "ít nhất 16 ký tự")]
    public void Asked_for_without_demo_data_it_needs_a_key_of_its_own_or_the_host_does_not_start(string? key, string message)
    {
        var settings = new List<(string, string)> { ("OneStop:SeedDemoData", "false"), ("MockPortal:Enabled", "true") };
        if (key is not null)
            settings.Add(("MockPortal:ApiKey", key));
        using var host = OneStopFactory.With([.. settings]);

        var failure = Record.Exception(() => host.CreateClient());

        Assert.NotNull(failure);
        Assert.Contains(message, Messages(failure));
    }

    [Fact]
    public async Task With_its_own_key_the_mock_starts_without_demo_data_and_refuses_the_demo_key()
    {
        using var host = OneStopFactory.With(("OneStop:SeedDemoData", "false"), ("MockPortal:Enabled", "true"), ("MockPortal:ApiKey", OwnKey));

        Assert.Equal(HttpStatusCode.Unauthorized, (await WithKey(host, MockPortalOptions.DefaultApiKey).GetAsync(PortalRoutes.Procedures)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await WithKey(host, OwnKey).GetAsync(PortalRoutes.Procedures)).StatusCode);

    }

    [Fact]
    public async Task A_demo_instance_with_a_key_of_its_own_delivers_its_sync_with_that_key()
    {
        using var host = OneStopFactory.With(("MockPortal:ApiKey", OwnKey));
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithKey(host, MockPortalOptions.DefaultApiKey).GetAsync(PortalRoutes.Procedures)).StatusCode);

        // This host's outbox delivers to this host's mock with the mock's key (NationalPortal:ApiKey unset).
        await new DossierMill(host).SubmitAsync(1);
        var report = await host.Job().DeliverDueAsync(CancellationToken.None);
        Assert.Equal(1, report.Delivered);
    }

    [Fact]
    public async Task Every_endpoint_is_rate_limited_per_address_keyed_or_not()
    {
        using var host = OneStopFactory.With(("MockPortal:RateLimitPerMinute", "3"));
        var keyed = WithKey(host, MockPortalOptions.DefaultApiKey);

        Assert.Equal(HttpStatusCode.OK, (await keyed.GetAsync(PortalRoutes.Procedures)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await keyed.GetAsync(PortalRoutes.Dossier("000.17.22.H56-260302-0001"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithKey(host, "doan-bua").GetAsync(PortalRoutes.Dossier("000.17.22.H56-260302-0002"))).StatusCode);

        var fourth = await keyed.GetAsync(PortalRoutes.Dossier("000.17.22.H56-260302-0003"));
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.InRange(fourth.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.Equal("429", (await fourth.ReadJsonAsync())["error_code"]!.GetValue<string>());
        // The API's own endpoints are not the portal's budget.
        Assert.Equal(HttpStatusCode.OK, (await host.CreateClient().GetAsync(Routes.Procedures)).StatusCode);
    }

    [Fact]
    public async Task The_standalone_portal_registration_refuses_to_start_without_a_key()
    {
        using var host = new HostBuilder().ConfigureWebHost(web => web
            .UseTestServer()
            .ConfigureServices(services => services.AddRouting().AddMockNationalPortal(new ConfigurationBuilder().Build()))
            .Configure(app => app.UseRouting().UseRateLimiter().UseEndpoints(e => e.MapMockNationalPortal("/portal")))).Build();

        var failure = await Record.ExceptionAsync(() => host.StartAsync());

        Assert.Contains("MockPortal:ApiKey chưa được cấu hình", Messages(failure));
    }
}
