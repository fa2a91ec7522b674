using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Infrastructure.Signing;

/// <summary>
/// Chooses the certificate that signs results when the host starts (after migrations) and records it in the
/// database, where it stays for as long as a result names it:
/// <list type="bullet">
/// <item><c>OneStop:Signing:CertificatePath</c> / <c>:CertificatePassword</c> — production: the same PFX on every node;</item>
/// <item>otherwise, on the embedded default, a self-signed certificate generated once in the data folder;</item>
/// <item>otherwise (a server database without a configured PFX) one self-signed certificate generated once and kept in
/// the database, so every node signs with the same one — with a warning to configure a real one.</item>
/// </list>
/// </summary>
public sealed class SigningCertificateStartup(
    IServiceScopeFactory scopes, ResultSigner signer, IConfiguration configuration, DatabaseSettings database, TimeProvider clock,
    ILogger<SigningCertificateStartup> logger) : IHostedService
{
    public const string PathKey = "OneStop:Signing:CertificatePath";
    public const string PasswordKey = "OneStop:Signing:CertificatePassword";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var path = configuration[PathKey];
        var certificate = !string.IsNullOrWhiteSpace(path)
            ? X509CertificateLoader.LoadPkcs12FromFile(path, configuration[PasswordKey], X509KeyStorageFlags.EphemeralKeySet)
            : database.IsEmbedded
                ? InDataFolder()
                : await SharedGeneratedAsync(db, cancellationToken);
        if (!certificate.HasPrivateKey)
            throw new InvalidOperationException($"{PathKey} phải là tệp PFX có khóa bí mật để ký kết quả.");
        await RecordAsync(db, certificate, generatedPfx: null, cancellationToken);
        signer.Use(certificate);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The certificates every result of this system may name, by thumbprint.</summary>
    public static async Task<IReadOnlyDictionary<string, X509Certificate2>> LoadKnownAsync(
        OneStopDbContext db, IEnumerable<string> thumbprints, CancellationToken ct)
    {
        var wanted = thumbprints.Distinct().ToList();
        var rows = await db.SigningCertificates.AsNoTracking().Where(c => wanted.Contains(c.Thumbprint))
            .Select(c => new { c.Thumbprint, c.Certificate }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Thumbprint, r => X509CertificateLoader.LoadCertificate(r.Certificate));
    }

    private X509Certificate2 InDataFolder()
    {
        Directory.CreateDirectory(database.DataDirectory);
        var file = Path.Combine(database.DataDirectory, "signing.pfx");
        if (!File.Exists(file))
        {
            File.WriteAllBytes(file, Generate("CN=OneStop (embedded default), O=OneStop, C=VN"));
            logger.LogWarning("Generated a self-signed result-signing certificate at {File}; configure {Key} in production", file, PathKey);
        }
        return X509CertificateLoader.LoadPkcs12FromFile(file, null, X509KeyStorageFlags.EphemeralKeySet);
    }

    /// <summary>
    /// The oldest certificate generated into the database, or a new one. Two nodes starting together may both
    /// generate one; both are recorded, and both then take the oldest — and either one's signatures verify anyway.
    /// </summary>
    private async Task<X509Certificate2> SharedGeneratedAsync(OneStopDbContext db, CancellationToken ct)
    {
        var existing = await OldestGeneratedAsync(db, ct);
        if (existing is null)
        {
            var pfx = Generate("CN=OneStop (generated in the database for all nodes), O=OneStop, C=VN");
            await RecordAsync(db, X509CertificateLoader.LoadPkcs12(pfx, null, X509KeyStorageFlags.EphemeralKeySet), pfx, ct);
            existing = await OldestGeneratedAsync(db, ct);
        }
        logger.LogWarning("{Key} is not configured: results are signed with a self-signed certificate kept in the database. " +
            "Configure the province's certificate (a PFX) on every node in production", PathKey);
        return X509CertificateLoader.LoadPkcs12(existing!, null, X509KeyStorageFlags.EphemeralKeySet);
    }

    private static Task<byte[]?> OldestGeneratedAsync(OneStopDbContext db, CancellationToken ct) =>
        db.SigningCertificates.AsNoTracking().Where(c => c.GeneratedPfx != null)
            .OrderBy(c => c.AddedAt).ThenBy(c => c.Thumbprint).Select(c => c.GeneratedPfx).FirstOrDefaultAsync(ct);

    private async Task RecordAsync(OneStopDbContext db, X509Certificate2 certificate, byte[]? generatedPfx, CancellationToken ct)
    {
        if (await db.SigningCertificates.AnyAsync(c => c.Thumbprint == certificate.Thumbprint, ct))
            return;
        db.SigningCertificates.Add(new SigningCertificate
        {
            Thumbprint = certificate.Thumbprint,
            Subject = certificate.Subject.Length <= 400 ? certificate.Subject : certificate.Subject[..400],
            NotBefore = certificate.NotBefore.ToUniversalTime(),
            NotAfter = certificate.NotAfter.ToUniversalTime(),
            Certificate = certificate.Export(X509ContentType.Cert),
            GeneratedPfx = generatedPfx,
            AddedAt = clock.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            // Another node starting at the same moment recorded it first; anything else is a real failure.
            if (!await db.SigningCertificates.AsNoTracking().AnyAsync(c => c.Thumbprint == certificate.Thumbprint, ct))
                throw;
        }
        db.ChangeTracker.Clear();
    }

    private byte[] Generate(string subject)
    {
        using var key = RSA.Create(3072);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, critical: true));
        using var generated = request.CreateSelfSigned(clock.GetUtcNow().AddDays(-1), clock.GetUtcNow().AddYears(10));
        return generated.Export(X509ContentType.Pfx);
    }
}
