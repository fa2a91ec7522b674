using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using OneStop.Api.Common;
using OneStop.Infrastructure.Identity;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Api.Features.Auth;

public sealed record TokenRequest(string? Username, string? Password);

public sealed record TokenResponse(string AccessToken, int ExpiresIn, IReadOnlyList<string> Roles, string? UnitCode);

public sealed class TokenRequestValidator : AbstractValidator<TokenRequest>
{
    public TokenRequestValidator()
    {
        RuleFor(r => r.Username).NotEmpty().WithMessage("Phải nhập tên đăng nhập.");
        RuleFor(r => r.Password).NotEmpty().WithMessage("Phải nhập mật khẩu.");
    }
}

public static class IssueToken
{
    private static readonly PasswordHasher<UserAccount> Hasher = new();

    public static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> Handle(
        TokenRequest request, OneStopDbContext db, JwtSettings jwt, TimeProvider clock, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == request.Username, ct);
        // One answer for an unknown user and a wrong password: no account enumeration.
        if (user is null || Hasher.VerifyHashedPassword(user, user.PasswordHash, request.Password!) == PasswordVerificationResult.Failed)
            return Problems.Of(StatusCodes.Status401Unauthorized, "Đăng nhập thất bại", "Tên đăng nhập hoặc mật khẩu không đúng.");

        var claims = new List<Claim>
        {
            new(JwtRegisteredClaimNames.Sub, user.UserName),
            new(ClaimTypes.Name, user.UserName),
            new("full_name", user.FullName),
        };
        claims.AddRange(user.RoleSet.Select(role => new Claim(ClaimTypes.Role, role)));
        if (user.UnitCode is not null)
            claims.Add(new Claim(OneStopClaims.UnitCode, user.UnitCode));
        if (user.PersonalId is not null)
            claims.Add(new Claim(OneStopClaims.PersonalId, user.PersonalId));

        var now = clock.GetUtcNow().UtcDateTime;
        var token = new JwtSecurityToken(JwtSettings.Issuer, JwtSettings.Audience, claims, now, now.Add(jwt.Lifetime),
            new SigningCredentials(jwt.SigningKey, SecurityAlgorithms.HmacSha256));
        return TypedResults.Ok(new TokenResponse(
            new JwtSecurityTokenHandler().WriteToken(token), (int)jwt.Lifetime.TotalSeconds, user.RoleSet.Order().ToList(), user.UnitCode));
    }
}

public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/auth").WithTags("Auth")
            .MapPost("/token", IssueToken.Handle).Validate<TokenRequest>().AllowAnonymous()
            .WithSummary("Đăng nhập: cấp access token (JWT) kèm vai trò và đơn vị.");
        return app;
    }
}
