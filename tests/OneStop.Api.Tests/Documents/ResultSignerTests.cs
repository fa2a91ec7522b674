using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using Microsoft.Extensions.Logging.Abstractions;
using OneStop.Infrastructure.Signing;

namespace OneStop.Api.Tests.Documents;

/// <summary>Verification from the digest alone (what lets <c>/api/public/verify</c> stream) agrees with the full check.</summary>
public sealed class ResultSignerTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "onestop-signer-tests", Guid.NewGuid().ToString("N"));
    private readonly ResultSigner _signer;

    public ResultSignerTests() => _signer = ResultSigner.Load(null, null, _folder, TimeProvider.System, NullLogger.Instance);

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public void Our_signature_verifies_from_the_digest_exactly_when_it_verifies_from_the_content()
    {
        var content = RandomNumberGenerator.GetBytes(100_000);
        var signature = _signer.Sign(content);
        var altered = content.ToArray();
        altered[50_000] ^= 1;

        Assert.True(_signer.Verify(content, signature));
        Assert.True(_signer.VerifyDigest(SHA256.HashData(content), signature));
        Assert.False(_signer.Verify(altered, signature));
        Assert.False(_signer.VerifyDigest(SHA256.HashData(altered), signature));
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
        var other = ResultSigner.Load(null, null, Path.Combine(_folder, "other"), TimeProvider.System, NullLogger.Instance);
        var content = RandomNumberGenerator.GetBytes(1000);

        Assert.False(_signer.VerifyDigest(SHA256.HashData(content), other.Sign(content)));
        Assert.False(_signer.VerifyDigest(SHA256.HashData(content), [0x30, 0x03, 0x02, 0x01, 0x00]));
    }
}
