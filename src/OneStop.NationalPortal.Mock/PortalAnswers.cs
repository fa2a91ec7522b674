using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OneStop.NationalPortal.Mock;

/// <summary>DVCQG's answer codes as the mock uses them: 0 accepted, otherwise the HTTP status it goes with.</summary>
public static class PortalErrorCodes
{
    public const int Accepted = 0;
    public const int Invalid = 400;
    public const int Unauthorized = 401;
    public const int NotFound = 404;
    public const int OutOfOrder = 409;
    /// <summary>A refusal injected by <see cref="PortalFaults.RejectRate"/>, sent with HTTP 400.</summary>
    public const int Rejected = 422;
    public const int TooManyRequests = 429;
    public const int Unavailable = 503;
}

/// <summary>
/// The portal's answer, <c>{ "error_code": 0, "message": "..." }</c>, with the optional fields some answers
/// carry: the refused <c>field</c>, the <c>expected</c> SoThuTu, or <c>duplicate</c>.
/// </summary>
public sealed record PortalAnswer(
    [property: JsonPropertyName("error_code")] int ErrorCode,
    [property: JsonPropertyName("message")] string Message)
{
    [JsonPropertyName("field"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Field { get; init; }

    [JsonPropertyName("expected"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Expected { get; init; }

    [JsonPropertyName("duplicate"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Duplicate { get; init; }
}

/// <summary>The answer to a sign-in, shaped like DVCQG's (OpenCPS reads <c>error_code</c> and <c>session</c>).</summary>
public sealed record PortalSession(
    [property: JsonPropertyName("error_code")] int ErrorCode,
    [property: JsonPropertyName("session")] string Session,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);

/// <summary>What the portal accepted for one dossier (our read API, not DVCQG's).</summary>
public sealed record PortalDossier(string MaHoSo, IReadOnlyList<PortalDossierItem> Items);

/// <summary>One accepted message; <c>trangThaiHoSo</c> is TrangThai for a CapNhatTienDoHoSoMC step.</summary>
public sealed record PortalDossierItem(int SoThuTu, string Service, int TrangThaiHoSo, DateTimeOffset ReceivedAt, string IdempotencyKey, JsonElement Payload);

/// <summary>The national procedure catalogue, like DVCQG's LayThuTuc.</summary>
public sealed record PortalProcedureList(
    [property: JsonPropertyName("error_code")] int ErrorCode,
    IReadOnlyList<NationalProcedure> Items,
    int Total);

internal static class PortalJson
{
    /// <summary>
    /// The mock's own options, so the wire format does not follow whatever host it is mapped into. Web
    /// defaults (camelCase) for our read API; DVCQG's names are pinned with attributes. Vietnamese is written
    /// as is rather than as \u escapes, for people reading answers in a terminal.
    /// </summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
