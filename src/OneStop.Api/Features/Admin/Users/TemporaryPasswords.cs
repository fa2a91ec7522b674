using System.Security.Cryptography;
using OneStop.Infrastructure.Identity;

namespace OneStop.Api.Features.Admin.Users;

/// <summary>Temporary passwords for an admin reset: random, readable aloud, and always within the password policy.</summary>
public static class TemporaryPasswords
{
    /// <summary>How long a temporary password works if nobody uses it (a reset on Friday evening still works on Monday).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(72);

    // No 0/O, 1/l/I: the officer may read it from a screen or hear it on the phone.
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Digits = "23456789";
    private const string Symbols = "@#$%&*+=?";

    public static string Generate(PasswordPolicy policy)
    {
        var length = Math.Max(16, Math.Max(policy.Options.RequiredLength, policy.Options.RequiredUniqueChars + 4));
        for (var attempt = 0; attempt < 100; attempt++)
        {
            // One of each class first, then any; shuffled so the classes' places tell nothing.
            var chars = new List<char> { Pick(Upper), Pick(Lower), Pick(Digits), Pick(Symbols) };
            while (chars.Count < length)
                chars.Add(Pick(Upper + Lower + Digits + Symbols));
            var shuffled = chars.ToArray();
            RandomNumberGenerator.Shuffle(shuffled.AsSpan());
            var password = new string(shuffled);
            if (policy.Check(password).Count == 0)
                return password;
        }
        throw new InvalidOperationException("Identity:Password asks for more distinct characters than a temporary password can hold.");
    }

    private static char Pick(string from) => from[RandomNumberGenerator.GetInt32(from.Length)];
}
