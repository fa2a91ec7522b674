using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace OneStop.Infrastructure.Identity;

public static class IdentityRegistration
{
    public const string PasswordSection = "Identity:Password";
    public const string LockoutSection = "Identity:Lockout";

    /// <summary>
    /// Identity's password hasher, <see cref="PasswordOptions"/> from <c>Identity:Password</c> (our default
    /// length is 10) and <see cref="LockoutOptions"/> from <c>Identity:Lockout:MaxFailedAttempts</c> (5) and
    /// <c>Identity:Lockout:MinutesLocked</c> (15).
    /// </summary>
    public static IServiceCollection AddOneStopIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IPasswordHasher<UserAccount>, PasswordHasher<UserAccount>>();
        services.AddOptions<PasswordOptions>()
            .Configure(o => o.RequiredLength = 10)
            .Bind(configuration.GetSection(PasswordSection))
            .Validate(o => o.RequiredLength >= 1 && o.RequiredUniqueChars >= 0, "Identity:Password: RequiredLength phải ≥ 1.")
            .ValidateOnStart();
        services.AddOptions<LockoutOptions>()
            .Configure(o =>
            {
                var section = configuration.GetSection(LockoutSection);
                o.AllowedForNewUsers = true;
                o.MaxFailedAccessAttempts = section.GetValue("MaxFailedAttempts", 5);
                o.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(section.GetValue("MinutesLocked", 15.0));
            })
            .Validate(o => o.MaxFailedAccessAttempts >= 1 && o.DefaultLockoutTimeSpan > TimeSpan.Zero,
                "Identity:Lockout: MaxFailedAttempts và MinutesLocked phải lớn hơn 0.")
            .ValidateOnStart();
        services.AddSingleton<PasswordPolicy>();
        return services;
    }
}
