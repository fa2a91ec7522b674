using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace OneStop.NationalServices.Mock;

/// <summary>
/// Maps the mock national services under <paramref name="prefix"/> (DESIGN §14): <c>/vneid</c> (OpenID Connect
/// provider), <c>/lgsp</c> (population and business registries behind the LGSP gateway), <c>/payment</c> (the
/// national payment platform) and <c>/api/admin/faults</c> (the fault switch, key in <c>X-Api-Key</c>).
/// </summary>
public static class MockNationalEndpoints
{
    public const string ApiKeyHeader = "X-Api-Key";
    internal const string Tag = "Dịch vụ quốc gia (giả lập)";

    public static IEndpointRouteBuilder MapMockNationalServices(this IEndpointRouteBuilder app, string prefix = "/national")
    {
        var national = app.MapGroup(prefix).AllowAnonymous().WithTags(Tag).RequireRateLimiting(MockNationalRateLimit.Policy);
        var admin = national.MapGroup("/api/admin").AddEndpointFilter(RequireApiKeyAsync);
        admin.MapGet("/faults", (MockNationalStore store) => TypedResults.Json(store.Faults, MockJson.Options));
        admin.MapPut("/faults", SetFaultsAsync);
        MockVneidEndpoints.Map(national.MapGroup("/vneid"), prefix);
        MockRegistryEndpoints.Map(national.MapGroup("/lgsp"));
        MockPaymentEndpoints.Map(national.MapGroup("/payment"), prefix);
        return app;
    }

    /// <summary>The public root of the mock: configured, or this request's scheme, host, path base and prefix.</summary>
    internal static string PublicRoot(HttpRequest request, string prefix) =>
        request.HttpContext.RequestServices.GetRequiredService<IOptions<MockNationalOptions>>().Value.PublicBaseUrl is { Length: > 0 } configured
            ? configured.TrimEnd('/')
            : $"{request.Scheme}://{request.Host}{request.PathBase}{prefix}".TrimEnd('/');

    /// <summary>An endpoint filter that applies the faults set for <paramref name="service"/> before the call is looked at.</summary>
    internal static Func<EndpointFilterInvocationContext, EndpointFilterDelegate, ValueTask<object?>> Faulty(string service, Func<IResult> unavailable) =>
        async (context, next) =>
        {
            var (delay, fails) = context.HttpContext.RequestServices.GetRequiredService<MockNationalStore>().Draw(service);
            if (delay > TimeSpan.Zero)
                await Task.Delay(delay, context.HttpContext.RequestAborted); // real time: the point is to make clients' timeouts fire
            return fails ? unavailable() : await next(context);
        };

    private static async ValueTask<object?> RequireApiKeyAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var expected = http.RequestServices.GetRequiredService<IOptions<MockNationalOptions>>().Value.ApiKey!;
        return Same(http.Request.Headers[ApiKeyHeader].ToString(), expected)
            ? await next(context)
            : Problem(StatusCodes.Status401Unauthorized, $"Thiếu hoặc sai khóa {ApiKeyHeader}.");
    }

    /// <summary><c>PUT /api/admin/faults</c>: the whole setting at once (what is left out is off), each value checked.</summary>
    private static async Task<IResult> SetFaultsAsync(HttpRequest request, MockNationalStore store, CancellationToken ct)
    {
        if (await ReadObjectAsync(request, ct) is not { } body)
            return Problem(StatusCodes.Status400BadRequest, "Nội dung yêu cầu phải là một đối tượng JSON hợp lệ.");
        var errorRate = body["errorRate"] is { } rate ? rate.GetValueKind() == JsonValueKind.Number ? rate.GetValue<double>() : -1 : 0;
        if (errorRate is < 0 or > 1)
            return Problem(StatusCodes.Status400BadRequest, "Trường errorRate phải là số từ 0 đến 1.", "errorRate");
        var latency = 0;
        if (body["latencyMs"] is { } ms && !(ms.GetValueKind() == JsonValueKind.Number && ms.AsValue().TryGetValue(out latency) && latency is >= 0 and <= NationalFaults.MaxLatencyMs))
            return Problem(StatusCodes.Status400BadRequest, $"Trường latencyMs phải là số nguyên từ 0 đến {NationalFaults.MaxLatencyMs}.", "latencyMs");
        if (!Switch(body, "down", out var down))
            return Problem(StatusCodes.Status400BadRequest, "Trường down phải là true hoặc false.", "down");
        if (!Switch(body, "dropPaymentCallbacks", out var drop))
            return Problem(StatusCodes.Status400BadRequest, "Trường dropPaymentCallbacks phải là true hoặc false.", "dropPaymentCallbacks");
        List<string>? services = null;
        if (body["services"] is { } list)
        {
            if (list is not JsonArray items || items.Any(i => i is null || i.GetValueKind() != JsonValueKind.String || !NationalServiceNames.All.Contains(i.GetValue<string>())))
                return Problem(StatusCodes.Status400BadRequest, $"Trường services là danh sách gồm: {string.Join(", ", NationalServiceNames.All)}.", "services");
            services = items.Select(i => i!.GetValue<string>()).Distinct().ToList();
        }
        string? defect = null;
        if (body["idTokenDefect"] is { } spoil && spoil.GetValueKind() != JsonValueKind.Null)
        {
            defect = spoil.GetValueKind() == JsonValueKind.String ? spoil.GetValue<string>() : "";
            if (!IdTokenDefects.All.Contains(defect))
                return Problem(StatusCodes.Status400BadRequest, $"Trường idTokenDefect là một trong: {string.Join(", ", IdTokenDefects.All)} (hoặc null).", "idTokenDefect");
        }
        var faults = new NationalFaults(errorRate, latency, down, services, drop, defect);
        store.SetFaults(faults);
        return TypedResults.Json(faults, MockJson.Options);
    }

    private static bool Switch(JsonObject body, string name, out bool value)
    {
        value = false;
        if (body[name] is not { } node)
            return true;
        if (node.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
            return false;
        value = node.GetValue<bool>();
        return true;
    }

    internal static async Task<JsonObject?> ReadObjectAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body, cancellationToken: ct) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Constant-time comparison of secrets.</summary>
    internal static bool Same(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));

    /// <summary>The mock's own errors, as RFC 9457 problem details with a Vietnamese message (and the field, when one is wrong).</summary>
    internal static IResult Problem(int status, string detail, string? field = null) => TypedResults.Problem(
        detail: detail, statusCode: status, title: "Dịch vụ quốc gia (giả lập)",
        extensions: field is null ? null : new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [detail] } });
}

/// <summary>Serializer settings of the mock's JSON answers.</summary>
public static class MockJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

/// <summary>Every endpoint of the mock: <see cref="MockNationalOptions.RateLimitPerMinute"/> calls a minute per client address.</summary>
public sealed class MockNationalRateLimit(IOptions<MockNationalOptions> options) : IRateLimiterPolicy<string>
{
    public const string Policy = "mock-national";

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) => RateLimitPartition.GetFixedWindowLimiter(
        httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown",
        _ => new FixedWindowRateLimiterOptions { PermitLimit = options.Value.RateLimitPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = (context, _) =>
    {
        context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.HttpContext.Response.Headers.RetryAfter = "60";
        return ValueTask.CompletedTask;
    };
}
