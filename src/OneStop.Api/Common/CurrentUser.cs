using System.Security.Claims;
using OneStop.Domain.Dossiers;

namespace OneStop.Api.Common;

/// <summary>Claims issued by <c>POST /api/auth/token</c> and how to read them back.</summary>
public static class OneStopClaims
{
    public const string UnitCode = "unit_code";
    public const string PersonalId = "personal_id";
    public const string FullName = "full_name";
    /// <summary>The account's security stamp at sign-in; a token whose stamp is no longer the account's is refused.</summary>
    public const string SecurityStamp = "stamp";
    /// <summary>Marks a token good only for <c>POST /api/me/password</c> (a password that must be changed first).</summary>
    public const string PasswordChangeOnly = "pwd_change";
    /// <summary>The VNeID level (1 or 2) of a session opened by VNeID sign-in (DESIGN §14); absent for a password sign-in.</summary>
    public const string VneidLevel = "vneid_level";

    public static Actor ToActor(this ClaimsPrincipal user) => new(
        user.Identity?.Name ?? "",
        user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(),
        user.FindFirstValue(UnitCode),
        user.FindFirstValue(PersonalId))
    {
        VneidLevel = int.TryParse(user.FindFirstValue(VneidLevel), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var level) ? level : null,
    };
}

public static class Policies
{
    public const string Admin = "admin";
    public const string Officer = "officer";
    public const string Citizen = "citizen";
    public const string Submitter = "submitter";
    public const string ReportReader = "report-reader";
}
