using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using OneStop.Infrastructure.Telemetry;

namespace OneStop.Infrastructure.NationalPortal;

public enum DeliveryOutcome
{
    /// <summary>Accepted (error_code "0"), including a repeat of entries the portal already had.</summary>
    Delivered,
    /// <summary>Worth trying again later: timeouts, refused connections, 5xx, 408, 429, out of order, unknown codes.</summary>
    Transient,
    /// <summary>The portal refused the message itself: sending it again changes nothing.</summary>
    Permanent,
}

/// <summary>
/// What became of one call; <see cref="Error"/> is the portal's own words where it gave any.
/// <see cref="SessionRenewed"/>: the portal said the session had expired, so the client signed in again and
/// resent. <see cref="Switched"/>: the portal's "already exists" / "does not exist" turned an insert into an
/// update or back, and the call was sent again that way.
/// </summary>
public sealed record PortalDelivery(DeliveryOutcome Outcome, string? Error = null, bool SessionRenewed = false, bool Switched = false)
{
    public static PortalDelivery Transient(string error) => new(DeliveryOutcome.Transient, error);
}

/// <summary>
/// One DVCQG service call: <paramref name="Data"/> entries of one dossier, the first of which is our message
/// number <paramref name="FirstSequence"/>; <paramref name="IsUpdating"/> only for DongBoHoSoMC.
/// </summary>
public sealed record DvcqgCall(string Service, string MaDonVi, int FirstSequence, IReadOnlyList<JsonObject> Data, bool? IsUpdating = null);

/// <summary>
/// The national portal as it really is (DESIGN §9): sign in with <c>{username, password}</c> and the
/// <c>dstcode</c> header for a session, then post <c>{session, madonvi, service, isUpdating, data: [...]}</c>
/// with the same header. A typed client from <c>IHttpClientFactory</c> whose standard resilience handler adds
/// an attempt timeout, a couple of quick retries and a circuit breaker; it never throws for a failed send,
/// because the outbox decides what a failure means for the message.
/// </summary>
public sealed class NationalPortalClient(
    HttpClient http, IOptionsMonitor<NationalPortalOptions> options, NationalPortalSessions sessions, OneStopMetrics metrics)
    : INationalProcedureCatalogue
{
    public const string DstCodeHeader = "dstcode";

    /// <summary>
    /// Our message number of the call's first entry. DVCQG's body has no place for it and ignores unknown
    /// headers; the mock portal uses it to check order and to recognise a repeated call.
    /// </summary>
    public const string SequenceHeader = "X-OneStop-Sequence";

    private static readonly JsonSerializerOptions Json = DvcqgPayload.Json;

    /// <summary>
    /// Sends one call. An expired session is renewed and the call resent once; an insert the portal answers
    /// "already exists" is resent as an update (and an update answered "does not exist" as an insert), as the
    /// Thanh Hóa client does. Every other answer is classified by <see cref="PortalAnswer.Read"/>.
    /// </summary>
    public async Task<PortalDelivery> SendAsync(DvcqgCall call, CancellationToken ct)
    {
        using var activity = OneStopTelemetry.Source.StartActivity($"national_portal {call.Service}");
        var delivery = await SendOnceAsync(call, ct);
        var outcome = delivery.Outcome.ToString().ToLowerInvariant();
        activity?.SetTag("national_portal.outcome", outcome);
        if (delivery.Outcome != DeliveryOutcome.Delivered)
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, delivery.Error);
        metrics.PortalSend(outcome);
        return delivery;
    }

    private async Task<PortalDelivery> SendOnceAsync(DvcqgCall call, CancellationToken ct)
    {
        if (http.BaseAddress is null)
            return PortalDelivery.Transient("Chưa cấu hình địa chỉ Cổng DVCQG (NationalPortal:BaseUrl).");
        var (session, error) = await sessions.GetAsync(SignInAsync, ct);
        if (session is null)
            return PortalDelivery.Transient(error!);

        var answer = await CallAsync(call, session, ct);
        var renewed = false;
        if (answer.Kind == PortalAnswerKind.SessionExpired)
        {
            sessions.Invalidate(session);
            (session, error) = await sessions.GetAsync(SignInAsync, ct);
            if (session is null)
                return PortalDelivery.Transient(error!);
            answer = await CallAsync(call, session, ct);
            renewed = true;
        }
        var switched = false;
        if (call.IsUpdating is { } updating
            && (answer.Kind == PortalAnswerKind.AlreadyExists && !updating || answer.Kind == PortalAnswerKind.NotFound && updating))
        {
            answer = await CallAsync(call with { IsUpdating = !updating }, session, ct);
            switched = true;
        }
        return answer.Kind switch
        {
            PortalAnswerKind.Accepted => new PortalDelivery(DeliveryOutcome.Delivered, SessionRenewed: renewed, Switched: switched),
            PortalAnswerKind.Permanent => new PortalDelivery(DeliveryOutcome.Permanent, answer.Text, renewed, switched),
            _ => new PortalDelivery(DeliveryOutcome.Transient, answer.Text, renewed, switched),
        };
    }

    /// <summary>
    /// <c>TraCuuHoSo</c>: whether the portal has the dossier (OpenCPS asks before every DongBoHoSoMC to choose
    /// insert or update); null when it cannot say.
    /// </summary>
    public async Task<bool?> ExistsAsync(string maHoSo, string madonvi, CancellationToken ct)
    {
        if (http.BaseAddress is null)
            return null;
        var (session, _) = await sessions.GetAsync(SignInAsync, ct);
        if (session is null)
            return null;
        var body = Envelope(session, madonvi, "TraCuuHoSo");
        body["mahoso"] = maHoSo;
        var (status, text) = await PostAsync(options.CurrentValue.IntegrationPath, body, null, ct);
        if (status is null || PortalAnswer.Read(status.Value, text).Kind != PortalAnswerKind.Accepted)
            return null;
        using var json = JsonDocument.Parse(text);
        return json.RootElement.TryGetProperty("result", out var result) && result.ValueKind == JsonValueKind.Array
            ? result.GetArrayLength() > 0
            : null;
    }

    /// <summary>The national procedure catalogue (<c>LayDanhSachTTHC</c> on the share endpoint); throws when the portal cannot answer.</summary>
    public async Task<IReadOnlyList<NationalProcedure>> GetProceduresAsync(string madonvi, CancellationToken ct)
    {
        if (http.BaseAddress is null)
            throw new InvalidOperationException("Chưa cấu hình địa chỉ Cổng DVCQG (NationalPortal:BaseUrl).");
        var (session, error) = await sessions.GetAsync(SignInAsync, ct);
        if (session is null)
            throw new InvalidOperationException(error);
        var (status, text) = await PostAsync(options.CurrentValue.SharePath, Envelope(session, madonvi, "LayDanhSachTTHC"), null, ct);
        if (status is null || PortalAnswer.Read(status.Value, text).Kind != PortalAnswerKind.Accepted)
            throw new InvalidOperationException($"Cổng DVCQG không trả danh mục thủ tục: {text}");
        using var json = JsonDocument.Parse(text);
        return json.RootElement.GetProperty("result").EnumerateArray()
            .Select(p =>
            {
                var field = p.TryGetProperty("LINHVUCTHUCHIEN", out var fields) && fields.ValueKind == JsonValueKind.Array && fields.GetArrayLength() > 0
                    ? fields[0] : default;
                return new NationalProcedure(
                    Text(p, "MATTHC") ?? "",
                    Text(p, "TENTTHC") ?? "",
                    field.ValueKind == JsonValueKind.Object ? Text(field, "MALINHVUC") : null,
                    Text(p, "CAPTHUCHIEN"),
                    field.ValueKind == JsonValueKind.Object ? Text(field, "TENLINHVUC") : null);
            })
            .Where(p => p.Code.Length > 0)
            .ToList();
    }

    private async Task<PortalAnswer> CallAsync(DvcqgCall call, string session, CancellationToken ct)
    {
        var body = Envelope(session, call.MaDonVi, call.Service);
        if (call.IsUpdating is { } updating)
            body["isUpdating"] = updating ? "True" : "False";
        body["data"] = new JsonArray(call.Data.Select(d => (JsonNode?)d.DeepClone()).ToArray());
        var (status, text) = await PostAsync(options.CurrentValue.IntegrationPath, body, call.FirstSequence, ct);
        return status is null ? new PortalAnswer(PortalAnswerKind.Transient, null, text) : PortalAnswer.Read(status.Value, text);
    }

    /// <summary>Sign-in as OpenCPS's <c>getAccessToken</c> does it; the error says why there is no session.</summary>
    private async Task<(string? Session, string? Error)> SignInAsync(CancellationToken ct)
    {
        var settings = options.CurrentValue;
        var body = new JsonObject { ["username"] = settings.Username, ["password"] = settings.SignInPassword };
        var (status, text) = await PostAsync(settings.AuthPath, body, null, ct);
        var answer = status is null ? null : PortalAnswer.Read(status.Value, text);
        if (answer?.Kind == PortalAnswerKind.Accepted)
        {
            using var json = JsonDocument.Parse(text);
            if (json.RootElement.TryGetProperty("session", out var session) && session.ValueKind == JsonValueKind.String
                && session.GetString() is { Length: > 0 } token)
                return (token, null);
        }
        return (null, PortalAnswer.Truncate($"Không đăng nhập được Cổng DVCQG ({settings.AuthPath}): {answer?.Text ?? text}"));
    }

    private static JsonObject Envelope(string session, string madonvi, string service) => new()
    {
        ["session"] = session,
        ["madonvi"] = madonvi,
        ["service"] = service,
    };

    /// <summary>Posts a body; a null status means no answer came (the text says why). Our own cancellation propagates.</summary>
    private async Task<(HttpStatusCode? Status, string Text)> PostAsync(string path, JsonObject body, int? sequence, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path.TrimStart('/'))
        {
            Content = new StringContent(body.ToJsonString(Json), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation(DstCodeHeader, options.CurrentValue.DstCode);
        if (sequence is { } number)
            request.Headers.TryAddWithoutValidation(SequenceHeader, number.ToString(CultureInfo.InvariantCulture));
        try
        {
            using var response = await http.SendAsync(request, ct);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(ct));
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // Refused connections, DNS, attempt and total timeouts, an open circuit: nothing says the message is
            // wrong, so it is retried later. Our own cancellation (shutdown) is not a failure and propagates.
            return (null, PortalAnswer.Truncate($"{e.GetType().Name}: {e.Message}"));
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
