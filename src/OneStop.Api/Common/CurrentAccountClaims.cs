using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Api.Common;

/// <summary>
/// Replaces the roles and unit carried in the token by the account's current ones, on every request.
/// A token lives for hours, but a unit merge moves officers at once and an admin may change roles:
/// acting on stale claims would send an officer's work to a unit that no longer exists. One indexed
/// lookup per request; an account deleted since sign-in keeps no role at all. A password-change token never
/// gets roles (Features/Auth/AccountTokenCheck lets it reach <c>POST /api/me/password</c> only).
/// </summary>
public sealed class CurrentAccountClaims(OneStopDbContext db) : IClaimsTransformation
{
    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity is not ClaimsIdentity { IsAuthenticated: true } identity || identity.Name is not { Length: > 0 } userName
            || identity.HasClaim(c => c.Type == Refreshed) || identity.HasClaim(c => c.Type == OneStopClaims.PasswordChangeOnly))
            return principal;
        var account = await db.Users.AsNoTracking().Where(u => u.UserName == userName)
            .Select(u => new { u.Roles, u.UnitCode }).FirstOrDefaultAsync();
        return WithCurrentAccount(identity, account?.Roles, account?.UnitCode);
    }

    /// <summary>
    /// The principal with the account's current roles and unit instead of the token's, marked so the transformation does
    /// not look them up again. The bearer token check (Features/Auth/AccountTokenCheck) calls it with what it has just
    /// read of the account in its own lookup, which saves every authenticated request a second query.
    /// </summary>
    public static ClaimsPrincipal WithCurrentAccount(ClaimsIdentity identity, string? roles, string? unitCode)
    {
        var current = new ClaimsIdentity(identity.Claims.Where(c => c.Type is not (ClaimTypes.Role or OneStopClaims.UnitCode)),
            identity.AuthenticationType, identity.NameClaimType, identity.RoleClaimType);
        foreach (var role in roles?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [])
            current.AddClaim(new Claim(ClaimTypes.Role, role));
        if (unitCode is { } unit)
            current.AddClaim(new Claim(OneStopClaims.UnitCode, unit));
        current.AddClaim(new Claim(Refreshed, "1"));
        return new ClaimsPrincipal(current);
    }

    private const string Refreshed = "onestop_account_refreshed";
}
