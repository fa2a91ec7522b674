using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;

namespace OneStop.Infrastructure.Signing;

/// <summary>
/// Signs issued results with a CMS (PKCS #7) detached signature and checks files against it.
/// Production configures a PFX (<c>OneStop:Signing:CertificatePath</c>, <c>:CertificatePassword</c>);
/// the embedded default generates a self-signed certificate once in the data folder.
/// </summary>
public sealed class ResultSigner
{
    private readonly X509Certificate2 _certificate;

    public ResultSigner(X509Certificate2 certificate) => _certificate = certificate;

    public string SignerName => _certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);

    public string Thumbprint => _certificate.Thumbprint;

    public byte[] Sign(byte[] content)
    {
        var cms = new SignedCms(new ContentInfo(content), detached: true);
        cms.ComputeSignature(new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, _certificate) { IncludeOption = X509IncludeOption.EndCertOnly });
        return cms.Encode();
    }

    /// <summary>True when <paramref name="signature"/> is a valid signature of exactly <paramref name="content"/> by our certificate.</summary>
    public bool Verify(byte[] content, byte[] signature)
    {
        try
        {
            var cms = new SignedCms(new ContentInfo(content), detached: true);
            cms.Decode(signature);
            // The chain of a self-signed certificate cannot be built; what matters is that the bytes match and we signed them.
            cms.CheckSignature(verifySignatureOnly: true);
            return cms.SignerInfos.Cast<SignerInfo>().Any(s => s.Certificate?.Thumbprint == _certificate.Thumbprint);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>
    /// True when <paramref name="signature"/> is our signature over content whose SHA-256 is <paramref name="sha256"/>:
    /// what <see cref="Verify"/> decides, without the content. Our signatures carry no signed attributes, so the
    /// signer signed the content's digest itself (RSA, PKCS #1 v1.5) — checking it needs the digest, not the bytes,
    /// and a 20 MB file is hashed as it streams past instead of being held. Any other shape answers false.
    /// </summary>
    public bool VerifyDigest(ReadOnlySpan<byte> sha256, byte[] signature)
    {
        try
        {
            var cms = new SignedCms(new ContentInfo([]), detached: true);
            cms.Decode(signature);
            foreach (var signer in cms.SignerInfos)
            {
                if (signer.Certificate?.Thumbprint != _certificate.Thumbprint || signer.SignedAttributes.Count > 0
                    || signer.DigestAlgorithm.Value != Sha256Oid || signer.SignatureAlgorithm.Value is not (RsaOid or RsaSha256Oid))
                    continue;
                using var key = _certificate.GetRSAPublicKey();
                if (key is not null && key.VerifyHash(sha256, signer.GetSignature(), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
                    return true;
            }
            return false;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private const string Sha256Oid = "2.16.840.1.101.3.4.2.1";
    private const string RsaOid = "1.2.840.113549.1.1.1";
    private const string RsaSha256Oid = "1.2.840.113549.1.1.11";

    public static ResultSigner Load(string? certificatePath, string? password, string dataDirectory, TimeProvider clock, ILogger logger)
    {
        if (!string.IsNullOrWhiteSpace(certificatePath))
            return new ResultSigner(X509CertificateLoader.LoadPkcs12FromFile(certificatePath, password, X509KeyStorageFlags.EphemeralKeySet));

        Directory.CreateDirectory(dataDirectory);
        var file = Path.Combine(dataDirectory, "signing.pfx");
        if (!File.Exists(file))
        {
            using var key = RSA.Create(3072);
            var request = new CertificateRequest("CN=OneStop (embedded default), O=OneStop, C=VN", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, critical: true));
            using var generated = request.CreateSelfSigned(clock.GetUtcNow().AddDays(-1), clock.GetUtcNow().AddYears(10));
            File.WriteAllBytes(file, generated.Export(X509ContentType.Pfx));
            logger.LogWarning("Generated a self-signed result-signing certificate at {File}; configure OneStop:Signing:CertificatePath in production", file);
        }
        return new ResultSigner(X509CertificateLoader.LoadPkcs12FromFile(file, null, X509KeyStorageFlags.EphemeralKeySet));
    }
}
