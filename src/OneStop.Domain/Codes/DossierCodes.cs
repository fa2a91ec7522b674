using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace OneStop.Domain.Codes;

/// <summary>Dossier codes and tracking secrets (DESIGN §7).</summary>
public static partial class DossierCodes
{
    // No 0/O or 1/l/I: the secret is read off a paper receipt and typed in by hand.
    private const string SecretAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary><c>{agencyCode}-{yyMMdd}-{seq:0000}</c>, e.g. <c>000.17.22.H56-250701-0001</c>; the day is Vietnam's.</summary>
    public static string Format(string agencyCode, DateOnly day, int sequence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        // Invariant culture: a Thai or Arabic host must not write another calendar's year or digits.
        return string.Create(CultureInfo.InvariantCulture, $"{agencyCode}-{day:yyMMdd}-{sequence:0000}");
    }

    [GeneratedRegex(@"^(?<agency>[0-9A-Za-z.]{1,35})-(?<day>[0-9]{6})-(?<seq>[0-9]{4,})$")]
    private static partial Regex Shape();

    public static bool IsWellFormed(string? code) => code is not null && Shape().IsMatch(code);

    /// <summary>A fresh random secret from a cryptographic source.</summary>
    public static string NewTrackingSecret(int length = 10)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 8);
        return RandomNumberGenerator.GetString(SecretAlphabet, length);
    }
}
