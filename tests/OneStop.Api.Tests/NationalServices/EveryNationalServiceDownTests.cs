using System.Net;
using OneStop.Api.Tests.Infrastructure;

namespace OneStop.Api.Tests.NationalServices;

/// <summary>
/// Every national service down from the start (VNeID, both registries, the payment platform): each says so clearly,
/// nothing is lost, and the counter's work goes on with papers and payment at the desk.
/// </summary>
public sealed class EveryNationalServiceDownTests
{
    [Fact]
    public async Task Each_service_says_it_is_down_and_the_counter_goes_on_without_them()
    {
        using var factory = new OneStopFactory();
        await factory.SetNationalFaultsAsync(new { down = true });
        var before = await factory.SnapshotAsync();

        // VNeID: its discovery document cannot be read, so no redirect to it at all.
        var login = await factory.Browser().GetAsync($"{National.Login}?returnUrl=/");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, login.StatusCode);
        Assert.Contains("VNeID", (await login.ReadJsonAsync()).Str("detail"));
        Assert.NotNull(login.Headers.RetryAfter);
        Assert.Equal(before, await factory.SnapshotAsync());

        // The registries: a clear 503 each.
        var reception = await factory.SignInAsync("tiepnhan.xa");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await reception.GetAsync(National.Citizen(National.LevelTwo))).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await reception.GetAsync(National.Business("0100109106"))).StatusCode);

        // The counter files with papers, receives and asks for the fee; the order waits for the platform.
        var code = (await reception.SubmitAsync(ApiClient.CounterSubmission("cu-tru.dang-ky-thuong-tru", Demo.Commune, ["CT01", "GKS"], form: National.ResidenceWithRelatives))).Str("code");
        await reception.ActAsync(code, "receive");
        Assert.Equal("AwaitingPayment", (await reception.ActAsync(code, "request-payment")).Str("status"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await reception.GetAsync(National.Payment(code))).StatusCode);
        // ...and the fee paid at the desk is confirmed by hand, as before the platform existed.
        Assert.Equal("InProgress", (await reception.ActAsync(code, "confirm-payment")).Str("status"));

        // Back up: VNeID sign-in works again at once (the failed discovery is not remembered).
        await factory.SetNationalFaultsAsync(new { });
        Assert.Equal(HttpStatusCode.Redirect, (await factory.Browser().GetAsync($"{National.Login}?returnUrl=/")).StatusCode);
    }
}
