using OneStop.Domain;
using OneStop.Domain.Definitions;
using OneStop.Domain.Units;

namespace OneStop.Infrastructure.Seeding;

/// <summary>
/// The second demo province (DESIGN §12), in its two-tier shape since 01/07/2025: Cao Bằng (04), which kept its
/// borders in the 2025 arrangement of provinces and has 56 commune-level units — 3 wards and 53 communes — under
/// the National Assembly Standing Committee's 2025 resolution arranging its communes (its number was not checked
/// here). Names and codes are the
/// General Statistics Office's (Official Letter 1027/CTK-CSCL of 25/06/2025, the codes of Decision 19/2025/QĐ-TTg):
/// read here from two independent public copies of that list, which agree on every code and name. The DVCQG agency
/// codes are illustrative (the shape of real ones; the province's own list was not available), and so are the
/// departments' and the ward police's unit codes (<c>04.STC</c>, <c>01273.CA</c>): the real tree comes from the
/// province's list through <c>POST /api/units/import</c>.
/// </summary>
public static class SecondProvince
{
    public const string Province = "04";
    /// <summary>Phường Thục Phán, in the provincial capital: the commune of <c>tiepnhan.xa2</c>, <c>chuyenvien.xa2</c>, <c>lanhdao.xa2</c>.</summary>
    public const string Commune = "01273";
    public const string FinanceDepartment = "04.STC";
    public const string AgricultureEnvironmentDepartment = "04.SNNMT";
    public const string ServiceCentre = "04.TTPVHCC";
    public const string CommunePolice = "01273.CA";

    private static readonly DateOnly ReformDay = new(2025, 7, 1);

    /// <summary>The 56 communes and wards, as (code, name), in code order.</summary>
    public static IReadOnlyList<(string Code, string Name)> Communes { get; } =
    [
        ("01273", "Phường Thục Phán"),
        ("01279", "Phường Nùng Trí Cao"),
        ("01288", "Phường Tân Giang"),
        ("01290", "Xã Bảo Lâm"),
        ("01294", "Xã Lý Bôn"),
        ("01297", "Xã Nam Quang"),
        ("01304", "Xã Quảng Lâm"),
        ("01318", "Xã Yên Thổ"),
        ("01321", "Xã Bảo Lạc"),
        ("01324", "Xã Cốc Pàng"),
        ("01327", "Xã Cô Ba"),
        ("01336", "Xã Khánh Xuân"),
        ("01339", "Xã Xuân Trường"),
        ("01351", "Xã Hưng Đạo"),
        ("01354", "Xã Huy Giáp"),
        ("01360", "Xã Sơn Lộ"),
        ("01363", "Xã Thông Nông"),
        ("01366", "Xã Cần Yên"),
        ("01387", "Xã Thanh Long"),
        ("01392", "Xã Trường Hà"),
        ("01393", "Xã Lũng Nặm"),
        ("01414", "Xã Tổng Cọt"),
        ("01438", "Xã Hà Quảng"),
        ("01447", "Xã Trà Lĩnh"),
        ("01456", "Xã Quang Hán"),
        ("01465", "Xã Quang Trung"),
        ("01477", "Xã Trùng Khánh"),
        ("01489", "Xã Đình Phong"),
        ("01501", "Xã Đàm Thủy"),
        ("01525", "Xã Đoài Dương"),
        ("01537", "Xã Lý Quốc"),
        ("01552", "Xã Quang Long"),
        ("01558", "Xã Hạ Lang"),
        ("01561", "Xã Vinh Quý"),
        ("01576", "Xã Quảng Uyên"),
        ("01594", "Xã Độc Lập"),
        ("01618", "Xã Hạnh Phúc"),
        ("01636", "Xã Bế Văn Đàn"),
        ("01648", "Xã Phục Hòa"),
        ("01654", "Xã Hòa An"),
        ("01660", "Xã Nam Tuấn"),
        ("01699", "Xã Nguyễn Huệ"),
        ("01708", "Xã Bạch Đằng"),
        ("01726", "Xã Nguyên Bình"),
        ("01729", "Xã Tĩnh Túc"),
        ("01738", "Xã Ca Thành"),
        ("01747", "Xã Minh Tâm"),
        ("01768", "Xã Phan Thanh"),
        ("01774", "Xã Tam Kim"),
        ("01777", "Xã Thành Công"),
        ("01786", "Xã Đông Khê"),
        ("01789", "Xã Canh Tân"),
        ("01792", "Xã Kim Đồng"),
        ("01795", "Xã Minh Khai"),
        ("01807", "Xã Thạch An"),
        ("01822", "Xã Đức Long"),
    ];

    public static IReadOnlyList<Unit> Units { get; } =
    [
        new(Province, "UBND tỉnh Cao Bằng", Levels.Province, null, "000.00.00.H12", ReformDay),
        new(ServiceCentre, "Trung tâm Phục vụ hành chính công tỉnh Cao Bằng", Levels.Province, Province, "000.00.30.H12", ReformDay, kind: UnitKinds.Centre),
        new(FinanceDepartment, "Sở Tài chính tỉnh Cao Bằng", Levels.Province, Province, "000.00.11.H12", ReformDay, kind: UnitKinds.Agency),
        new(AgricultureEnvironmentDepartment, "Sở Nông nghiệp và Môi trường tỉnh Cao Bằng", Levels.Province, Province, "000.00.12.H12", ReformDay, kind: UnitKinds.Agency),
        .. Communes.Select((c, i) => new Unit(c.Code, "UBND " + Lower(c.Name), Levels.Commune, Province, $"000.{i + 1:00}.01.H12", ReformDay)),
        new(CommunePolice, "Công an phường Thục Phán", Levels.Commune, Commune, "000.01.01.H12.CA", ReformDay, kind: UnitKinds.Agency),
    ];

    public static IReadOnlyList<DemoData.DemoAccount> Accounts { get; } =
    [
        new("tiepnhan.xa2", "Nông Thị Tiếp Nhận (phường Thục Phán)", RoleNames.Reception, Commune),
        new("chuyenvien.xa2", "Hoàng Văn Chuyên (phường Thục Phán)", RoleNames.Specialist, Commune),
        new("lanhdao.xa2", "Bế Văn Lãnh Đạo (phường Thục Phán)", RoleNames.Leader, Commune),
        .. DemoData.AgencyAccounts(ServiceCentre, "Trung tâm PVHCC tỉnh Cao Bằng"),
    ];

    /// <summary>"Phường Thục Phán" → "phường Thục Phán", as a committee's name continues "UBND ...".</summary>
    private static string Lower(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
