using System.Security.Claims;
using OneStop.Domain.Dossiers;

namespace OneStop.Api.Common;

/// <summary>Claims issued by <c>POST /api/auth/token</c> and how to read them back.</summary>
public static class OneStopClaims
{
    public const string UnitCode = "unit_code";
    public const string PersonalId = "personal_id";
    public const string FullName = "full_name";

    public static Actor ToActor(this ClaimsPrincipal user) => new(
        user.Identity?.Name ?? "",
        user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(),
        user.FindFirstValue(UnitCode),
        user.FindFirstValue(PersonalId));
}

public static class Policies
{
    public const string Admin = "admin";
    public const string Officer = "officer";
    public const string Citizen = "citizen";
    public const string Submitter = "submitter";
    public const string ReportReader = "report-reader";
}
