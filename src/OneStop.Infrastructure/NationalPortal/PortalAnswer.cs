using System.Globalization;
using System.Net;
using System.Text.Json;

namespace OneStop.Infrastructure.NationalPortal;

/// <summary>What an answer of the portal means for the message it answers.</summary>
public enum PortalAnswerKind
{
    /// <summary><c>error_code</c> 0 ("0", "00" or the number 0).</summary>
    Accepted,
    /// <summary>Not a verdict on the message: try again later.</summary>
    Transient,
    /// <summary>The portal refused the message itself: sending it again changes nothing.</summary>
    Permanent,
    /// <summary>The session is missing, unknown or expired: sign in again and resend.</summary>
    SessionExpired,
    /// <summary>An insert for a dossier the portal has: send it as an update.</summary>
    AlreadyExists,
    /// <summary>An update (or a step) for a dossier the portal does not have: send it as an insert.</summary>
    NotFound,
}

/// <summary>One answer, read: its meaning, the <c>error_code</c> as the portal wrote it and a line for logs and admins.</summary>
public sealed record PortalAnswer(PortalAnswerKind Kind, string? ErrorCode, string Text)
{
    private const int MaxTextLength = 2000;

    /// <summary>
    /// The <c>error_code</c> strings we know, and where from. Neither public client shows DVCQG's code for an
    /// expired session, invalid data or a missing dossier; those three are the mock portal's ("-1", "-2",
    /// "-4"), and a province that learns the real ones adds them here. Every other code is <see
    /// cref="PortalAnswerKind.Transient"/>, as the real clients treat anything but "0": OpenCPS's publish queue
    /// retries the dossier (PublishEventScheduler), the Thanh Hóa job leaves it unsynchronised for its next
    /// run. Our age limit (<see cref="NationalPortalOptions.MaxAge"/>) then dead-letters what never goes through.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, PortalAnswerKind> KnownCodes = new Dictionary<string, PortalAnswerKind>
    {
        // The Thanh Hóa client (SyncLocalDataToDVCQGService.PushData): "3" / "-3" with "đã tồn tại" → update.
        ["3"] = PortalAnswerKind.AlreadyExists,
        ["-3"] = PortalAnswerKind.AlreadyExists,
        // The mock portal's (NationalPortal.Mock/PortalAnswers.cs, DvcqgCodes).
        ["-1"] = PortalAnswerKind.SessionExpired,
        ["-2"] = PortalAnswerKind.Permanent,
        ["-4"] = PortalAnswerKind.NotFound,
        ["-5"] = PortalAnswerKind.SessionExpired,
        ["409"] = PortalAnswerKind.Transient,
        ["503"] = PortalAnswerKind.Transient,
    };

    /// <summary>Reads an answer: the HTTP status first, then DVCQG's <c>error_code</c> (a string; a number is accepted too).</summary>
    public static PortalAnswer Read(HttpStatusCode status, string body)
    {
        var code = (int)status;
        var (errorCode, message) = Parse(body);
        var text = Truncate($"HTTP {code}" + (message is { } m ? $": {m}" : "") + (errorCode is { } e ? $" (error_code {e})" : ""));
        // 409 is the mock's "out of order": an earlier message is not there yet, so this one must wait.
        if (code is 408 or 409 or 429 || code >= 500)
            return new PortalAnswer(PortalAnswerKind.Transient, errorCode, text);
        if (code is 401 or 403)
            return new PortalAnswer(PortalAnswerKind.SessionExpired, errorCode, text);
        if (code is >= 400 and < 500)
            return new PortalAnswer(PortalAnswerKind.Permanent, errorCode, text);
        if (code is < 200 or >= 300)
            return new PortalAnswer(PortalAnswerKind.Transient, errorCode, text);
        if (errorCode is null)
            // Not DVCQG's answer shape at all (a proxy's page, say): not a verdict on the message.
            return new PortalAnswer(PortalAnswerKind.Transient, null, text);
        if (IsZero(errorCode))
            return new PortalAnswer(PortalAnswerKind.Accepted, errorCode, text);
        return new PortalAnswer(KnownCodes.GetValueOrDefault(errorCode, PortalAnswerKind.Transient), errorCode, text);
    }

    /// <summary>"0", "00" (older OpenCPS versions compare with "00") or the number 0.</summary>
    private static bool IsZero(string errorCode) =>
        int.TryParse(errorCode, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value == 0;

    /// <summary><c>error_code</c> as text (a string as is, a number as written) and <c>message</c>.</summary>
    internal static (string? ErrorCode, string? Message) Parse(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return default;
            string? errorCode = root.TryGetProperty("error_code", out var e)
                ? e.ValueKind switch
                {
                    JsonValueKind.String => e.GetString()!.Trim(),
                    JsonValueKind.Number => e.GetRawText(),
                    _ => null,
                }
                : null;
            var message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            return (errorCode, message);
        }
        catch (JsonException)
        {
            return (null, body.Length == 0 ? null : body[..Math.Min(body.Length, 200)]);
        }
    }

    public static string Truncate(string text) => text.Length <= MaxTextLength ? text : text[..MaxTextLength];
}
