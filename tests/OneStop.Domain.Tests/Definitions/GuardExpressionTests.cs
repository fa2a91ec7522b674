using OneStop.Domain.Definitions;

namespace OneStop.Domain.Tests.Definitions;

public sealed class GuardExpressionTests
{
    private static GuardFacts Facts(decimal fee = 0, string applicantType = "person", string channel = "counter") =>
        new(fee, applicantType, channel);

    [Theory]
    [InlineData("fee.amount > 0", "fee.amount", ">", "0", false)]
    [InlineData("  fee.amount>=-2.5 ", "fee.amount", ">=", "-2.5", false)]
    [InlineData("fee.amount != 1000", "fee.amount", "!=", "1000", false)]
    [InlineData("applicant.type == 'organisation'", "applicant.type", "==", "organisation", true)]
    [InlineData("channel != 'online'", "channel", "!=", "online", true)]
    [InlineData("channel == ''", "channel", "==", "", true)]
    public void Valid_guards_parse_into_path_operator_and_literal(string text, string path, string op, string literal, bool isText)
    {
        Assert.True(GuardExpression.TryParse(text, out var guard, out var error));

        Assert.Null(error);
        Assert.Equal(new GuardExpression(path, op, literal, isText), guard);
    }

    [Theory]
    [InlineData("fee.amount>0", "fee.amount > 0")]
    [InlineData("channel=='post'", "channel == 'post'")]
    public void A_parsed_guard_prints_in_canonical_form(string text, string expected)
    {
        Assert.Equal(expected, GuardExpression.Parse(text).ToString());
    }

    [Theory]
    [InlineData("applicant.age > 18", "applicant.age")]
    [InlineData("fee > 0", "fee")]
    [InlineData("dossier.status == 'Received'", "dossier.status")]
    public void An_unknown_path_is_refused_naming_the_path_and_the_known_ones(string text, string path)
    {
        Assert.False(GuardExpression.TryParse(text, out var guard, out var error));

        Assert.Null(guard);
        Assert.Contains($"'{path}'", error, StringComparison.Ordinal);
        Assert.Contains("fee.amount", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("channel > 'online'")]
    [InlineData("applicant.type <= 'person'")]
    [InlineData("channel >= 'post'")]
    public void Text_compared_with_an_ordering_operator_is_refused(string text)
    {
        Assert.False(GuardExpression.TryParse(text, out _, out var error));

        Assert.Contains("==", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_fee_compared_with_text_is_refused()
    {
        Assert.False(GuardExpression.TryParse("fee.amount == '0'", out _, out var error));

        Assert.Contains("số", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("channel == 1")]
    [InlineData("applicant.type != 0")]
    public void A_text_fact_compared_with_a_number_is_refused(string text)
    {
        Assert.False(GuardExpression.TryParse(text, out _, out var error));

        Assert.Contains("chuỗi", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("fee.amount")]
    [InlineData("fee.amount > ")]
    [InlineData("fee.amount = 0")]
    [InlineData("fee.amount > 0 && channel == 'online'")]
    [InlineData("channel == \"online\"")]
    [InlineData("Fee.Amount > 0")]
    public void Text_that_is_not_one_comparison_is_refused_with_an_example(string? text)
    {
        Assert.False(GuardExpression.TryParse(text, out var guard, out var error));

        Assert.Null(guard);
        Assert.Contains("fee.amount > 0", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_throws_a_format_exception_carrying_the_reason()
    {
        var exception = Assert.Throws<FormatException>(() => GuardExpression.Parse("channel > 'online'"));

        Assert.Contains("==", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(">", 1000, false)]
    [InlineData(">", 1001, true)]
    [InlineData(">=", 999, false)]
    [InlineData(">=", 1000, true)]
    [InlineData("<", 1000, false)]
    [InlineData("<", 999, true)]
    [InlineData("<=", 1001, false)]
    [InlineData("<=", 1000, true)]
    [InlineData("==", 1000, true)]
    [InlineData("==", 1000.5, false)]
    [InlineData("!=", 1000, false)]
    [InlineData("!=", 0, true)]
    public void Each_operator_compares_the_fee_with_the_number(string op, double fee, bool expected)
    {
        var guard = GuardExpression.Parse($"fee.amount {op} 1000");

        Assert.Equal(expected, guard.Evaluate(Facts(fee: (decimal)fee)));
    }

    [Fact]
    public void Fractional_and_negative_literals_compare_as_decimals()
    {
        Assert.True(GuardExpression.Parse("fee.amount > -0.5").Evaluate(Facts(fee: 0)));
        Assert.False(GuardExpression.Parse("fee.amount >= 2.75").Evaluate(Facts(fee: 2.7m)));
    }

    [Theory]
    [InlineData("channel == 'online'", "online", true)]
    [InlineData("channel == 'online'", "ONLINE", true)]
    [InlineData("channel == 'online'", "counter", false)]
    [InlineData("channel != 'online'", "counter", true)]
    [InlineData("channel != 'online'", "Online", false)]
    public void Text_equality_ignores_case(string text, string channel, bool expected)
    {
        Assert.Equal(expected, GuardExpression.Parse(text).Evaluate(Facts(channel: channel)));
    }

    [Theory]
    [InlineData("applicant.type == 'organisation'", "organisation", true)]
    [InlineData("applicant.type == 'organisation'", "person", false)]
    [InlineData("applicant.type != 'organisation'", "person", true)]
    public void The_applicant_type_is_read_from_the_facts(string text, string applicantType, bool expected)
    {
        Assert.Equal(expected, GuardExpression.Parse(text).Evaluate(Facts(applicantType: applicantType)));
    }

    [Fact]
    public void Guards_read_only_their_own_fact()
    {
        var guard = GuardExpression.Parse("channel == 'post'");

        Assert.True(guard.Evaluate(Facts(fee: 50000, applicantType: "organisation", channel: "post")));
        Assert.False(guard.Evaluate(Facts(fee: 50000, applicantType: "post", channel: "online")));
    }
}
