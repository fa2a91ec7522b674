using OneStop.Domain.Identifiers;

namespace OneStop.Domain.Tests.Identifiers;

public sealed class TaxCodeTests
{
    // Worked by hand, weights 31 29 23 19 17 13 7 5 3, check = 10 − (sum mod 11):
    //   0100109106: 0·31 + 1·29 + 0·23 + 0·19 + 1·17 + 0·13 + 9·7 + 1·5 + 0·3
    //             = 29 + 17 + 63 + 5 = 114; 114 mod 11 = 4; 10 − 4 = 6  → ends in 6, valid.
    //   0100233488: 0·31 + 1·29 + 0·23 + 0·19 + 2·17 + 3·13 + 3·7 + 4·5 + 8·3
    //             = 29 + 34 + 39 + 21 + 20 + 24 = 167; 167 mod 11 = 2; 10 − 2 = 8 → ends in 8, valid.
    //   0314409058: 0 + 3·29 + 1·23 + 4·19 + 4·17 + 0 + 9·7 + 0 + 5·3
    //             = 87 + 23 + 76 + 68 + 63 + 15 = 332; 332 mod 11 = 2; 10 − 2 = 8 → ends in 8, valid.
    //   010010904_: 29 + 17 + 63 + 4·3 = 121 = 11·11; mod 11 = 0; 10 − 0 = 10 → no valid tenth digit.
    [Theory]
    [InlineData("010010910", 6)]
    [InlineData("010023348", 8)]
    [InlineData("031440905", 8)]
    [InlineData("010010904", 10)]
    public void The_check_digit_is_ten_minus_the_weighted_sum_mod_eleven(string firstNine, int expected)
    {
        Assert.Equal(expected, TaxCode.ComputeCheckDigit(firstNine));
    }

    [Theory]
    [InlineData("01001091")]
    [InlineData("0100109100")]
    [InlineData("01001091A")]
    public void Computing_a_check_digit_needs_exactly_nine_digits(string firstNine)
    {
        Assert.Throws<ArgumentException>(() => TaxCode.ComputeCheckDigit(firstNine));
    }

    [Theory]
    [InlineData("0100109106")]
    [InlineData("0100233488")]
    [InlineData("0314409058")]
    [InlineData("  0100109106 ")]
    public void Codes_with_the_right_check_digit_are_accepted(string code)
    {
        var check = TaxCode.Validate(code);

        Assert.True(check.IsValid, check.Error);
        Assert.Null(check.Error);
        Assert.Equal(code.Trim(), check.Parent);
        Assert.Null(check.Branch);
    }

    [Theory]
    [InlineData("0100109107")]
    [InlineData("0100109105")]
    [InlineData("0100233480")]
    [InlineData("1100109106")] // a typo in the first digit is caught too
    public void Codes_with_a_wrong_check_digit_are_refused(string code)
    {
        var check = TaxCode.Validate(code);

        Assert.False(check.IsValid);
        Assert.Equal($"Mã số thuế '{code}' sai chữ số kiểm tra; vui lòng đối chiếu lại từng chữ số.", check.Error);
        Assert.Null(check.Parent);
    }

    [Theory]
    [InlineData("0100109040")]
    [InlineData("0100109049")]
    public void Codes_whose_check_digit_would_be_ten_are_never_valid(string code)
    {
        var check = TaxCode.Validate(code);

        Assert.False(check.IsValid);
        Assert.Equal(
            $"Mã số thuế '{code}' không hợp lệ: 9 chữ số đầu cho chữ số kiểm tra bằng 10 nên không thể được cấp.",
            check.Error);
    }

    [Fact]
    public void An_all_zero_serial_is_refused_even_with_a_matching_check_digit()
    {
        // 01 + 0000000: sum = 29, mod 11 = 7, check 3.
        Assert.Equal(3, TaxCode.ComputeCheckDigit("010000000"));
        Assert.False(TaxCode.IsValid("0100000003"));
    }

    [Theory]
    [InlineData("0100109106-001", "001")]
    [InlineData("0314409058-002", "002")]
    [InlineData("0100109106-999", "999")]
    public void Branch_codes_from_001_to_999_are_accepted(string code, string branch)
    {
        var check = TaxCode.Validate(code);

        Assert.True(check.IsValid, check.Error);
        Assert.Equal(code[..10], check.Parent);
        Assert.Equal(branch, check.Branch);
    }

    [Fact]
    public void Branch_000_is_refused()
    {
        var check = TaxCode.Validate("0100109106-000");

        Assert.False(check.IsValid);
        Assert.Equal("Mã đơn vị phụ thuộc (3 chữ số sau dấu '-') phải từ 001 đến 999.", check.Error);
    }

    [Fact]
    public void A_branch_of_a_parent_with_a_wrong_check_digit_is_refused()
    {
        Assert.False(TaxCode.IsValid("0100109107-001"));
    }

    [Theory]
    [InlineData("010010910")] // 9 digits
    [InlineData("01001091066")] // 11 digits
    [InlineData("0100109106001")] // branch without the dash
    [InlineData("0100109106-01")]
    [InlineData("0100109106 001")]
    [InlineData("01.00.109.106")]
    [InlineData("010010910A")]
    public void Anything_but_ten_digits_with_an_optional_dashed_branch_is_refused(string code)
    {
        var check = TaxCode.Validate(code);

        Assert.False(check.IsValid);
        Assert.Equal(
            "Mã số thuế phải gồm 10 chữ số, hoặc 10 chữ số, dấu '-' và 3 chữ số của đơn vị phụ thuộc.",
            check.Error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void A_missing_tax_code_is_refused(string? code)
    {
        Assert.Equal("Mã số thuế không được để trống.", TaxCode.Validate(code).Error);
    }
}
