using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Api.Tests.Citizens;
using OneStop.Api.Tests.Infrastructure;
using OneStop.Infrastructure.NationalPortal;

namespace OneStop.Api.Tests.Sync;

/// <summary>The signed, expiring download links the national portal gets for papers and results.</summary>
public sealed class PortalFileLinkTests
{
    [Fact]
    public async Task A_link_serves_its_file_to_anyone_until_it_expires_and_a_changed_one_never()
    {
        // An hour, within the day an unreferenced upload is kept (a longer wait would see the upload itself cleaned up).
        await using var host = OneStopFactory.With(("NationalPortal:FileLinkLifetime", "01:00:00"));
        var fileId = await (await host.SignInAsync("congdan")).UploadAsync("giay-to.pdf");
        var link = host.Services.GetRequiredService<PortalFileLinks>().Create(fileId);
        var path = new Uri(link).PathAndQuery;
        var token = path[PortalFileLinks.RoutePrefix.Length..];
        var changed = PortalFileLinks.RoutePrefix + token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];
        var anonymous = host.CreateClient();

        var served = await anonymous.GetAsync(path);
        var tampered = await anonymous.GetAsync(changed);
        host.Clock.Advance(TimeSpan.FromHours(1) - TimeSpan.FromSeconds(1));
        var lastSecond = await anonymous.GetAsync(path);
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        var expired = await anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("application/pdf", served.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF", await served.Content.ReadAsStringAsync());
        Assert.Equal("no-store, private", string.Join(", ", served.Headers.CacheControl!.ToString().Split(", ").Order()));
        Assert.Equal(HttpStatusCode.OK, lastSecond.StatusCode);
        foreach (var refused in new[] { tampered, expired })
        {
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Contains("hết hạn", (await refused.ReadJsonAsync()).Str("detail"));
        }
    }

    [Fact]
    public void A_link_names_the_hosts_address_unless_a_public_one_is_configured()
    {
        using var own = new OneStopFactory();
        using var configured = OneStopFactory.With(("NationalPortal:FileLinkBaseUrl", "https://motcua.binhthuan.gov.vn/"));

        var id = Guid.NewGuid();

        Assert.StartsWith("http://localhost/api/portal-files/", own.Services.GetRequiredService<PortalFileLinks>().Create(id));
        Assert.StartsWith("https://motcua.binhthuan.gov.vn/api/portal-files/", configured.Services.GetRequiredService<PortalFileLinks>().Create(id));
    }
}
