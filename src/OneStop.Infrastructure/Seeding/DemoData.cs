using OneStop.Domain;
using OneStop.Domain.Definitions;
using OneStop.Domain.Units;

namespace OneStop.Infrastructure.Seeding;

/// <summary>
/// The demo data of DESIGN §12, seeded once on the embedded default only. Codes 60, 593 and 22918 are
/// the General Statistics Office codes of Bình Thuận, Phan Thiết and Hàm Tiến; the other units are
/// illustrative. Agency codes follow the shape of the DVCQG agency codes in dossier codes.
/// </summary>
public static class DemoData
{
    public const string Password = "Demo@12345";
    public const string CitizenPersonalId = "060095000123";

    private static readonly DateOnly Since = new(2020, 1, 1);

    /// <summary>The last day of the three-level structure: districts end on 30/06/2025.</summary>
    public static readonly DateOnly LastDistrictDay = new(2025, 6, 30);

    /// <summary>
    /// Phan Thiết (593) and its communes stay as before 01/07/2025, because the binding demo accounts work
    /// there. Bắc Bình (596) shows the two-level structure after the 2025 reform, effective 01/07/2025:
    /// Resolution 202/2025/QH15 of the National Assembly (arrangement of provincial-level units, under which
    /// Bình Thuận joins Lâm Đồng), the 2025 Law on the Organisation of Local Government (no district level)
    /// and the resolution of the National Assembly Standing Committee (NQ-UBTVQH15) arranging the province's
    /// commune-level units. So 596 is valid until 30/06/2025 with the province as successor, and its communes
    /// hang directly under the province. Province 60 keeps its old name and code because DESIGN §12 binds
    /// them. The tree keeps only each unit's current parent: that the communes were under 596 is history.
    /// </summary>
    public static IReadOnlyList<Unit> Units { get; } =
    [
        new("60", "UBND tỉnh Bình Thuận", Levels.Province, null, "000.00.00.H56", Since),
        new("593", "UBND thành phố Phan Thiết", Levels.District, "60", "000.00.22.H56", Since),
        new("22918", "UBND phường Hàm Tiến", Levels.Commune, "593", "000.17.22.H56", Since),
        new("22915", "UBND phường Mũi Né", Levels.Commune, "593", "000.16.22.H56", Since),
        new("596", "UBND huyện Bắc Bình", Levels.District, "60", "000.00.26.H56", Since, LastDistrictDay, successorCode: "60"),
        new("23005", "UBND thị trấn Chợ Lầu", Levels.Commune, "60", "000.11.26.H56", Since),
        new("23011", "UBND xã Phan Rí Thành", Levels.Commune, "60", "000.12.26.H56", Since),
        // Provincial agencies consulted on construction permits (DESIGN §12). Their agency codes are illustrative,
        // in the shape of DVCQG agency codes; the real ones come from the province's list.
        new(BuildingDepartment, "Sở Xây dựng tỉnh Bình Thuận", Levels.Province, "60", "000.00.06.H56", Since, kind: UnitKinds.Agency),
        new(FirePolice, "Phòng Cảnh sát PCCC và CNCH, Công an tỉnh Bình Thuận", Levels.Province, "60", "000.00.48.H56", Since, kind: UnitKinds.Agency),
        // The department that registers enterprises (its Business Registration Office, Decree 168/2025/NĐ-CP) decides
        // the any-point enterprise procedure; the ward police decides permanent residence (Law on Residence 2020 art. 22).
        new(FinanceDepartment, "Sở Tài chính tỉnh Bình Thuận", Levels.Province, "60", "000.00.11.H56", Since, kind: UnitKinds.Agency),
        new(CommunePolice, "Công an phường Hàm Tiến", Levels.Commune, "22918", "000.17.22.H56.CA", Since, kind: UnitKinds.Agency),
        // The social-insurance agency that issues the under-6 health-insurance card of the birth package (Decree
        // 63/2024/NĐ-CP). Its agency code is illustrative like those above.
        new(SocialInsurance, "Bảo hiểm xã hội tỉnh Bình Thuận", Levels.Province, "60", "000.00.35.H56", Since, kind: UnitKinds.Agency),
        .. SecondProvince.Units,
    ];

    public const string BuildingDepartment = "60.SXD";
    public const string FirePolice = "60.PCCC";
    public const string FinanceDepartment = "60.STC";
    public const string CommunePolice = "22918.CA";
    public const string SocialInsurance = "60.BHXH";

    public sealed record DemoAccount(string UserName, string FullName, string Role, string? UnitCode, string? PersonalId = null);

    public static IReadOnlyList<DemoAccount> Accounts { get; } =
    [
        new("admin", "Quản trị hệ thống", "admin", null),
        new("tiepnhan.xa", "Nguyễn Thị Tiếp Nhận (xã)", "reception", "22918"),
        new("chuyenvien.xa", "Trần Văn Chuyên (xã)", "specialist", "22918"),
        new("lanhdao.xa", "Lê Văn Lãnh Đạo (xã)", "leader", "22918"),
        new("tiepnhan.huyen", "Phạm Thị Tiếp Nhận (huyện)", "reception", "593"),
        new("chuyenvien.huyen", "Hoàng Văn Chuyên (huyện)", "specialist", "593"),
        new("lanhdao.huyen", "Võ Văn Lãnh Đạo (huyện)", "leader", "593"),
        new("tiepnhan.tinh", "Đặng Thị Tiếp Nhận (tỉnh)", "reception", "60"),
        new("chuyenvien.tinh", "Bùi Văn Chuyên (tỉnh)", "specialist", "60"),
        new("lanhdao.tinh", "Đỗ Văn Lãnh Đạo (tỉnh)", "leader", "60"),
        new("congdan", "Nguyễn Văn Công Dân", "citizen", null, CitizenPersonalId),
        new("thamdinh.sxd", "Trương Văn Thẩm Định (Sở Xây dựng)", RoleNames.Appraiser, BuildingDepartment),
        new("thamdinh.pccc", "Lý Thị Thẩm Định (PCCC)", RoleNames.Appraiser, FirePolice),
        .. Units.Where(u => u.Kind == UnitKinds.Agency).SelectMany(u => AgencyAccounts(u.Code, u.Name)),
        .. SecondProvince.Accounts,
    ];

    /// <summary>Every seeded agency has its counter, specialist and leader: <c>tiepnhan.60.sxd</c>, <c>chuyenvien.22918.ca</c> and so on.</summary>
    internal static IEnumerable<DemoAccount> AgencyAccounts(string unitCode, string label)
    {
        var suffix = unitCode.ToLowerInvariant();
        yield return new($"tiepnhan.{suffix}", $"Cán bộ một cửa ({label})", RoleNames.Reception, unitCode);
        yield return new($"chuyenvien.{suffix}", $"Chuyên viên ({label})", RoleNames.Specialist, unitCode);
        yield return new($"lanhdao.{suffix}", $"Lãnh đạo ({label})", RoleNames.Leader, unitCode);
    }
}
