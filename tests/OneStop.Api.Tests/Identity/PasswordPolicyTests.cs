using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OneStop.Infrastructure.Identity;

namespace OneStop.Api.Tests.Identity;

/// <summary>Identity's password rules with the defaults of Identity:Password, in Vietnamese.</summary>
public sealed class PasswordPolicyTests
{
    private static PasswordPolicy Policy(Action<PasswordOptions>? configure = null)
    {
        var options = new PasswordOptions { RequiredLength = 10 };
        configure?.Invoke(options);
        return new PasswordPolicy(Options.Create(options));
    }

    [Theory]
    [InlineData("Demo@12345")]
    [InlineData("Mật.Khẩu.2026")]
    [InlineData("Phuong@2026x")]
    public void Good_passwords_pass(string password) => Assert.Empty(Policy().Check(password));

    [Theory]
    [InlineData("Demo@1234", "ít nhất 10 ký tự")]
    [InlineData("demo@12345", "chữ hoa")]
    [InlineData("DEMO@12345", "chữ thường")]
    [InlineData("Demo@abcde", "chữ số")]
    [InlineData("Demo123456", "ký tự đặc biệt")]
    public void Each_broken_rule_is_named(string password, string expected)
    {
        var error = Assert.Single(Policy().Check(password));
        Assert.Contains(expected, error);
    }

    [Fact]
    public void An_empty_password_breaks_every_rule() => Assert.Equal(6, Policy().Check("").Count);

    [Fact]
    public void The_rules_follow_the_options()
    {
        var relaxed = Policy(o =>
        {
            o.RequiredLength = 4;
            o.RequireNonAlphanumeric = false;
            o.RequireUppercase = false;
            o.RequiredUniqueChars = 3;
        });

        Assert.Empty(relaxed.Check("abc1"));
        Assert.Contains("3 ký tự khác nhau", Assert.Single(relaxed.Check("aaa1")));
    }
}
