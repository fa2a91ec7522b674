namespace OneStop.NationalServices.Mock;

/// <summary>A person as the national population database (CSDLQG về dân cư) answers about them.</summary>
public sealed record PopulationRecord(
    string SoDinhDanh, string HoVaTen, string NgaySinh, string GioiTinh, string QueQuan, string NoiThuongTru, string NoiOHienTai,
    string QuocTich = "Việt Nam");

/// <summary>An enterprise as the national business registration database (CSDLQG về đăng ký doanh nghiệp) answers.</summary>
public sealed record BusinessRecord(
    string MaSoThue, string TenDoanhNghiep, string LoaiHinh, string DiaChiTruSo, string NguoiDaiDien, string NgayCapMaSo, string TinhTrang);

/// <summary>A VNeID account of the mock provider: a personal ID, its password and its identification level (1 or 2).</summary>
public sealed record VneidIdentity(string PersonalId, string Password, int Level, string FullName, string BirthDate);

/// <summary>
/// The mock's fixed data: the test identities of DESIGN §14 (060095000123 at level 2, 060095000999 at level 1,
/// password Demo@12345), the people the population registry knows and the enterprises the business registry knows.
/// Names and addresses are invented; the codes are valid personal IDs and tax codes (province 060, Bình Thuận).
/// </summary>
public static class NationalTestData
{
    public const string DemoPassword = "Demo@12345";
    public const string LevelTwoId = "060095000123";
    public const string LevelOneId = "060095000999";

    public static readonly IReadOnlyList<VneidIdentity> Identities =
    [
        new(LevelTwoId, DemoPassword, 2, "Nguyễn Văn Công Dân", "1995-04-12"),
        new(LevelOneId, DemoPassword, 1, "Trần Văn Mức Một", "1995-09-30"),
    ];

    public static readonly IReadOnlyList<PopulationRecord> People =
    [
        new(LevelTwoId, "Nguyễn Văn Công Dân", "1995-04-12", "Nam", "Xã Hàm Tiến, tỉnh Bình Thuận",
            "12 Nguyễn Đình Chiểu, khu phố 1, phường Hàm Tiến, tỉnh Bình Thuận", "12 Nguyễn Đình Chiểu, khu phố 1, phường Hàm Tiến, tỉnh Bình Thuận"),
        new(LevelOneId, "Trần Văn Mức Một", "1995-09-30", "Nam", "Xã Tiến Thành, tỉnh Bình Thuận",
            "45 Võ Văn Kiệt, phường Phú Thủy, tỉnh Bình Thuận", "45 Võ Văn Kiệt, phường Phú Thủy, tỉnh Bình Thuận"),
        new("060195000321", "Lê Thị Thường Trú", "1995-01-20", "Nữ", "Xã Hàm Mỹ, tỉnh Bình Thuận",
            "8 Trần Hưng Đạo, phường Đức Nghĩa, tỉnh Bình Thuận", "8 Trần Hưng Đạo, phường Đức Nghĩa, tỉnh Bình Thuận"),
    ];

    public static readonly IReadOnlyList<BusinessRecord> Businesses =
    [
        new("0100109106", "Công ty TNHH Hàm Tiến", "Công ty trách nhiệm hữu hạn hai thành viên trở lên",
            "20 Nguyễn Đình Chiểu, phường Hàm Tiến, tỉnh Bình Thuận", "Lê Thị Đại Diện", "2008-05-14", "Đang hoạt động"),
        new("0314409058", "Doanh nghiệp tư nhân Mũi Né", "Doanh nghiệp tư nhân",
            "3 Huỳnh Thúc Kháng, phường Mũi Né, tỉnh Bình Thuận", "Phạm Văn Chủ", "2017-06-02", "Đang hoạt động"),
    ];
}
