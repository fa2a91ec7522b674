using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using OneStop.Api.Common;
using OneStop.Domain;
using OneStop.Domain.Identifiers;
using OneStop.Infrastructure.Identity;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Api.Features.Auth.Vneid;

/// <summary>
/// The answer of <c>GET /api/auth/vneid/callback</c>: our session token for the citizen VNeID vouched for, the level it
/// vouched at, and where the client wanted to go (<c>returnUrl</c> of the login).
/// </summary>
public sealed record VneidTokenResponse(
    string AccessToken, int ExpiresIn, IReadOnlyList<string> Roles, string? UnitCode, int VneidLevel, string UserName, string? ReturnUrl, bool AccountCreated);

/// <summary>
/// <c>GET /api/auth/vneid/login?returnUrl=</c> sends the browser to VNeID; the callback's validated ticket becomes a
/// session: the citizen account whose personal ID VNeID names (created at the first sign-in), a token carrying the
/// VNeID level. A callback that fails — wrong state, a token for another audience, a wrong nonce, a bad signature, a
/// code already used, the provider down — is a ProblemDetails saying so, and nothing is created.
/// </summary>
public static class VneidSignIn
{
    public const string LevelClaim = "vneid_level";
    public const string PersonalIdClaim = "personal_id";

    public static async Task<Results<EmptyHttpResult, ProblemHttpResult>> Login(string? returnUrl, HttpContext http)
    {
        // Only a path of ours: never an open redirect to somewhere else.
        if (returnUrl is { Length: > 0 } && (!returnUrl.StartsWith('/') || returnUrl.StartsWith("//", StringComparison.Ordinal)
                || returnUrl.StartsWith("/\\", StringComparison.Ordinal) || returnUrl.Length > 500))
            return Problems.Of(StatusCodes.Status400BadRequest, "Yêu cầu không hợp lệ",
                "returnUrl phải là một đường dẫn trong hệ thống (bắt đầu bằng \"/\"), không phải địa chỉ trang khác.", "returnUrl");
        try
        {
            await http.ChallengeAsync(VneidAuthentication.Scheme, new AuthenticationProperties { RedirectUri = returnUrl ?? "/" });
            return TypedResults.Empty;
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException)
        {
            // The discovery document could not be read: VNeID is down or unreachable.
            http.Response.Headers.RetryAfter = "30";
            return Problems.Of(StatusCodes.Status503ServiceUnavailable, "VNeID tạm thời không phục vụ",
                "Không kết nối được hệ thống định danh điện tử VNeID. Hãy thử lại sau ít phút, hoặc đăng nhập bằng tài khoản của hệ thống.");
        }
    }

    /// <summary>
    /// Documents the callback in the API reference. The OpenID Connect handler answers every request to this path
    /// itself (before routing), so this handler is never reached.
    /// </summary>
    public static ProblemHttpResult CallbackDocumentation() =>
        Problems.Of(StatusCodes.Status400BadRequest, "Yêu cầu không hợp lệ", "Thiếu code và state của VNeID.");

    public static OpenIdConnectEvents Events() => new()
    {
        OnTicketReceived = TicketReceivedAsync,
        OnRemoteFailure = RemoteFailureAsync,
    };

    private static async Task TicketReceivedAsync(TicketReceivedContext context)
    {
        context.HandleResponse();
        var http = context.HttpContext;
        var principal = context.Principal!;
        var personalId = principal.FindFirst(PersonalIdClaim)?.Value ?? principal.FindFirst("sub")?.Value ?? "";
        var level = int.TryParse(principal.FindFirst(LevelClaim)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : 0;
        IResult answer;
        if (PersonalId.Validate(personalId) is { IsValid: false } || level is not (1 or 2))
            answer = Problems.Of(StatusCodes.Status401Unauthorized, "Đăng nhập VNeID thất bại",
                "VNeID không cho biết số định danh cá nhân hợp lệ hoặc mức định danh (1 hoặc 2) của tài khoản.");
        else
            answer = await SignInAsync(http, personalId, principal.FindFirst("name")?.Value, level, context.ReturnUri ?? context.Properties?.RedirectUri);
        await answer.ExecuteAsync(http);
    }

    private static async Task<IResult> SignInAsync(HttpContext http, string personalId, string? fullName, int level, string? returnUrl)
    {
        var services = http.RequestServices;
        var db = services.GetRequiredService<OneStopDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var ct = http.RequestAborted;
        var candidates = await db.Users.Where(u => u.PersonalId == personalId).ToListAsync(ct);
        var account = candidates.FirstOrDefault(u => u.RoleSet.Contains(RoleNames.Citizen));
        var created = false;
        if (account is null)
        {
            if (await db.Users.AnyAsync(u => u.UserName == personalId, ct))
                return Problems.Conflict($"Tên đăng nhập {personalId} đã thuộc một tài khoản khác; hãy liên hệ quản trị viên.");
            account = new UserAccount
            {
                Id = Guid.CreateVersion7(),
                UserName = personalId,
                FullName = Cut(fullName) ?? personalId,
                Roles = RoleNames.Citizen,
                PersonalId = personalId,
                // No password: this account signs in through VNeID only (an empty hash never verifies).
                PasswordHash = "",
                SecurityStamp = UserAccount.NewSecurityStamp(),
            };
            db.Users.Add(account);
            created = true;
        }
        else if (Cut(fullName) is { } name)
            account.FullName = name;

        var disabled = account.IsDisabled;
        db.SignInAudits.Add(new SignInAudit
        {
            At = now, UserName = account.UserName, Succeeded = !disabled,
            Reason = disabled ? SignInReasons.VneidDisabled : SignInReasons.Vneid, ClientAddress = http.Connection.RemoteIpAddress?.ToString(),
        });
        await db.SaveChangesAsync(ct);
        if (disabled)
            return Problems.Of(StatusCodes.Status403Forbidden, "Tài khoản đã bị vô hiệu hóa",
                "Tài khoản này đã bị quản trị viên vô hiệu hóa; hãy liên hệ quản trị viên của đơn vị.");
        var session = AccessTokens.Session(account, services.GetRequiredService<JwtSettings>(), now, level);
        return TypedResults.Ok(new VneidTokenResponse(session.AccessToken, session.ExpiresIn, session.Roles, session.UnitCode, level,
            account.UserName, returnUrl, created));
    }

    private static string? Cut(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : name.Trim() is var trimmed && trimmed.Length > StoredLengths.FullName ? trimmed[..StoredLengths.FullName] : name.Trim();

    /// <summary>Every way the callback can fail, told in words a citizen (and the officer helping them) can act on.</summary>
    private static async Task RemoteFailureAsync(RemoteFailureContext context)
    {
        context.HandleResponse();
        var failure = context.Failure;
        var (status, detail) = failure switch
        {
            SecurityTokenInvalidAudienceException =>
                (StatusCodes.Status401Unauthorized, "ID token của VNeID được cấp cho một ứng dụng khác (aud), không phải cho hệ thống này; đăng nhập bị từ chối."),
            OpenIdConnectProtocolInvalidNonceException =>
                (StatusCodes.Status401Unauthorized, "ID token của VNeID không mang nonce của lần đăng nhập này (có thể là token bị phát lại); đăng nhập bị từ chối."),
            SecurityTokenInvalidIssuerException =>
                (StatusCodes.Status401Unauthorized, "ID token không do VNeID phát hành (iss sai); đăng nhập bị từ chối."),
            SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException =>
                (StatusCodes.Status401Unauthorized, "Chữ ký của ID token không khớp khóa công khai của VNeID; đăng nhập bị từ chối."),
            SecurityTokenExpiredException or SecurityTokenNotYetValidException or SecurityTokenInvalidLifetimeException =>
                (StatusCodes.Status401Unauthorized, "ID token của VNeID đã hết hạn hoặc chưa có hiệu lực; hãy đăng nhập lại."),
            _ when failure?.Message.Contains("invalid_grant", StringComparison.Ordinal) == true =>
                (StatusCodes.Status400BadRequest, "Mã ủy quyền (code) không hợp lệ, đã hết hạn hoặc đã được dùng; hãy đăng nhập lại từ đầu."),
            _ when failure?.Message.Contains("temporarily_unavailable", StringComparison.Ordinal) == true
                    || failure is HttpRequestException || failure?.InnerException is HttpRequestException
                    || failure?.Message.Contains("IDX20803", StringComparison.Ordinal) == true =>
                (StatusCodes.Status503ServiceUnavailable, "VNeID tạm thời không phục vụ; hãy thử lại sau ít phút."),
            _ when failure?.Message.Contains("Correlation failed", StringComparison.Ordinal) == true
                    || failure?.Message.Contains("state", StringComparison.OrdinalIgnoreCase) == true =>
                (StatusCodes.Status400BadRequest, "Tham số state không hợp lệ hoặc không thuộc phiên trình duyệt này; hãy bắt đầu đăng nhập lại từ GET /api/auth/vneid/login."),
            _ when failure?.Message.Contains("error", StringComparison.Ordinal) == true =>
                (StatusCodes.Status400BadRequest, "VNeID từ chối yêu cầu đăng nhập; hãy bắt đầu lại từ GET /api/auth/vneid/login."),
            _ => (StatusCodes.Status401Unauthorized, "Không xác thực được phản hồi của VNeID; đăng nhập bị từ chối."),
        };
        if (status == StatusCodes.Status503ServiceUnavailable)
            context.Response.Headers.RetryAfter = "30";
        context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(VneidSignIn))
            .LogWarning(failure, "VNeID sign-in refused: {Detail}", detail);
        await Problems.Of(status, status == StatusCodes.Status503ServiceUnavailable ? "VNeID tạm thời không phục vụ" : "Đăng nhập VNeID thất bại", detail)
            .ExecuteAsync(context.HttpContext);
    }
}
