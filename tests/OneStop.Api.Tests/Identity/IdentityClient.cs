using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OneStop.Api.Tests.Infrastructure;

namespace OneStop.Api.Tests.Identity;

/// <summary>Sign-in attempts with any password, and what the database says about accounts.</summary>
public static class IdentityClient
{
    public const string WrongPassword = "Sai@123456";

    public static Task<HttpResponseMessage> RequestTokenAsync(this OneStopFactory factory, string username, string password) =>
        factory.CreateClient().PostAsJsonAsync(Routes.Token, new { username, password });

    public static Task<int> UserCountAsync(this OneStopFactory factory) => factory.QueryAsync(db => db.Users.CountAsync());

    /// <summary>The claims of a JWT, read without validating it (the host validates; the test only looks).</summary>
    public static JsonObject TokenPayload(string accessToken)
    {
        var payload = accessToken.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
        return JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)))!.AsObject();
    }

    public static IReadOnlyList<string> Strings(this JsonNode? array) => array!.AsArray().Select(n => n!.GetValue<string>()).ToList();

    public static IReadOnlyList<string> ErrorKeys(this JsonObject problem) =>
        problem["errors"]?.AsObject().Select(e => e.Key).ToList() ?? [];
}
