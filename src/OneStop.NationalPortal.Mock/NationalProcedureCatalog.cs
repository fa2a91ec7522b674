using System.Text.Json.Serialization;

namespace OneStop.NationalPortal.Mock;

/// <summary>A procedure of the national catalogue, named as DVCQG names it.</summary>
public sealed record NationalProcedure(
    [property: JsonPropertyName("MaTTHC")] string MaTTHC,
    [property: JsonPropertyName("TenTTHC")] string TenTTHC,
    [property: JsonPropertyName("MaLinhVuc")] string MaLinhVuc,
    [property: JsonPropertyName("TenLinhVuc")] string TenLinhVuc,
    [property: JsonPropertyName("CapThucHien")] string CapThucHien);

/// <summary>
/// The seed of the mock's national catalogue: the procedure codes of the shipped workflows/*.json (a test
/// checks they stay in step) plus two national procedures with no local definition, so the catalogue sync
/// has something that exists only nationally. Field codes are the mock's own ("LV-..."), not DVCQG's.
/// </summary>
public static class NationalProcedureCatalog
{
    public static IReadOnlyList<NationalProcedure> All { get; } =
    [
        new("1.001193", "Đăng ký khai sinh", "LV-HOTICH", "Hộ tịch", "Cấp Xã"),
        new("1.000894", "Đăng ký kết hôn", "LV-HOTICH", "Hộ tịch", "Cấp Xã"),
        new("2.000815", "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận", "LV-CHUNGTHUC", "Chứng thực", "Cấp Xã"),
        new("1.004222", "Đăng ký thường trú", "LV-CUTRU", "Đăng ký, quản lý cư trú", "Cấp Xã"),
        new("1.001776", "Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng, hỗ trợ kinh phí chăm sóc, nuôi dưỡng hằng tháng", "LV-BTXH", "Bảo trợ xã hội", "Cấp Xã"),
        new("1.001612", "Đăng ký thành lập hộ kinh doanh", "LV-HKD", "Thành lập và hoạt động của hộ kinh doanh", "Cấp Huyện"),
        new("2.001610", "Đăng ký thành lập doanh nghiệp tư nhân", "LV-DN", "Thành lập và hoạt động doanh nghiệp", "Cấp Tỉnh"),
        new("1.013236", "Cấp giấy phép xây dựng mới công trình cấp đặc biệt, cấp I, cấp II (công trình không theo tuyến, theo tuyến trong đô thị, tín ngưỡng, tôn giáo, tượng đài, tranh hoành tráng, theo giai đoạn, dự án)", "LV-XAYDUNG", "Hoạt động xây dựng", "Cấp Tỉnh"),
        new("1.000656", "Đăng ký khai tử", "LV-HOTICH", "Hộ tịch", "Cấp Xã"),
        new("1.003197", "Xóa đăng ký thường trú", "LV-CUTRU", "Đăng ký, quản lý cư trú", "Cấp Xã"),
        new("1.001731", "Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội", "LV-BTXH", "Bảo trợ xã hội", "Cấp Xã"),
        new("2.002621", "Đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi", "LV-HOTICH", "Hộ tịch", "Cấp Xã"),
        new("2.002622", "Đăng ký khai tử, xóa đăng ký thường trú, giải quyết mai táng phí, tử tuất", "LV-HOTICH", "Hộ tịch", "Cấp Xã"),
        new("1.000419", "Đăng ký khai tử lưu động", "LV-HOTICH", "Hộ tịch", "Cấp Xã"),
        new("2.000806", "Đăng ký kết hôn có yếu tố nước ngoài", "LV-HOTICH", "Hộ tịch", "Cấp Huyện"),
    ];
}
