using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace OneStop.Api.Features.Auth;

/// <summary>
/// Token signing from configuration (<c>Jwt:SigningKey</c>, base64, at least 32 bytes). Without one, the
/// embedded default generates a key once and keeps it in the data folder; none lives in the repository.
/// </summary>
public sealed class JwtSettings
{
    public const string Issuer = "onestop";
    public const string Audience = "onestop-api";

    public required SymmetricSecurityKey SigningKey { get; init; }
    public TimeSpan Lifetime { get; init; } = TimeSpan.FromHours(8);
    /// <summary>The data-folder file the key was generated into when none was configured; null when configured.</summary>
    public string? GeneratedKeyFile { get; init; }

    public static JwtSettings Load(IConfiguration configuration, string dataDirectory)
    {
        var configured = configuration["Jwt:SigningKey"];
        byte[] key;
        string? generatedFile = null;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            key = Convert.FromBase64String(configured);
        }
        else
        {
            Directory.CreateDirectory(dataDirectory);
            var file = Path.Combine(dataDirectory, "jwt-signing.key");
            if (!File.Exists(file))
                File.WriteAllText(file, Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)));
            key = Convert.FromBase64String(File.ReadAllText(file).Trim());
            generatedFile = file;
        }
        if (key.Length < 32)
            throw new InvalidOperationException("Jwt:SigningKey phải dài ít nhất 32 byte (base64).");
        var minutes = configuration.GetValue<int?>("Jwt:LifetimeMinutes") ?? 480;
        return new JwtSettings { SigningKey = new SymmetricSecurityKey(key), Lifetime = TimeSpan.FromMinutes(minutes), GeneratedKeyFile = generatedFile };
    }
}
