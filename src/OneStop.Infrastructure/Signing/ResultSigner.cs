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
}
