using Microsoft.AspNetCore.Builder;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OneStop.NationalServices.Mock;

/// <summary>
/// The mock VNeID identity provider: OpenID Connect authorization code flow with PKCE (S256 only). It publishes its
/// discovery document and keys, shows a sign-in form (personal ID and password), redirects back with
/// <c>code</c> and <c>state</c>, and exchanges each code once for an ID token signed RS256 that names the person
/// (<c>sub</c> and <c>personal_id</c>: the personal ID; <c>name</c>; <c>birthdate</c>) and their identification level
/// (<c>vneid_level</c>: 1 or 2, also as <c>acr</c>).
/// </summary>
public static class MockVneidEndpoints
{
    public const string LevelClaim = "vneid_level";
    public const string PersonalIdClaim = "personal_id";
    private const string OneStopCallbackPath = "/api/auth/vneid/callback";

    internal static void Map(RouteGroupBuilder vneid, string prefix)
    {
        var faulty = vneid.MapGroup("").AddEndpointFilter(MockNationalEndpoints.Faulty(NationalServiceNames.Vneid,
            () => TypedResults.Json(new { error = "temporarily_unavailable", error_description = "VNeID tạm thời không phục vụ (giả lập)." },
                MockJson.Options, statusCode: StatusCodes.Status503ServiceUnavailable)));
        faulty.MapGet("/.well-known/openid-configuration", (HttpRequest request) => Discovery(Issuer(request, prefix)));
        faulty.MapGet("/jwks", (MockNationalStore store) =>
            TypedResults.Json(new { keys = new[] { JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(store.SigningKey.Rsa.ExportParameters(false)) { KeyId = store.SigningKey.KeyId }) }
                .Select(k => new { kty = k.Kty, use = "sig", alg = SecurityAlgorithms.RsaSha256, kid = k.Kid, n = k.N, e = k.E }) }));
        faulty.MapGet("/authorize", AuthorizePage);
        faulty.MapPost("/authorize", SignInAsync).DisableAntiforgery();
        faulty.MapPost("/token", (HttpRequest request, MockNationalStore store, IOptions<MockNationalOptions> options, TimeProvider clock) =>
            ExchangeAsync(request, store, options, clock, prefix)).DisableAntiforgery();
    }

    private static string Issuer(HttpRequest request, string prefix) => MockNationalEndpoints.PublicRoot(request, prefix) + "/vneid";

    private static IResult Discovery(string issuer) => TypedResults.Json(new Dictionary<string, object>
    {
        ["issuer"] = issuer,
        ["authorization_endpoint"] = issuer + "/authorize",
        ["token_endpoint"] = issuer + "/token",
        ["jwks_uri"] = issuer + "/jwks",
        ["response_types_supported"] = new[] { "code" },
        ["response_modes_supported"] = new[] { "query" },
        ["grant_types_supported"] = new[] { "authorization_code" },
        ["subject_types_supported"] = new[] { "public" },
        ["id_token_signing_alg_values_supported"] = new[] { SecurityAlgorithms.RsaSha256 },
        ["scopes_supported"] = new[] { "openid", "profile" },
        ["code_challenge_methods_supported"] = new[] { "S256" },
        ["token_endpoint_auth_methods_supported"] = new[] { "none", "client_secret_post" },
        ["claims_supported"] = new[] { "sub", "name", "birthdate", PersonalIdClaim, LevelClaim, "acr", "nonce" },
    });

    /// <summary>The parameters of an authorization request, from the query (GET) or the form's hidden fields (POST).</summary>
    private sealed record AuthorizeRequest(string ClientId, string RedirectUri, string ResponseType, string Scope, string State, string? Nonce,
        string CodeChallenge, string CodeChallengeMethod)
    {
        public static AuthorizeRequest From(Func<string, string?> read) => new(read("client_id") ?? "", read("redirect_uri") ?? "",
            read("response_type") ?? "", read("scope") ?? "", read("state") ?? "", read("nonce"), read("code_challenge") ?? "",
            read("code_challenge_method") ?? "");

        /// <summary>Errors that must not be sent to the redirect URI (an unknown client or a bad URI): shown here instead.</summary>
        public string? Unsafe(MockVneidOptions options) =>
            ClientId != options.ClientId ? $"Ứng dụng '{ClientId}' chưa đăng ký với VNeID."
            : !Uri.TryCreate(RedirectUri, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Fragment.Length > 0
                ? "redirect_uri phải là địa chỉ http(s) tuyệt đối."
            : options.RedirectUris.Count > 0 ? (options.RedirectUris.Contains(RedirectUri) ? null : "redirect_uri chưa được đăng ký cho ứng dụng này.")
            : uri.AbsolutePath.EndsWith(OneStopCallbackPath, StringComparison.Ordinal) ? null
            : "redirect_uri chưa được đăng ký cho ứng dụng này.";

        /// <summary>Errors returned to the client at its redirect URI, as OAuth 2.0 says.</summary>
        public (string Error, string Description)? Invalid() =>
            ResponseType != "code" ? ("unsupported_response_type", "Chỉ hỗ trợ response_type=code.")
            : !Scope.Split(' ').Contains("openid") ? ("invalid_scope", "Phạm vi (scope) phải có openid.")
            : CodeChallenge.Length < 43 || CodeChallengeMethod != "S256" ? ("invalid_request", "Bắt buộc PKCE: code_challenge với code_challenge_method=S256.")
            : null;
    }

    private static IResult AuthorizePage(HttpRequest request, IOptions<MockNationalOptions> options)
    {
        var authorize = AuthorizeRequest.From(name => request.Query[name].FirstOrDefault());
        if (authorize.Unsafe(options.Value.Vneid) is { } refused)
            return Page(StatusCodes.Status400BadRequest, $"<p class=\"loi\">{Html(refused)}</p>");
        if (authorize.Invalid() is { } invalid)
            return RedirectWithError(authorize, invalid);
        return Page(StatusCodes.Status200OK, Form(authorize, null));
    }

    /// <summary>The form post: personal ID and password; right ones redirect to the client with a fresh code.</summary>
    private static async Task<IResult> SignInAsync(HttpRequest request, MockNationalStore store, IOptions<MockNationalOptions> options)
    {
        if (!request.HasFormContentType)
            return Page(StatusCodes.Status400BadRequest, "<p class=\"loi\">Yêu cầu phải là biểu mẫu (application/x-www-form-urlencoded).</p>");
        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        var authorize = AuthorizeRequest.From(name => form[name].FirstOrDefault());
        if (authorize.Unsafe(options.Value.Vneid) is { } refused)
            return Page(StatusCodes.Status400BadRequest, $"<p class=\"loi\">{Html(refused)}</p>");
        if (authorize.Invalid() is { } invalid)
            return RedirectWithError(authorize, invalid);
        var username = form["username"].ToString().Trim();
        var password = form["password"].ToString();
        var identity = NationalTestData.Identities.FirstOrDefault(i => i.PersonalId == username);
        if (identity is null || !MockNationalEndpoints.Same(password, identity.Password))
            return Page(StatusCodes.Status401Unauthorized, Form(authorize, "Số định danh cá nhân hoặc mật khẩu không đúng."));
        var code = store.IssueCode(identity, authorize.ClientId, authorize.RedirectUri, authorize.CodeChallenge, authorize.Nonce);
        return TypedResults.Redirect(With(authorize.RedirectUri, ("code", code), ("state", authorize.State)));
    }

    /// <summary>
    /// The token endpoint: the code once, for the client and redirect URI it was issued to, with the PKCE verifier
    /// whose S256 hash is the challenge (RFC 7636). Errors are RFC 6749 §5.2 JSON.
    /// </summary>
    private static async Task<IResult> ExchangeAsync(
        HttpRequest request, MockNationalStore store, IOptions<MockNationalOptions> options, TimeProvider clock, string prefix)
    {
        if (!request.HasFormContentType)
            return TokenError("invalid_request", "Yêu cầu phải là biểu mẫu (application/x-www-form-urlencoded).");
        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        var settings = options.Value.Vneid;
        if (form["grant_type"] != "authorization_code")
            return TokenError("unsupported_grant_type", "Chỉ hỗ trợ grant_type=authorization_code.");
        if (form["client_id"] != settings.ClientId
            || settings.ClientSecret is { Length: > 0 } secret && !MockNationalEndpoints.Same(form["client_secret"].ToString(), secret))
            return TokenError("invalid_client", "Ứng dụng không xác thực được.", StatusCodes.Status401Unauthorized);
        var pending = store.RedeemCode(form["code"].ToString());
        if (pending is null)
            return TokenError("invalid_grant", "Mã ủy quyền (code) không hợp lệ, đã hết hạn hoặc đã được dùng.");
        if (pending.ClientId != form["client_id"] || pending.RedirectUri != form["redirect_uri"])
            return TokenError("invalid_grant", "Mã ủy quyền không cấp cho ứng dụng hoặc redirect_uri này.");
        var verifier = form["code_verifier"].ToString();
        if (verifier.Length is < 43 or > 128 || Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) != pending.CodeChallenge)
            return TokenError("invalid_grant", "code_verifier không khớp code_challenge (PKCE).");

        var defect = store.Faults.IdTokenDefect;
        var now = clock.GetUtcNow().UtcDateTime;
        var identity = pending.Identity;
        var claims = new Dictionary<string, object>
        {
            ["sub"] = identity.PersonalId,
            [PersonalIdClaim] = identity.PersonalId,
            ["name"] = identity.FullName,
            ["birthdate"] = identity.BirthDate,
            [LevelClaim] = identity.Level,
            ["acr"] = $"vneid:level{identity.Level}",
            ["auth_time"] = EpochTime.GetIntDate(now),
        };
        var nonce = defect == IdTokenDefects.WrongNonce ? Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16)) : pending.Nonce;
        if (nonce is not null)
            claims["nonce"] = nonce;
        var issuer = Issuer(request, prefix);
        var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = defect == IdTokenDefects.WrongIssuer ? "https://vneid.invalid/khac" : issuer,
            Audience = defect == IdTokenDefects.WrongAudience ? "ung-dung-khac" : pending.ClientId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddSeconds(settings.TokenLifetimeSeconds),
            Claims = claims,
            SigningCredentials = new SigningCredentials(defect == IdTokenDefects.WrongSignature ? store.ForeignKey : store.SigningKey, SecurityAlgorithms.RsaSha256),
        });
        return TypedResults.Json(new Dictionary<string, object>
        {
            ["access_token"] = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32)),
            ["token_type"] = "Bearer",
            ["expires_in"] = settings.TokenLifetimeSeconds,
            ["id_token"] = idToken,
            ["scope"] = "openid profile",
        });
    }

    private static IResult TokenError(string error, string description, int status = StatusCodes.Status400BadRequest) =>
        TypedResults.Json(new { error, error_description = description }, MockJson.Options, statusCode: status);

    private static IResult RedirectWithError(AuthorizeRequest authorize, (string Error, string Description) invalid) =>
        TypedResults.Redirect(With(authorize.RedirectUri, ("error", invalid.Error), ("error_description", invalid.Description), ("state", authorize.State)));

    private static string With(string uri, params (string Name, string Value)[] parameters) =>
        uri + (uri.Contains('?') ? "&" : "?") + string.Join("&", parameters.Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value)}"));

    private static string Form(AuthorizeRequest authorize, string? error)
    {
        var hidden = new StringBuilder();
        foreach (var (name, value) in new[]
                 {
                     ("client_id", authorize.ClientId), ("redirect_uri", authorize.RedirectUri), ("response_type", authorize.ResponseType),
                     ("scope", authorize.Scope), ("state", authorize.State), ("nonce", authorize.Nonce ?? ""),
                     ("code_challenge", authorize.CodeChallenge), ("code_challenge_method", authorize.CodeChallengeMethod),
                 })
            hidden.Append($"<input type=\"hidden\" name=\"{name}\" value=\"{Html(value)}\">");
        return $"""
            <h1>Đăng nhập bằng tài khoản định danh điện tử VNeID (giả lập)</h1>
            {(error is null ? "" : $"<p class=\"loi\">{Html(error)}</p>")}
            <form method="post">
              {hidden}
              <label>Số định danh cá nhân <input name="username" inputmode="numeric" autocomplete="username"></label>
              <label>Mật khẩu <input name="password" type="password" autocomplete="current-password"></label>
              <button type="submit">Đăng nhập</button>
            </form>
            """;
    }

    // Vietnamese letters stay as they are; markup characters are escaped.
    private static string Html(string text) => System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All).Encode(text);

    private static IResult Page(int status, string body) => TypedResults.Content(
        $"<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>VNeID (giả lập)</title></head><body>{body}</body></html>",
        "text/html; charset=utf-8", Encoding.UTF8, status);
}
