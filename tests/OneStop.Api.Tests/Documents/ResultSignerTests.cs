using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using OneStop.Infrastructure.Signing;

namespace OneStop.Api.Tests.Documents;

/// <summary>Verification from the digest alone (what lets <c>/api/public/verify</c> stream) agrees with the full check.</summary>
public sealed class ResultSignerTests : IDisposable
{
    private readonly X509Certificate2 _certificate = NewCertificate("CN=OneStop (test), O=OneStop, C=VN");
    private readonly ResultSigner _signer = new();

    public ResultSignerTests() => _signer.Use(_certificate);

    public void Dispose() => _certificate.Dispose();

    [Fact]
    public void Our_signature_verifies_from_the_digest_exactly_when_it_verifies_from_the_content()
    {
        var content = RandomNumberGenerator.GetBytes(100_000);
        var signature = _signer.Sign(content);
        var altered = content.ToArray();
        altered[50_000] ^= 1;

        Assert.True(ResultSigner.Verify(content, signature, _certificate));
        Assert.True(ResultSigner.VerifyDigest(SHA256.HashData(content), signature, _certificate));
        Assert.False(ResultSigner.Verify(altered, signature, _certificate));
        Assert.False(ResultSigner.VerifyDigest(SHA256.HashData(altered), signature, _certificate));
    }

    [Fact]
    public void Our_signatures_carry_no_signed_attributes_which_digest_verification_relies_on()
    {
        var cms = new SignedCms(new ContentInfo([]), detached: true);
        cms.Decode(_signer.Sign([1, 2, 3]));

        Assert.Empty(Assert.Single(cms.SignerInfos.Cast<SignerInfo>()).SignedAttributes);
    }

    [Fact]
    public void Another_certificates_signature_and_garbage_do_not_verify()
    {
        using var otherCertificate = NewCertificate("CN=Someone else, O=Elsewhere, C=VN");
        var other = new ResultSigner();
        other.Use(otherCertificate);
        var content = RandomNumberGenerator.GetBytes(1000);

        Assert.False(ResultSigner.VerifyDigest(SHA256.HashData(content), other.Sign(content), _certificate));
        Assert.False(ResultSigner.VerifyDigest(SHA256.HashData(content), [0x30, 0x03, 0x02, 0x01, 0x00], _certificate));
        // ...while the other certificate does verify its own signature: the refusal above is about who signed.
        Assert.True(ResultSigner.VerifyDigest(SHA256.HashData(content), other.Sign(content), otherCertificate));
    }

    private static X509Certificate2 NewCertificate(string subject)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null, X509KeyStorageFlags.EphemeralKeySet);
    }
}
