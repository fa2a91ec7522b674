namespace OneStop.Infrastructure.Identity;

/// <summary>
/// One sign-in attempt, successful or refused. Append-only: rows are written by
/// <c>POST /api/auth/token</c> and never changed or deleted by the application (init-only properties).
/// </summary>
public sealed class SignInAudit
{
    public long Id { get; init; }
    /// <summary>UTC.</summary>
    public DateTime At { get; init; }
    /// <summary>The name as typed, whether or not such an account exists (cut to <see cref="UserNameMaxLength"/>).</summary>
    public string UserName { get; init; } = "";
    public bool Succeeded { get; init; }
    /// <summary>One of <see cref="SignInReasons"/>.</summary>
    public string Reason { get; init; } = "";
    public string? ClientAddress { get; init; }

    public const int UserNameMaxLength = 128;
}

public static class SignInReasons
{
    public const string Ok = "ok";
    public const string WrongPassword = "wrong-password";
    public const string UnknownUser = "unknown-user";
    public const string LockedOut = "locked-out";
    public const string Disabled = "disabled";
    public const string TemporaryPasswordUsed = "temp-used";
    public const string TemporaryPasswordExpired = "temp-expired";
    /// <summary>The password was right but must be changed first: a password-change token, no session.</summary>
    public const string MustChangePassword = "must-change";
    /// <summary>Signed in through VNeID (DESIGN §14): the identity provider checked the person, not our password.</summary>
    public const string Vneid = "vneid";
    /// <summary>VNeID vouched for the person, but their account here is disabled.</summary>
    public const string VneidDisabled = "vneid-disabled";
}
