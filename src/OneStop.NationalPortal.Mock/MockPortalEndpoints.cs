using System.Globalization;
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

/// <summary>Header names of the DVCQG surface.</summary>
public static class PortalHeaders
{
    /// <summary>The gateway's destination code, on sign-in and on every service call (OpenCPS sets it on both).</summary>
    public const string DstCode = "dstcode";

    /// <summary>
    /// OneStop's per-dossier number of the first entry of a call. It has no place in DVCQG's body, so it travels
    /// as a header, which DVCQG ignores; the mock uses it to check order and to recognise a repeated call.
    /// </summary>
    public const string Sequence = "X-OneStop-Sequence";

    /// <summary>The key of the mock's own read and fault endpoints (DESIGN §10).</summary>
    public const string ApiKey = "X-Api-Key";
}

/// <summary>
/// The mock DVCQG portal's HTTP surface, in DVCQG's real format: sign-in (<c>api/auth/login</c>,
/// <c>{username, password}</c> with header <c>dstcode</c> → <c>{error_code, session}</c>), then every call
/// to <c>api/integration</c> (services) or <c>api/share</c> (catalogue) as <c>{session, madonvi, service,
/// isUpdating, data: [...]}</c> with the same header, answered <c>{error_code: "0", message}</c>. The mock's
/// own read and fault endpoints take the <c>X-Api-Key</c> header instead.
/// </summary>
public static class MockPortalEndpoints
{
    public const string ApiKeyHeader = PortalHeaders.ApiKey;
    public const string LoginPath = "/api/auth/login";
    public const string IntegrationPath = "/api/integration";
    public const string SharePath = "/api/share";
    private const string Tag = "Cổng DVCQG (giả lập)";
    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    /// <summary>
    /// Maps the portal under <paramref name="prefix"/> ("" for the root). The endpoints allow anonymous access
    /// as far as the host's own authentication goes: they check the portal's credentials instead, and are rate
    /// limited per client address (<see cref="MockPortalRateLimit"/>; the host calls <c>UseRateLimiter</c>).
    /// </summary>
    public static IEndpointRouteBuilder MapMockNationalPortal(this IEndpointRouteBuilder app, string prefix = "/portal")
    {
        var portal = app.MapGroup(prefix).AllowAnonymous().WithTags(Tag).RequireRateLimiting(MockPortalRateLimit.Policy);

        var own = portal.MapGroup("").AddEndpointFilter(RequireApiKeyAsync);
        // Outside the "down" switch, or nobody could switch it off again.
        own.MapGet("/api/admin/faults", (MockPortalStore store) => Json(StatusCodes.Status200OK, store.Faults));
        own.MapPut("/api/admin/faults", MockPortalFaultSettings.SetAsync);
        var ownLive = own.MapGroup("").AddEndpointFilter((context, next) => UnlessDownAsync(context, next, own: true));
        ownLive.MapGet("/api/dossiers/{code}", GetDossier);
        ownLive.MapGet("/api/procedures", GetProcedures);

        var dvcqg = portal.MapGroup("")
            .AddEndpointFilter((context, next) => UnlessDownAsync(context, next, own: false))
            .AddEndpointFilter(RequireDstCodeAsync);
        dvcqg.MapPost(LoginPath, LoginAsync);
        dvcqg.MapPost(IntegrationPath, IntegrateAsync);
        dvcqg.MapPost(SharePath, ShareAsync);
        return app;
    }

    private static async ValueTask<object?> RequireApiKeyAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        // Never null here: AddMockNationalPortal refuses to start without a key.
        var expected = http.RequestServices.GetRequiredService<IOptions<MockPortalOptions>>().Value.ApiKey!;
        return Same(http.Request.Headers[ApiKeyHeader].ToString(), expected)
            ? await next(context)
            : Own(StatusCodes.Status401Unauthorized, MockErrorCodes.Unauthorized, $"Thiếu hoặc sai khóa {ApiKeyHeader}.");
    }

    private static async ValueTask<object?> RequireDstCodeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var expected = http.RequestServices.GetRequiredService<IOptions<MockPortalOptions>>().Value.DstCode;
        return Same(http.Request.Headers[PortalHeaders.DstCode].ToString(), expected)
            ? await next(context)
            : Dvcqg(StatusCodes.Status401Unauthorized, DvcqgCodes.SignInRefused, $"Thiếu hoặc sai header {PortalHeaders.DstCode}.");
    }

    private static async ValueTask<object?> UnlessDownAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next, bool own)
    {
        if (!context.HttpContext.RequestServices.GetRequiredService<MockPortalStore>().Faults.Down)
            return await next(context);
        const string message = "Cổng DVCQG đang ngừng hoạt động (giả lập).";
        return own
            ? Own(StatusCodes.Status503ServiceUnavailable, MockErrorCodes.Unavailable, message)
            : Dvcqg(StatusCodes.Status503ServiceUnavailable, DvcqgCodes.Unavailable, message);
    }

    /// <summary>Sign-in as OpenCPS does it: <c>{username, password}</c> → <c>{error_code: "0", session}</c>.</summary>
    private static async Task<IResult> LoginAsync(HttpRequest request, MockPortalStore store, IOptions<MockPortalOptions> options, CancellationToken ct)
    {
        var fault = store.DrawFault();
        await DelayAsync(fault.Delay, ct);
        if (fault.Kind == FaultKind.Error)
            return Unavailable();
        var body = await ReadObjectAsync(request, ct);
        var settings = options.Value;
        if (body?["username"] is not { } user || user.GetValueKind() != JsonValueKind.String || !Same(user.GetValue<string>(), settings.Username)
            || body["password"] is not { } password || password.GetValueKind() != JsonValueKind.String || !Same(password.GetValue<string>(), settings.SignInPassword))
            return Dvcqg(StatusCodes.Status200OK, DvcqgCodes.SignInRefused, "Sai tên đăng nhập hoặc mật khẩu.");
        return Json(StatusCodes.Status200OK, new DvcqgSession(DvcqgCodes.Accepted, "Đăng nhập thành công.", store.OpenSession()));
    }

    private static async Task<IResult> IntegrateAsync(HttpRequest request, MockPortalStore store, CancellationToken ct)
    {
        // Faults strike before the body is even read: nothing a failed call carried is stored.
        var fault = store.DrawFault();
        await DelayAsync(fault.Delay, ct);
        switch (fault.Kind)
        {
            case FaultKind.Error:
                return Unavailable();
            case FaultKind.Reject:
                return Dvcqg(StatusCodes.Status200OK, DvcqgCodes.InvalidData, "từ chối (giả lập)");
            case FaultKind.UnknownCode:
                return Dvcqg(StatusCodes.Status200OK, DvcqgCodes.Unknown, "Lỗi không xác định (giả lập).");
        }

        var (body, service, madonvi, refusal) = await ReadEnvelopeAsync(request, store, ct);
        if (refusal is not null)
            return refusal;
        switch (service)
        {
            case PortalServices.TraCuuHoSo:
                if (body!["mahoso"] is not { } code || code.GetValueKind() != JsonValueKind.String)
                    return Invalid("mahoso", "Thiếu trường mahoso.");
                var maHoSo = code.GetValue<string>();
                var found = store.StatusOf(maHoSo) is { } status
                    ? new[] { new DvcqgDossierFound(maHoSo, status.ToString(CultureInfo.InvariantCulture)) }
                    : [];
                return Json(StatusCodes.Status200OK, new DvcqgResult<DvcqgDossierFound>(DvcqgCodes.Accepted, "Tra cứu thành công.", found));
            case PortalServices.DongBoHoSoMC or PortalServices.CapNhatTienDoHoSoMC:
                var (call, invalid) = ReadCall(request, body!, service, madonvi);
                return invalid ?? Answer(call!, store.Accept(call!));
            default:
                return Invalid("service", $"Dịch vụ '{service}' không được hỗ trợ qua api/integration.");
        }
    }

    /// <summary>The catalogue as OpenCPS reads <c>LayThuTuc</c>: <c>result: [{MATTHC, TENTTHC, LINHVUCTHUCHIEN: [...]}]</c>.</summary>
    private static async Task<IResult> ShareAsync(HttpRequest request, MockPortalStore store, CancellationToken ct)
    {
        var fault = store.DrawFault();
        await DelayAsync(fault.Delay, ct);
        if (fault.Kind == FaultKind.Error)
            return Unavailable();
        var (body, service, _, refusal) = await ReadEnvelopeAsync(request, store, ct);
        if (refusal is not null)
            return refusal;
        if (service is not (PortalServices.LayDanhSachTTHC or "LayThuTuc"))
            return Invalid("service", $"Dịch vụ '{service}' không được hỗ trợ qua api/share.");
        var only = body!["maTTHC"] is { } code && code.GetValueKind() == JsonValueKind.String ? code.GetValue<string>() : null;
        var result = NationalProcedureCatalog.All
            .Where(p => only is null || p.MaTTHC == only)
            .Select(p => new JsonObject
            {
                ["MATTHC"] = p.MaTTHC,
                ["TENTTHC"] = p.TenTTHC,
                ["CAPTHUCHIEN"] = p.CapThucHien,
                ["LINHVUCTHUCHIEN"] = new JsonArray(new JsonObject { ["MALINHVUC"] = p.MaLinhVuc, ["TENLINHVUC"] = p.TenLinhVuc }),
            })
            .ToList();
        return Json(StatusCodes.Status200OK, new DvcqgResult<JsonObject>(DvcqgCodes.Accepted, "Lấy danh sách thủ tục thành công.", result));
    }

    /// <summary>The envelope every DVCQG call shares: a JSON object with a live <c>session</c>, <c>madonvi</c> and <c>service</c>.</summary>
    private static async Task<(JsonObject? Body, string Service, string MaDonVi, IResult? Refusal)> ReadEnvelopeAsync(
        HttpRequest request, MockPortalStore store, CancellationToken ct)
    {
        var body = await ReadObjectAsync(request, ct);
        if (body is null)
            return (null, "", "", Invalid("", "Nội dung yêu cầu phải là một đối tượng JSON hợp lệ."));
        var session = body["session"] is { } s && s.GetValueKind() == JsonValueKind.String ? s.GetValue<string>() : null;
        if (!store.CheckSession(session))
            return (null, "", "", Dvcqg(StatusCodes.Status200OK, DvcqgCodes.SessionInvalid, "Phiên làm việc (session) không hợp lệ hoặc đã hết hạn; hãy đăng nhập lại."));
        if (body["madonvi"] is not { } unit || unit.GetValueKind() != JsonValueKind.String || string.IsNullOrWhiteSpace(unit.GetValue<string>()))
            return (null, "", "", Invalid("madonvi", "Thiếu trường madonvi (mã đơn vị gửi)."));
        if (body["service"] is not { } service || service.GetValueKind() != JsonValueKind.String)
            return (null, "", "", Invalid("service", "Thiếu trường service."));
        return (body, service.GetValue<string>(), unit.GetValue<string>(), null);
    }

    private static (PortalCall? Call, IResult? Invalid) ReadCall(HttpRequest request, JsonObject body, string service, string madonvi)
    {
        string? isUpdating = null;
        if (service == PortalServices.DongBoHoSoMC)
        {
            isUpdating = body["isUpdating"] is { } flag && flag.GetValueKind() == JsonValueKind.String ? flag.GetValue<string>() : null;
            if (isUpdating is not ("True" or "False"))
                return (null, Invalid("isUpdating", "Trường isUpdating phải là chuỗi \"True\" hoặc \"False\"."));
        }
        if (body["data"] is not JsonArray data || data.Count == 0)
            return (null, Invalid("data", "Trường data phải là danh sách có ít nhất một phần tử."));
        if (service == PortalServices.CapNhatTienDoHoSoMC && data.Count > PortalPayload.MaxProgressPerCall)
            return (null, Invalid("data", $"Mỗi lần gọi CapNhatTienDoHoSoMC gửi tối đa {PortalPayload.MaxProgressPerCall} bước xử lý; nhận được {data.Count}."));
        int? first = null;
        var header = request.Headers[PortalHeaders.Sequence].ToString();
        if (header.Length > 0)
        {
            if (!int.TryParse(header, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
                return (null, Invalid(PortalHeaders.Sequence, $"Header {PortalHeaders.Sequence} phải là số nguyên từ 1 trở lên."));
            first = number;
        }

        var entries = new List<PortalEntry>();
        for (var i = 0; i < data.Count; i++)
        {
            var path = $"data[{i}]";
            if (data[i] is not JsonObject item)
                return (null, Invalid(path, $"Phần tử {path} phải là một đối tượng."));
            var (entry, error) = service == PortalServices.DongBoHoSoMC ? PortalPayload.ReadDossier(item, path) : PortalPayload.ReadProgress(item, path);
            if (error is not null)
                return (null, Invalid(error.Field, error.Message));
            // Numbered calls carry one dossier's messages; the number says where they go in its sequence.
            if (first is not null && entries.Count > 0 && entry!.MaHoSo != entries[0].MaHoSo)
                return (null, Invalid($"{path}.MaHoSo", $"Các phần tử của một lần gọi có {PortalHeaders.Sequence} phải cùng một hồ sơ."));
            entries.Add(entry!);
        }
        return (new PortalCall(service, madonvi, isUpdating, first, entries), null);
    }

    private static IResult Answer(PortalCall call, AcceptOutcome outcome)
    {
        var maHoSo = call.Entries[0].MaHoSo;
        return outcome.Status switch
        {
            // DVCQG's wording: the Thanh Hóa client looks for "thành công" in the message.
            AcceptStatus.Accepted => Dvcqg(StatusCodes.Status200OK, DvcqgCodes.Accepted,
                call.Service == PortalServices.CapNhatTienDoHoSoMC ? $"Cập nhật tiến độ hồ sơ thành công ({outcome.Stored} bước)."
                : outcome.Inserted ? "Thêm mới hồ sơ thành công." : "Cập nhật hồ sơ thành công."),
            AcceptStatus.Duplicate => Dvcqg(StatusCodes.Status200OK, DvcqgCodes.Accepted,
                $"Đã tiếp nhận thành công trước đó ({outcome.Duplicates} phần tử); không lưu lại."),
            AcceptStatus.OutOfOrder => Dvcqg(StatusCodes.Status409Conflict, DvcqgCodes.OutOfOrder,
                $"Bản tin sai thứ tự: hồ sơ {maHoSo} cần số thứ tự {outcome.Expected}, nhận được {call.FirstSequence}."),
            AcceptStatus.AlreadyExists => Dvcqg(StatusCodes.Status200OK, DvcqgCodes.AlreadyExists,
                $"Hồ sơ {maHoSo} đã tồn tại trên Cổng DVCQG; hãy gửi cập nhật (isUpdating = \"True\")."),
            _ => Dvcqg(StatusCodes.Status200OK, DvcqgCodes.NotFound,
                $"Hồ sơ {maHoSo} không tồn tại trên Cổng DVCQG; hãy thêm mới trước (DongBoHoSoMC, isUpdating = \"False\")."),
        };
    }

    private static IResult GetDossier(string code, MockPortalStore store)
    {
        if (store.Find(code) is not { } received)
            return Own(StatusCodes.Status404NotFound, MockErrorCodes.NotFound, $"Cổng chưa nhận bản tin nào của hồ sơ {code}.");
        var (refused, duplicates) = store.CountersOf(code);
        return Json(StatusCodes.Status200OK, new PortalDossier(code,
            received.Where(m => m.Service == PortalServices.DongBoHoSoMC)
                .Select(m => new PortalDossierItem(m.SoThuTu, m.Status, m.IsUpdating ?? "", m.MaDonVi, m.Call, m.ReceivedAt.ToOffset(VietnamOffset), m.Payload))
                .ToList(),
            received.Where(m => m.Service == PortalServices.CapNhatTienDoHoSoMC)
                .Select(m => new PortalProgressItem(m.SoThuTu, m.Status, m.MaDonVi, m.Call, m.ReceivedAt.ToOffset(VietnamOffset), m.Payload))
                .ToList(),
            refused, duplicates));
    }

    private static IResult GetProcedures(string? maTTHC)
    {
        var items = NationalProcedureCatalog.All
            .Where(p => string.IsNullOrEmpty(maTTHC) || p.MaTTHC == maTTHC)
            .ToList();
        return Json(StatusCodes.Status200OK, new PortalProcedureList(0, items, items.Count));
    }

    /// <summary>The body as a JSON object, or null when it is empty, malformed or not an object.</summary>
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

    /// <summary>Constant-time, like any secret comparison: the credentials are demo ones, the habit is not.</summary>
    private static bool Same(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));

    /// <summary>Real wall-clock time, not the injected clock: the point is to make clients' timeouts fire.</summary>
    private static Task DelayAsync(TimeSpan delay, CancellationToken ct) =>
        delay > TimeSpan.Zero ? Task.Delay(delay, ct) : Task.CompletedTask;

    private static IResult Unavailable() =>
        Dvcqg(StatusCodes.Status503ServiceUnavailable, DvcqgCodes.Unavailable, "Cổng DVCQG tạm thời không xử lý được yêu cầu (giả lập).");

    /// <summary>Refused data, named in the message by its path (DVCQG's answer has no other place for it).</summary>
    private static IResult Invalid(string field, string message) =>
        Dvcqg(StatusCodes.Status200OK, DvcqgCodes.InvalidData, field.Length == 0 || message.Contains(field, StringComparison.Ordinal) ? message : $"{field}: {message}");

    private static IResult Dvcqg(int status, string errorCode, string message) => Json(status, new DvcqgAnswer(errorCode, message));

    internal static IResult Own(int status, int errorCode, string message) => Json(status, new MockAnswer(errorCode, message));

    internal static IResult Json<T>(int status, T value) => TypedResults.Json(value, PortalJson.Options, statusCode: status);
}
