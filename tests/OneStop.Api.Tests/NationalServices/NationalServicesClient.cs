using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using OneStop.Api.Tests.Infrastructure;

namespace OneStop.Api.Tests.NationalServices;

/// <summary>Routes and demo secrets of DESIGN §14, as a client (or the platform) uses them.</summary>
public static class National
{
    /// <summary>
    /// A permanent residence at a relative's home (Law on Residence 2020 art. 20 §2, art. 21 §2): the paper proving the
    /// relationship (GKS) is the one the population database proves, so a look-up spares the applicant it.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, object?> ResidenceWithRelatives =
        new Dictionary<string, object?> { ["truongHop"] = "o-cung-nguoi-than", ["mienLePhi"] = false };

    public const string Login = "/api/auth/vneid/login";
    public const string Faults = "/national/api/admin/faults";
    public const string DemoKey = "demo-national-key";
    public const string DemoPaymentSecret = "demo-payment-secret";
    public const string LevelTwo = "060095000123";
    public const string LevelOne = "060095000999";
    public const string Callback = "/api/payments/callback";
    public const string AdminLookups = "/api/admin/lookups";
    public static string Citizen(string id, string? purpose = "tiep-nhan-ho-so", string? procedureId = null) =>
        $"/api/lookups/citizens/{id}" + Query(purpose, procedureId);
    public static string Business(string taxCode, string? purpose = "tiep-nhan-ho-so") => $"/api/lookups/businesses/{taxCode}" + Query(purpose, null);
    public static string Payment(string code) => $"/api/dossiers/{code}/payment";

    private static string Query(string? purpose, string? procedureId)
    {
        var parts = new List<string>();
        if (purpose is not null)
            parts.Add("purpose=" + Uri.EscapeDataString(purpose));
        if (procedureId is not null)
            parts.Add("procedureId=" + Uri.EscapeDataString(procedureId));
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }
}

/// <summary>One trip through VNeID as a browser makes it, each leg kept so a test can replay or spoil one.</summary>
public sealed record VneidTrip(string Cookies, Uri Authorize, Dictionary<string, string> Parameters, Uri? Callback, HttpResponseMessage SignInPage);

/// <summary>What a citizen's browser does with VNeID, and what the mock's operator does with its fault switch.</summary>
public static class NationalServicesClient
{
    /// <summary>A browser that shows each redirect instead of following it, and keeps no cookies of its own (they are passed by hand).</summary>
    public static HttpClient Browser(this OneStopFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>Login (302 to VNeID, cookies set), the sign-in form posted with <paramref name="password"/>, and VNeID's redirect back.</summary>
    public static async Task<VneidTrip> GoThroughVneidAsync(this OneStopFactory factory, string personalId, string password = Demo.Password, string returnUrl = "/ho-so-cua-toi")
    {
        var browser = factory.Browser();
        var login = await browser.GetAsync($"{National.Login}?returnUrl={Uri.EscapeDataString(returnUrl)}");
        Assert.True(login.StatusCode == HttpStatusCode.Redirect, $"login: {(int)login.StatusCode} {await login.Content.ReadAsStringAsync()}");
        var cookies = string.Join("; ", login.Headers.GetValues("Set-Cookie").Select(c => c[..c.IndexOf(';')]));
        var authorize = login.Headers.Location!;
        var parameters = authorize.Query.TrimStart('?').Split('&')
            .Select(p => p.Split('=', 2)).ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p[1]));
        var form = new Dictionary<string, string>(parameters) { ["username"] = personalId, ["password"] = password };
        var signIn = await browser.PostAsync(authorize.AbsolutePath, new FormUrlEncodedContent(form));
        return new VneidTrip(cookies, authorize, parameters, signIn.StatusCode == HttpStatusCode.Redirect ? signIn.Headers.Location : null, signIn);
    }

    /// <summary>The browser arrives back at our callback, with the cookies the login set (or <paramref name="cookies"/>).</summary>
    public static async Task<HttpResponseMessage> ReturnAsync(this OneStopFactory factory, VneidTrip trip, string? cookies = null, Uri? callback = null)
    {
        var target = callback ?? trip.Callback ?? throw new InvalidOperationException("VNeID did not redirect back.");
        using var request = new HttpRequestMessage(HttpMethod.Get, target.PathAndQuery);
        if ((cookies ?? trip.Cookies) is { Length: > 0 } sent)
            request.Headers.Add("Cookie", sent);
        return await factory.Browser().SendAsync(request);
    }

    /// <summary>The whole sign-in; the callback's JSON answer.</summary>
    public static async Task<JsonObject> SignInWithVneidAsync(this OneStopFactory factory, string personalId)
    {
        var answer = await factory.ReturnAsync(await factory.GoThroughVneidAsync(personalId));
        var json = await answer.ReadJsonAsync();
        Assert.True(answer.StatusCode == HttpStatusCode.OK, $"callback: {(int)answer.StatusCode} {json}");
        return json;
    }

    /// <summary>An API client holding the session VNeID sign-in gave.</summary>
    public static async Task<HttpClient> VneidCitizenAsync(this OneStopFactory factory, string personalId)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await factory.SignInWithVneidAsync(personalId)).Str("accessToken"));
        return client;
    }

    /// <summary>The mock's fault switch (<c>PUT /national/api/admin/faults</c>); an empty object clears every fault.</summary>
    public static async Task SetNationalFaultsAsync(this OneStopFactory factory, object faults)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, National.Faults) { Content = JsonContent.Create(faults) };
        request.Headers.Add("X-Api-Key", National.DemoKey);
        var response = await factory.CreateClient().SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"faults: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Lowercase hex HMAC-SHA256, computed here from the published demo secret as the platform would.</summary>
    public static string Sign(string body, string secret = National.DemoPaymentSecret) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    /// <summary>Posts <paramref name="body"/> to our payment callback as the platform would, with <paramref name="signature"/>.</summary>
    public static async Task<HttpResponseMessage> PostCallbackAsync(this HttpClient client, string body, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, National.Callback) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signature is not null)
            request.Headers.Add("X-Signature", signature);
        return await client.SendAsync(request);
    }
}
