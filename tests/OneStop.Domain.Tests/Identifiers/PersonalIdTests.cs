using OneStop.Domain.Identifiers;

namespace OneStop.Domain.Tests.Identifiers;

public sealed class PersonalIdTests
{
    private static readonly DateOnly Today = new(2025, 7, 1);

    [Fact]
    public void The_demo_citizen_is_a_man_born_in_Binh_Thuan_in_1995()
    {
        var check = PersonalId.Validate("060095000123");

        Assert.True(check.IsValid, check.Error);
        Assert.Null(check.Error);
        Assert.Equal("060", check.ProvinceCode);
        Assert.Equal(1995, check.BirthYear);
        Assert.Equal(PersonalId.Male, check.Sex);
        Assert.Equal("Bình Thuận", PersonalId.ProvinceName(check.ProvinceCode!));
    }

    [Theory]
    [InlineData("001203004567")] // Hà Nội, woman born 2003
    [InlineData("079090123456")] // TP.HCM, man born 1990
    [InlineData("096325999999")] // Cà Mau, woman born 2025: the current year is not the future
    public void Well_formed_numbers_are_accepted(string id)
    {
        Assert.True(PersonalId.IsValid(id, Today));
    }

    [Theory]
    [InlineData(" 060095000123")]
    [InlineData("060095000123 ")]
    [InlineData("\t060095000123\n")]
    public void Surrounding_whitespace_is_ignored(string id)
    {
        var check = PersonalId.Validate(id);

        Assert.True(check.IsValid, check.Error);
        Assert.Equal("060", check.ProvinceCode);
    }

    [Theory]
    [InlineData("0600950001234")] // 13 digits
    [InlineData("06009500012")] // 11 digits
    [InlineData("06009500012A")] // a letter
    [InlineData("060 095 000 123")] // inner spaces are not normalised away
    [InlineData("060.095.000.123")]
    [InlineData("٠٦٠٠٩٥٠٠٠١٢٣")] // Arabic-Indic digits are digits to .NET, not to the register
    public void Anything_but_exactly_twelve_ASCII_digits_is_refused(string id)
    {
        var check = PersonalId.Validate(id);

        Assert.False(check.IsValid);
        Assert.Equal("Số định danh cá nhân phải gồm đúng 12 chữ số.", check.Error);
        Assert.Null(check.ProvinceCode);
        Assert.Null(check.BirthYear);
        Assert.Null(check.Sex);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_number_is_refused(string? id)
    {
        var check = PersonalId.Validate(id);

        Assert.False(check.IsValid);
        Assert.Equal("Số định danh cá nhân không được để trống.", check.Error);
    }

    [Theory]
    [InlineData("999", "999095000123")]
    [InlineData("000", "000095000123")]
    [InlineData("003", "003095000123")] // a gap in the official numbering
    [InlineData("097", "097095000123")] // one past Cà Mau
    public void An_unknown_province_code_is_refused(string code, string id)
    {
        var check = PersonalId.Validate(id);

        Assert.False(check.IsValid);
        Assert.Equal($"Mã tỉnh '{code}' trong số định danh không tồn tại.", check.Error);
    }

    [Theory]
    [InlineData('0', 1995, "male")]
    [InlineData('1', 1995, "female")]
    [InlineData('2', 2095, "male")]
    [InlineData('3', 2095, "female")]
    [InlineData('4', 2195, "male")]
    [InlineData('5', 2195, "female")]
    [InlineData('6', 2295, "male")]
    [InlineData('7', 2295, "female")]
    [InlineData('8', 1895, "male")]
    [InlineData('9', 1895, "female")]
    public void Every_century_digit_decodes_to_its_century_and_sex(char centuryDigit, int year, string sex)
    {
        var check = PersonalId.Validate($"001{centuryDigit}95000123");

        Assert.True(check.IsValid, check.Error);
        Assert.Equal(year, check.BirthYear);
        Assert.Equal(sex, check.Sex);
    }

    [Theory]
    [InlineData("001226000123", 2026)] // next year
    [InlineData("001495000123", 2195)] // a later century
    public void A_birth_year_in_the_future_is_refused_when_today_is_known(string id, int year)
    {
        var check = PersonalId.Validate(id, Today);

        Assert.False(check.IsValid);
        Assert.Equal($"Năm sinh {year} suy ra từ số định danh nằm trong tương lai.", check.Error);
    }

    [Fact]
    public void Without_today_the_birth_year_is_not_compared_with_the_clock()
    {
        Assert.True(PersonalId.IsValid("001226000123"));
    }

    [Fact]
    public void The_province_table_holds_the_63_pre_2025_provinces()
    {
        Assert.Equal(63, PersonalId.ProvinceCodes.Count);
        Assert.All(PersonalId.ProvinceCodes.Keys, code => Assert.Matches("^0[0-9]{2}$", code));
        Assert.Equal("Hà Nội", PersonalId.ProvinceName("001"));
        Assert.Equal("Hồ Chí Minh", PersonalId.ProvinceName("079"));
        Assert.Equal("Cà Mau", PersonalId.ProvinceName("096"));
        Assert.Null(PersonalId.ProvinceName("999"));
    }
}
