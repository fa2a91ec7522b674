using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OneStop.NationalPortal.Mock;

/// <summary>
/// The <c>error_code</c> strings of DVCQG answers as the mock gives them. "0" is DVCQG's own (OpenCPS reads it
/// from sign-in and services alike); "-3" for "the dossier already exists" is what the Thanh Hóa client
/// handles ("3" or "-3" with a message saying "đã tồn tại"). The public clients show no other code, so the
/// rest are the mock's choices, documented here and in the README: a client that meets a code it does not
/// know must treat it the way those clients do (retry later).
/// </summary>
public static class DvcqgCodes
{
    public const string Accepted = "0";
    /// <summary>The session is missing, unknown or expired: sign in again.</summary>
    public const string SessionInvalid = "-1";
    /// <summary>The data is not acceptable; the message names the field. Sending it again changes nothing.</summary>
    public const string InvalidData = "-2";
    /// <summary>An insert (<c>isUpdating = "False"</c>) for a dossier the portal already has.</summary>
    public const string AlreadyExists = "-3";
    /// <summary>An update, or a progress step, for a dossier the portal does not have.</summary>
    public const string NotFound = "-4";
    /// <summary>Sign-in refused: wrong user name, password or <c>dstcode</c>.</summary>
    public const string SignInRefused = "-5";
    /// <summary>The mock's own: a message arrived before the one it follows (HTTP 409). DVCQG has no such check.</summary>
    public const string OutOfOrder = "409";
    /// <summary>The portal cannot answer now (HTTP 503).</summary>
    public const string Unavailable = "503";
    /// <summary>Too many calls from one address (HTTP 429, <c>Retry-After</c>): a transient refusal, retried later.</summary>
    public const string TooManyRequests = "429";
    /// <summary>What <see cref="PortalFaults.UnknownCodeRate"/> answers: a code no client knows.</summary>
    public const string Unknown = "99";
}

/// <summary>Codes of the mock's own read and fault endpoints (not DVCQG's): numbers, the HTTP status they go with.</summary>
public static class MockErrorCodes
{
    public const int Invalid = 400;
    public const int Unauthorized = 401;
    public const int NotFound = 404;
    public const int Unavailable = 503;
}

/// <summary>DVCQG's answer: <c>{ "error_code": "0", "message": "..." }</c>, as the real portal shapes it.</summary>
public sealed record DvcqgAnswer(
    [property: JsonPropertyName("error_code")] string ErrorCode,
    [property: JsonPropertyName("message")] string Message);

/// <summary>The answer to a sign-in: OpenCPS reads <c>error_code</c> and <c>session</c>.</summary>
public sealed record DvcqgSession(
    [property: JsonPropertyName("error_code")] string ErrorCode,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("session")] string Session);

/// <summary>The answer to a look-up (<c>TraCuuHoSo</c>, <c>LayDanhSachTTHC</c>): OpenCPS reads <c>result</c>.</summary>
public sealed record DvcqgResult<T>(
    [property: JsonPropertyName("error_code")] string ErrorCode,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("result")] IReadOnlyList<T> Result);

/// <summary>An answer of the mock's own endpoints: <c>{ "error_code": 404, "message": "..." }</c>.</summary>
public sealed record MockAnswer(
    [property: JsonPropertyName("error_code")] int ErrorCode,
    [property: JsonPropertyName("message")] string Message)
{
    [JsonPropertyName("field"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Field { get; init; }
}

/// <summary>
/// What the portal accepted for one dossier (the mock's read API, not DVCQG's): the DongBoHoSoMC messages in
/// <see cref="Items"/> and the CapNhatTienDoHoSoMC steps in <see cref="Progress"/>, each list in arrival order;
/// how many calls were refused as out of order and how many repeated entries were acknowledged without storing.
/// </summary>
public sealed record PortalDossier(
    string MaHoSo, IReadOnlyList<PortalDossierItem> Items, IReadOnlyList<PortalProgressItem> Progress, int RefusedOutOfOrder, int Duplicates);

/// <summary>One accepted DongBoHoSoMC entry with the envelope it came in.</summary>
public sealed record PortalDossierItem(
    int SoThuTu, int TrangThaiHoSo, string IsUpdating, string MaDonVi, int Call, DateTimeOffset ReceivedAt, JsonElement Payload);

/// <summary>One accepted CapNhatTienDoHoSoMC entry; <see cref="Call"/> groups the entries sent together.</summary>
public sealed record PortalProgressItem(int SoThuTu, int TrangThai, string MaDonVi, int Call, DateTimeOffset ReceivedAt, JsonElement Payload);

/// <summary>What <c>TraCuuHoSo</c> tells about a dossier the portal has.</summary>
public sealed record DvcqgDossierFound(
    [property: JsonPropertyName("MaHoSo")] string MaHoSo,
    [property: JsonPropertyName("TrangThaiHoSo")] string TrangThaiHoSo);

/// <summary>The national procedure catalogue of the mock's own read endpoint.</summary>
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
