using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;

namespace OneStop.Infrastructure.NationalPortal;

/// <summary>
/// Download links the national portal can follow without an account (<c>DuongDanTaiTepTin</c>,
/// <c>DuongDanTepTinKetQua</c>): <c>{base}/api/portal-files/{token}</c>, where the token names one file and
/// an expiry, protected by ASP.NET Core data protection (authenticated encryption, HMAC-SHA256): a changed or
/// made-up token is refused, and so is one past its expiry by our own clock.
/// </summary>
public sealed class PortalFileLinks(
    IDataProtectionProvider protection, IOptionsMonitor<NationalPortalOptions> options, TimeProvider clock, IServer? server = null)
{
    public const string RoutePrefix = "/api/portal-files/";
    private const string Purpose = "OneStop.NationalPortal.FileLinks.v1";

    private IDataProtector Protector => protection.CreateProtector(Purpose);

    /// <summary>A link to <paramref name="fileId"/> valid for <see cref="NationalPortalOptions.FileLinkLifetime"/> from now.</summary>
    public string Create(Guid fileId)
    {
        var expires = clock.GetUtcNow() + options.CurrentValue.FileLinkLifetime;
        var token = Protector.Protect($"{fileId:N}.{expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}");
        return BaseAddress() + RoutePrefix.TrimStart('/') + token;
    }

    /// <summary>The file a token names, or null when it was altered, made up or has expired.</summary>
    public Guid? Read(string token)
    {
        string plain;
        try
        {
            plain = Protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
        var parts = plain.Split('.');
        if (parts.Length != 2 || !Guid.TryParseExact(parts[0], "N", out var fileId)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
            return null;
        return clock.GetUtcNow().ToUnixTimeSeconds() < expires ? fileId : null;
    }

    /// <summary><see cref="NationalPortalOptions.FileLinkBaseUrl"/>, or this host's own address (the embedded default).</summary>
    private string BaseAddress()
    {
        var configured = options.CurrentValue.FileLinkBaseUrl;
        if (!string.IsNullOrWhiteSpace(configured))
            return configured.TrimEnd('/') + "/";
        var own = NationalPortalSyncRegistration.PortalAddress(null, server);
        return own is null ? "http://localhost/" : new UriBuilder(own) { Path = "/" }.Uri.ToString();
    }
}
