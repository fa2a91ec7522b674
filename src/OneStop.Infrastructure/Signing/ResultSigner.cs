using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace OneStop.Infrastructure.Signing;

/// <summary>
/// Signs issued results with a CMS (PKCS #7) detached signature and checks files against it. Which certificate
/// signs is decided once at start-up by <see cref="SigningCertificateStartup"/>; every certificate that ever
/// signed is kept in the database, so verification uses the one a result names, whichever node asks.
/// </summary>
public sealed class ResultSigner
{
    private X509Certificate2? _certificate;

    private X509Certificate2 Certificate => _certificate
        ?? throw new InvalidOperationException("The result-signing certificate is loaded when the host starts; it is not loaded yet.");

    public string SignerName => Certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);

    public string Thumbprint => Certificate.Thumbprint;

    /// <summary>Called once at start-up with the certificate (and private key) this node signs with.</summary>
    public void Use(X509Certificate2 certificate) => _certificate = certificate;

    public byte[] Sign(byte[] content)
    {
        var cms = new SignedCms(new ContentInfo(content), detached: true);
        cms.ComputeSignature(new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, Certificate) { IncludeOption = X509IncludeOption.EndCertOnly });
        return cms.Encode();
    }

    /// <summary>
    /// True when <paramref name="signature"/> is a valid signature of exactly <paramref name="content"/> made with
    /// <paramref name="trusted"/> — a certificate we kept because we signed with it, not whatever the signature carries.
    /// </summary>
    public static bool Verify(byte[] content, byte[] signature, X509Certificate2 trusted)
    {
        try
        {
            var cms = new SignedCms(new ContentInfo(content), detached: true);
            cms.Decode(signature);
            foreach (var signer in cms.SignerInfos)
            {
                if (signer.Certificate is null || !signer.Certificate.RawData.AsSpan().SequenceEqual(trusted.RawData))
                    continue;
                // The chain of a self-signed certificate cannot be built; what matters is that the bytes match and we signed them.
                signer.CheckSignature(new X509Certificate2Collection(trusted), verifySignatureOnly: true);
                return true;
            }
            return false;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>
    /// True when <paramref name="signature"/> is a signature made with <paramref name="trusted"/> over content whose SHA-256
    /// is <paramref name="sha256"/>: what <see cref="Verify"/> decides, without the content. Our signatures carry no signed
    /// attributes, so the signer signed the content's digest itself (RSA, PKCS #1 v1.5) — checking it needs the digest, not
    /// the bytes, and a 20 MB file is hashed as it streams past instead of being held. Any other shape answers false.
    /// </summary>
    public static bool VerifyDigest(ReadOnlySpan<byte> sha256, byte[] signature, X509Certificate2 trusted)
    {
        try
        {
            var cms = new SignedCms(new ContentInfo([]), detached: true);
            cms.Decode(signature);
            foreach (var signer in cms.SignerInfos)
            {
                if (signer.Certificate is null || !signer.Certificate.RawData.AsSpan().SequenceEqual(trusted.RawData)
                    || signer.SignedAttributes.Count > 0
                    || signer.DigestAlgorithm.Value != Sha256Oid || signer.SignatureAlgorithm.Value is not (RsaOid or RsaSha256Oid))
                    continue;
                using var key = trusted.GetRSAPublicKey();
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
}
