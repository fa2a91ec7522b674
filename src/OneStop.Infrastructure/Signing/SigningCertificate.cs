namespace OneStop.Infrastructure.Signing;

/// <summary>
/// A certificate that signed (or may sign) results, kept for as long as the database lives: a result names
/// its certificate by thumbprint, so results signed before a key rotation, on another node, or before the
/// data folder was lost still verify.
/// </summary>
public sealed class SigningCertificate
{
    /// <summary>SHA-1 thumbprint in upper-case hex, as <see cref="System.Security.Cryptography.X509Certificates.X509Certificate.Thumbprint"/> gives it.</summary>
    public string Thumbprint { get; set; } = "";
    public string Subject { get; set; } = "";
    public DateTime NotBefore { get; set; }
    public DateTime NotAfter { get; set; }
    /// <summary>The public certificate (DER): enough to verify, useless to sign.</summary>
    public byte[] Certificate { get; set; } = [];
    /// <summary>
    /// The private key too (PKCS #12, no password), only for a certificate the system generated because a server
    /// database ran without <c>OneStop:Signing:CertificatePath</c>: every node then signs with this one.
    /// </summary>
    public byte[]? GeneratedPfx { get; set; }
    public DateTime AddedAt { get; set; }
}
