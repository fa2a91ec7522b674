using OneStop.Domain.Identifiers;

namespace OneStop.Domain.Tests.Identifiers;

public sealed class ApplicantIdentifierTests
{
    [Fact]
    public void Twelve_digits_are_checked_as_a_personal_ID()
    {
        var (isValid, error, kind) = ApplicantIdentifier.Validate("060095000123");

        Assert.True(isValid, error);
        Assert.Equal(ApplicantKind.Person, kind);
    }

    [Fact]
    public void A_personal_ID_keeps_its_own_error()
    {
        var (isValid, error, kind) = ApplicantIdentifier.Validate("999095000123");

        Assert.False(isValid);
        Assert.Equal("Mã tỉnh '999' trong số định danh không tồn tại.", error);
        Assert.Equal(ApplicantKind.Person, kind);
    }

    [Fact]
    public void A_future_birth_year_is_refused_when_today_is_given()
    {
        var (isValid, _, _) = ApplicantIdentifier.Validate("001226000123", new DateOnly(2025, 7, 1));

        Assert.False(isValid);
    }

    [Theory]
    [InlineData("0100109106")]
    [InlineData("0100109106-001")]
    [InlineData(" 0314409058-002 ")]
    public void Ten_digits_with_an_optional_branch_are_checked_as_an_organisation_tax_code(string value)
    {
        var (isValid, error, kind) = ApplicantIdentifier.Validate(value);

        Assert.True(isValid, error);
        Assert.Equal(ApplicantKind.Organisation, kind);
    }

    [Theory]
    [InlineData("0100109107")]
    [InlineData("0100109106-000")]
    public void A_tax_code_keeps_its_own_error(string value)
    {
        var (isValid, error, kind) = ApplicantIdentifier.Validate(value);

        Assert.False(isValid);
        Assert.Equal(TaxCode.Validate(value).Error, error);
        Assert.Equal(ApplicantKind.Organisation, kind);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("01001091")]
    [InlineData("06009500012")] // 11 digits
    [InlineData("0600950001234")] // 13 digits
    [InlineData("0100109106001")] // branch without its dash
    [InlineData("06009500012A")]
    public void Anything_else_is_refused_with_one_message(string? value)
    {
        var (isValid, error, _) = ApplicantIdentifier.Validate(value);

        Assert.False(isValid);
        Assert.Equal("Mã định danh phải là số định danh cá nhân (12 chữ số) hoặc mã số thuế (10 chữ số).", error);
    }
}
