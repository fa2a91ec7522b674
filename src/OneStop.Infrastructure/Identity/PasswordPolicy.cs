using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace OneStop.Infrastructure.Identity;

/// <summary>
/// The rules of ASP.NET Core Identity's <see cref="PasswordValidator{TUser}"/>, driven by Identity's own
/// <see cref="PasswordOptions"/> (configuration section <c>Identity:Password</c>), with Vietnamese messages.
/// </summary>
/// <remarks>
/// <see cref="PasswordValidator{TUser}.ValidateAsync"/> needs a whole <c>UserManager</c> (and so a user
/// store) only to read these options and an English error describer; this class applies the same checks
/// in the same order and reuses the validator's character classes, so the semantics cannot drift.
/// </remarks>
public sealed class PasswordPolicy(IOptions<PasswordOptions> options)
{
    private static readonly PasswordValidator<UserAccount> Identity = new();

    public PasswordOptions Options => options.Value;

    /// <summary>Every rule the password breaks, in Vietnamese; empty when it is acceptable.</summary>
    public IReadOnlyList<string> Check(string? password)
    {
        var rules = options.Value;
        var errors = new List<string>();
        password ??= "";
        if (string.IsNullOrWhiteSpace(password) || password.Length < rules.RequiredLength)
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"Mật khẩu phải dài ít nhất {rules.RequiredLength} ký tự."));
        if (rules.RequireNonAlphanumeric && password.All(Identity.IsLetterOrDigit))
            errors.Add("Mật khẩu phải có ít nhất một ký tự đặc biệt (không phải chữ hay số), ví dụ @ # ! .");
        if (rules.RequireDigit && !password.Any(Identity.IsDigit))
            errors.Add("Mật khẩu phải có ít nhất một chữ số (0–9).");
        if (rules.RequireLowercase && !password.Any(Identity.IsLower))
            errors.Add("Mật khẩu phải có ít nhất một chữ thường (a–z).");
        if (rules.RequireUppercase && !password.Any(Identity.IsUpper))
            errors.Add("Mật khẩu phải có ít nhất một chữ hoa (A–Z).");
        if (rules.RequiredUniqueChars >= 1 && password.Distinct().Count() < rules.RequiredUniqueChars)
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"Mật khẩu phải có ít nhất {rules.RequiredUniqueChars} ký tự khác nhau."));
        return errors;
    }
}
