using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace OneStop.NationalPortal.Mock;

/// <summary>
/// The mock DVCQG portal's HTTP surface. Every call needs the <c>X-Api-Key</c> header. As on DVCQG a client
/// may sign in (<c>POST api/auth/login</c>) and send the session it gets in the body's <c>session</c>
/// field; to keep clients simple the services also accept the API key alone, and only a session that is
/// sent but unknown or expired is refused.
/// </summary>
public static class MockPortalEndpoints
{
    public const string ApiKeyHeader = "X-Api-Key";
    private const string Tag = "Cổng DVCQG (giả lập)";

    /// <summary>
    /// Maps the portal under <paramref name="prefix"/> ("" for the root). The endpoints allow anonymous
    /// access as far as the host's own authentication goes: they check the portal's API key instead, and
    /// are rate limited per client address (<see cref="MockPortalRateLimit"/>; the host calls <c>UseRateLimiter</c>).
    /// </summary>
    public static IEndpointRouteBuilder MapMockNationalPortal(this IEndpointRouteBuilder app, string prefix = "/portal")
    {
        var portal = app.MapGroup(prefix).AllowAnonymous().WithTags(Tag).RequireRateLimiting(MockPortalRateLimit.Policy)
            .AddEndpointFilter(RequireApiKeyAsync);

        // Outside the "down" switch, or nobody could switch it off again.
        portal.MapGet("/api/admin/faults", (MockPortalStore store) => Json(StatusCodes.Status200OK, store.Faults));
        portal.MapPut("/api/admin/faults", SetFaultsAsync);

        var live = portal.MapGroup("").AddEndpointFilter(AnswerUnavailableWhenDownAsync);
        live.MapPost("/api/auth/login", LoginAsync);
        live.MapPost($"/api/services/{PortalServices.DongBoHoSoMC}", (HttpRequest request, MockPortalStore store, CancellationToken ct) =>
            ReceiveAsync(request, store, PortalPayload.ReadDossier, ct));
        live.MapPost($"/api/services/{PortalServices.CapNhatTienDoHoSoMC}", (HttpRequest request, MockPortalStore store, CancellationToken ct) =>
            ReceiveAsync(request, store, PortalPayload.ReadProgress, ct));
        live.MapGet("/api/dossiers/{code}", GetDossier);
        live.MapGet("/api/procedures", GetProcedures);
        return app;
    }

    private static async ValueTask<object?> RequireApiKeyAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        // Never null here: AddMockNationalPortal refuses to start without a key.
        var expected = http.RequestServices.GetRequiredService<IOptions<MockPortalOptions>>().Value.ApiKey!;
        var given = http.Request.Headers[ApiKeyHeader].ToString();
        // Constant-time, like any secret comparison: the key is a demo one, the habit is not.
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected)))
            return Error(StatusCodes.Status401Unauthorized, PortalErrorCodes.Unauthorized, $"Thiếu hoặc sai khóa {ApiKeyHeader}.");
        return await next(context);
    }

    private static async ValueTask<object?> AnswerUnavailableWhenDownAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.HttpContext.RequestServices.GetRequiredService<MockPortalStore>().Faults.Down
            ? Error(StatusCodes.Status503ServiceUnavailable, PortalErrorCodes.Unavailable, "Cổng DVCQG đang ngừng hoạt động (giả lập).")
            : await next(context);

    private static async Task<IResult> LoginAsync(MockPortalStore store, CancellationToken ct)
    {
        await DelayAsync(store.DrawFault().Delay, ct);
        return Json(StatusCodes.Status200OK, new PortalSession(PortalErrorCodes.Accepted, store.OpenSession(), (int)store.SessionLifetime.TotalSeconds));
    }

    private static async Task<IResult> ReceiveAsync(HttpRequest request, MockPortalStore store,
        Func<JsonObject, (PortalMessage? Message, PortalFieldError? Error)> read, CancellationToken ct)
    {
        // Faults strike before the body is even read: nothing a failed call carried is stored.
        var fault = store.DrawFault();
        await DelayAsync(fault.Delay, ct);
        if (fault.Kind == FaultKind.Error)
            return Error(StatusCodes.Status503ServiceUnavailable, PortalErrorCodes.Unavailable, "Cổng DVCQG tạm thời không xử lý được yêu cầu (giả lập).");
        if (fault.Kind == FaultKind.Reject)
            return Error(StatusCodes.Status400BadRequest, PortalErrorCodes.Rejected, "từ chối (giả lập)");

        var body = await ReadObjectAsync(request, ct);
        if (body is null)
            return Error(StatusCodes.Status400BadRequest, PortalErrorCodes.Invalid, "Nội dung yêu cầu phải là một đối tượng JSON hợp lệ.");
        if (body["session"] is { } session
            && (session.GetValueKind() != JsonValueKind.String || !store.IsSessionValid(session.GetValue<string>())))
            return Error(StatusCodes.Status401Unauthorized, PortalErrorCodes.Unauthorized, "Phiên làm việc không hợp lệ hoặc đã hết hạn; hãy đăng nhập lại.");

        var (message, invalid) = read(body);
        if (invalid is not null)
            return Json(StatusCodes.Status400BadRequest, new PortalAnswer(PortalErrorCodes.Invalid, invalid.Message) { Field = invalid.Field });

        var outcome = store.Accept(message!);
        return outcome.Status switch
        {
            AcceptStatus.Duplicate => Json(StatusCodes.Status200OK,
                new PortalAnswer(PortalErrorCodes.Accepted, "Bản tin đã được tiếp nhận trước đó (trùng IdempotencyKey); không lưu lại.") { Duplicate = true }),
            AcceptStatus.OutOfOrder => Json(StatusCodes.Status409Conflict,
                new PortalAnswer(PortalErrorCodes.OutOfOrder, $"Bản tin sai thứ tự: hồ sơ {message!.MaHoSo} cần SoThuTu {outcome.Expected}, nhận được {message.SoThuTu}.") { Expected = outcome.Expected }),
            _ => Json(StatusCodes.Status200OK, new PortalAnswer(PortalErrorCodes.Accepted, AcceptedMessage(message!, outcome))),
        };
    }

    // DVCQG's wording; provincial clients look for "thành công" in the message.
    private static string AcceptedMessage(PortalMessage message, AcceptOutcome outcome) =>
        message.Service == PortalServices.CapNhatTienDoHoSoMC ? "Cập nhật tiến độ hồ sơ thành công."
        : outcome.FirstDossierSync ? "Thêm mới hồ sơ thành công."
        : "Cập nhật hồ sơ thành công.";

    private static IResult GetDossier(string code, MockPortalStore store) =>
        store.Find(code) is { } received
            ? Json(StatusCodes.Status200OK, new PortalDossier(code, received
                .Select(m => new PortalDossierItem(m.SoThuTu, m.Service, m.TrangThaiHoSo, m.ReceivedAt.ToOffset(VietnamOffset), m.IdempotencyKey, m.Payload))
                .ToList()))
            : Error(StatusCodes.Status404NotFound, PortalErrorCodes.NotFound, $"Cổng chưa nhận bản tin nào của hồ sơ {code}.");

    private static IResult GetProcedures(string? maTTHC)
    {
        var items = NationalProcedureCatalog.All
            .Where(p => string.IsNullOrEmpty(maTTHC) || p.MaTTHC == maTTHC)
            .ToList();
        return Json(StatusCodes.Status200OK, new PortalProcedureList(PortalErrorCodes.Accepted, items, items.Count));
    }

    private static async Task<IResult> SetFaultsAsync(HttpRequest request, MockPortalStore store, CancellationToken ct)
    {
        var body = await ReadObjectAsync(request, ct);
        if (body is null)
            return Error(StatusCodes.Status400BadRequest, PortalErrorCodes.Invalid, "Nội dung yêu cầu phải là một đối tượng JSON hợp lệ.");

        // A PUT replaces the whole setting: what is left out is switched off.
        PortalFieldError? refused = null;
        var faults = new PortalFaults(
            ErrorRate: Rate(body, "errorRate", ref refused),
            RejectRate: Rate(body, "rejectRate", ref refused),
            LatencyMs: Milliseconds(body, "latencyMs", ref refused),
            Down: Switch(body, "down", ref refused),
            LatencyJitterMs: Milliseconds(body, "latencyJitterMs", ref refused));
        if (refused is not null)
            return Json(StatusCodes.Status400BadRequest, new PortalAnswer(PortalErrorCodes.Invalid, refused.Message) { Field = refused.Field });

        store.SetFaults(faults);
        return Json(StatusCodes.Status200OK, faults);
    }

    private static double Rate(JsonObject body, string name, ref PortalFieldError? refused)
    {
        var node = body[name];
        if (node is null)
            return 0;
        if (node.GetValueKind() == JsonValueKind.Number && node.GetValue<double>() is var rate && rate is >= 0 and <= 1)
            return rate;
        refused ??= new PortalFieldError(name, $"Trường {name} phải là số từ 0 đến 1.");
        return 0;
    }

    private static int Milliseconds(JsonObject body, string name, ref PortalFieldError? refused)
    {
        var node = body[name];
        if (node is null)
            return 0;
        if (node.GetValueKind() == JsonValueKind.Number && node.AsValue().TryGetValue(out int ms) && ms is >= 0 and <= PortalFaults.MaxLatencyMs)
            return ms;
        refused ??= new PortalFieldError(name, $"Trường {name} phải là số nguyên từ 0 đến {PortalFaults.MaxLatencyMs}.");
        return 0;
    }

    private static bool Switch(JsonObject body, string name, ref PortalFieldError? refused)
    {
        var node = body[name];
        if (node is null)
            return false;
        if (node.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
            return node.GetValue<bool>();
        refused ??= new PortalFieldError(name, $"Trường {name} phải là true hoặc false.");
        return false;
    }

    /// <summary>The body as a JSON object, or null when it is empty, malformed or not an object.</summary>
    private static async Task<JsonObject?> ReadObjectAsync(HttpRequest request, CancellationToken ct)
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

    /// <summary>Real wall-clock time, not the injected clock: the point is to make clients' timeouts fire.</summary>
    private static Task DelayAsync(TimeSpan delay, CancellationToken ct) =>
        delay > TimeSpan.Zero ? Task.Delay(delay, ct) : Task.CompletedTask;

    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    private static IResult Error(int status, int errorCode, string message) => Json(status, new PortalAnswer(errorCode, message));

    private static IResult Json<T>(int status, T value) => TypedResults.Json(value, PortalJson.Options, statusCode: status);
}
