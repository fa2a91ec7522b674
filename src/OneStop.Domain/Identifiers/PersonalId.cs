using System.Collections.Frozen;
using System.Globalization;

namespace OneStop.Domain.Identifiers;

/// <summary>
/// Outcome of checking a personal identification number. When <see cref="IsValid"/> is false,
/// <see cref="Error"/> says why in Vietnamese and the decoded parts are null.
/// </summary>
/// <param name="Sex"><see cref="PersonalId.Male"/> or <see cref="PersonalId.Female"/>.</param>
public sealed record PersonalIdCheck(bool IsValid, string? Error, string? ProvinceCode, int? BirthYear, string? Sex)
{
    internal static PersonalIdCheck Fail(string error) => new(false, error, null, null, null);
}

/// <summary>
/// Số định danh cá nhân (the 12-digit number on the CCCD / căn cước card), structured per
/// Circular 59/2021/TT-BCA (previously 07/2016/TT-BCA): province of birth registration (3 digits),
/// century+sex (1), last two digits of the birth year (2), random serial (6).
/// </summary>
/// <remarks>
/// The number carries no check digit, so this catches typos only where they land in the province or
/// a future birth year; the population database is the only real authority.
/// </remarks>
public static class PersonalId
{
    public const int Length = 12;
    public const string Male = "male";
    public const string Female = "female";

    // The 63 codes of the appendix to Circular 07/2016/TT-BCA, kept by Circular 59/2021/TT-BCA.
    // Numbers already issued keep these codes after the 2025 province mergers: the code records where
    // the birth was registered, not where the person lives now.
    private static readonly FrozenDictionary<string, string> Provinces = new Dictionary<string, string>
    {
        ["001"] = "Hà Nội",
        ["002"] = "Hà Giang",
        ["004"] = "Cao Bằng",
        ["006"] = "Bắc Kạn",
        ["008"] = "Tuyên Quang",
        ["010"] = "Lào Cai",
        ["011"] = "Điện Biên",
        ["012"] = "Lai Châu",
        ["014"] = "Sơn La",
        ["015"] = "Yên Bái",
        ["017"] = "Hòa Bình",
        ["019"] = "Thái Nguyên",
        ["020"] = "Lạng Sơn",
        ["022"] = "Quảng Ninh",
        ["024"] = "Bắc Giang",
        ["025"] = "Phú Thọ",
        ["026"] = "Vĩnh Phúc",
        ["027"] = "Bắc Ninh",
        ["030"] = "Hải Dương",
        ["031"] = "Hải Phòng",
        ["033"] = "Hưng Yên",
        ["034"] = "Thái Bình",
        ["035"] = "Hà Nam",
        ["036"] = "Nam Định",
        ["037"] = "Ninh Bình",
        ["038"] = "Thanh Hóa",
        ["040"] = "Nghệ An",
        ["042"] = "Hà Tĩnh",
        ["044"] = "Quảng Bình",
        ["045"] = "Quảng Trị",
        ["046"] = "Thừa Thiên Huế",
        ["048"] = "Đà Nẵng",
        ["049"] = "Quảng Nam",
        ["051"] = "Quảng Ngãi",
        ["052"] = "Bình Định",
        ["054"] = "Phú Yên",
        ["056"] = "Khánh Hòa",
        ["058"] = "Ninh Thuận",
        ["060"] = "Bình Thuận",
        ["062"] = "Kon Tum",
        ["064"] = "Gia Lai",
        ["066"] = "Đắk Lắk",
        ["067"] = "Đắk Nông",
        ["068"] = "Lâm Đồng",
        ["070"] = "Bình Phước",
        ["072"] = "Tây Ninh",
        ["074"] = "Bình Dương",
        ["075"] = "Đồng Nai",
        ["077"] = "Bà Rịa - Vũng Tàu",
        ["079"] = "Hồ Chí Minh",
        ["080"] = "Long An",
        ["082"] = "Tiền Giang",
        ["083"] = "Bến Tre",
        ["084"] = "Trà Vinh",
        ["086"] = "Vĩnh Long",
        ["087"] = "Đồng Tháp",
        ["089"] = "An Giang",
        ["091"] = "Kiên Giang",
        ["092"] = "Cần Thơ",
        ["093"] = "Hậu Giang",
        ["094"] = "Sóc Trăng",
        ["095"] = "Bạc Liêu",
        ["096"] = "Cà Mau",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>All province codes with their names, for pick lists and tests.</summary>
    public static IReadOnlyDictionary<string, string> ProvinceCodes => Provinces;

    /// <summary>The province name for a 3-digit code, or null if no such code exists.</summary>
    public static string? ProvinceName(string code3) =>
        Provinces.TryGetValue(code3, out var name) ? name : null;

    /// <param name="today">
    /// When given, a birth year after today's year is refused. Optional so that pure format checks
    /// need no clock; callers that have a <see cref="TimeProvider"/> should pass its date.
    /// </param>
    public static PersonalIdCheck Validate(string? value, DateOnly? today = null)
    {
        // Trim only: a number typed with inner spaces or dots is refused rather than guessed at.
        var id = value?.Trim();
        if (string.IsNullOrEmpty(id))
        {
            return PersonalIdCheck.Fail("Số định danh cá nhân không được để trống.");
        }
        if (id.Length != Length || id.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            return PersonalIdCheck.Fail("Số định danh cá nhân phải gồm đúng 12 chữ số.");
        }

        var province = id[..3];
        if (!Provinces.ContainsKey(province))
        {
            return PersonalIdCheck.Fail($"Mã tỉnh '{province}' trong số định danh không tồn tại.");
        }

        // Every value of the fourth digit is defined (1800s to 2200s), so it never fails on its own;
        // it only decides the century the two year digits belong to.
        var centuryDigit = id[3] - '0';
        var century = centuryDigit switch
        {
            0 or 1 => 1900,
            2 or 3 => 2000,
            4 or 5 => 2100,
            6 or 7 => 2200,
            _ => 1800,
        };
        var birthYear = century + int.Parse(id.AsSpan(4, 2), NumberStyles.None, CultureInfo.InvariantCulture);
        if (today is { } date && birthYear > date.Year)
        {
            return PersonalIdCheck.Fail(
                $"Năm sinh {birthYear.ToString(CultureInfo.InvariantCulture)} suy ra từ số định danh nằm trong tương lai.");
        }

        var sex = centuryDigit % 2 == 0 ? Male : Female;
        return new PersonalIdCheck(true, null, province, birthYear, sex);
    }

    public static bool IsValid(string? value, DateOnly? today = null) => Validate(value, today).IsValid;
}
