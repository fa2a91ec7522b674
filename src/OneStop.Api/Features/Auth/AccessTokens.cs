using System.Globalization;
using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;
using OneStop.Api.Common;
using OneStop.Infrastructure.Identity;

namespace OneStop.Api.Features.Auth;

public sealed record TokenResponse(string AccessToken, int ExpiresIn, IReadOnlyList<string> Roles, string? UnitCode);

/// <summary>The two kinds of token OneStop issues: a session, and a short one that can only change the password.</summary>
public static class AccessTokens
{
    /// <summary>How long a password-change token lasts: long enough to choose a password, too short to be a session.</summary>
    public static readonly TimeSpan PasswordChangeLifetime = TimeSpan.FromMinutes(15);

    /// <summary>A session token; <paramref name="vneidLevel"/>, for a VNeID sign-in, travels in it for the submissions that need a level.</summary>
    public static TokenResponse Session(UserAccount user, JwtSettings jwt, DateTime now, int? vneidLevel = null) => new(
        Write(user, jwt, now, jwt.Lifetime, passwordChangeOnly: false, vneidLevel), (int)jwt.Lifetime.TotalSeconds, user.RoleSet.Order().ToList(), user.UnitCode);

    public static string PasswordChange(UserAccount user, JwtSettings jwt, DateTime now) =>
        Write(user, jwt, now, PasswordChangeLifetime, passwordChangeOnly: true);

    private static string Write(UserAccount user, JwtSettings jwt, DateTime now, TimeSpan lifetime, bool passwordChangeOnly, int? vneidLevel = null)
    {
        var claims = new List<Claim>
        {
            new(JwtRegisteredClaimNames.Sub, user.UserName),
            new(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
            new(JwtRegisteredClaimNames.Iat, EpochTime.GetIntDate(now).ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64),
            new(ClaimTypes.Name, user.UserName),
            new(OneStopClaims.FullName, user.FullName),
            new(OneStopClaims.SecurityStamp, user.SecurityStamp),
        };
        if (passwordChangeOnly)
        {
            // No roles: even an endpoint that forgot the check would find nobody behind this token.
            claims.Add(new Claim(OneStopClaims.PasswordChangeOnly, "1"));
        }
        else
        {
            claims.AddRange(user.RoleSet.Select(role => new Claim(ClaimTypes.Role, role)));
            if (user.UnitCode is not null)
                claims.Add(new Claim(OneStopClaims.UnitCode, user.UnitCode));
            if (user.PersonalId is not null)
                claims.Add(new Claim(OneStopClaims.PersonalId, user.PersonalId));
            if (vneidLevel is { } level)
                claims.Add(new Claim(OneStopClaims.VneidLevel, level.ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer32));
        }

        var token = new JwtSecurityToken(JwtSettings.Issuer, JwtSettings.Audience, claims, now, now.Add(lifetime),
            new SigningCredentials(jwt.SigningKey, SecurityAlgorithms.HmacSha256));
        return new JwtSecurityTokenHandler().WriteToken(token);
    }
}
