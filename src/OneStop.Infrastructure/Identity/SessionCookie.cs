namespace OneStop.Infrastructure.Identity;

/// <summary>
/// The browser session beside the bearer tokens: an HttpOnly, SameSite=Strict cookie issued by
/// <c>POST /api/auth/session</c>. It authenticates only what a browser opens by navigation — the Hangfire
/// dashboard — never the JSON API, which keeps asking for a bearer token, so no other site can ride on it.
/// </summary>
public static class SessionCookie
{
    public const string Scheme = "OneStop.Session";
    public const string Name = "onestop_session";
}
