using System.Text.Json.Nodes;
using OneStop.Api.Tests.Infrastructure;

namespace OneStop.Api.Tests.Portal;

/// <summary>Entries in DVCQG's real format, valid for the mock portal, for tests that call it directly.</summary>
public static class PortalSamples
{
    /// <summary>A DongBoHoSoMC entry of a counter birth registration in the real format, as OneStop sends it.</summary>
    public static JsonObject Entry(string code, int status) => new()
    {
        ["MaHoSo"] = code,
        ["MaTTHC"] = "1.001193",
        ["TenTTHC"] = "Đăng ký khai sinh",
        ["MaLinhVuc"] = "LV-HOTICH",
        ["TenLinhVuc"] = "Hộ tịch",
        ["KenhThucHien"] = "1",
        ["ChuHoSo"] = "Nguyễn Văn Công Dân",
        ["LoaiDoiTuong"] = "1",
        ["Email"] = "",
        ["SoDienThoai"] = "0912345678",
        ["TrichYeuHoSo"] = "Đăng ký khai sinh - Nguyễn Văn Công Dân",
        ["NgayNopHoSo"] = "20260302090000",
        ["NgayTiepNhan"] = status == 1 ? "" : "20260302091500",
        ["NgayHenTra"] = status == 1 ? "" : "20260303170000",
        ["TrangThaiHoSo"] = status.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["NgayTra"] = "",
        ["HinhThuc"] = "0",
        ["NgayKetThucXuLy"] = "",
        ["DonViXuLy"] = "UBND phường Hàm Tiến",
        ["NgayTuChoi"] = "",
        ["NoiNopHoSo"] = "2",
        ["HoSoCoThanhPhanSoHoa"] = "1",
        ["TaiKhoanDuocXacThucVoiVNeID"] = "0",
        ["DuocThanhToanTrucTuyen"] = "0",
        ["DinhDanhCHS"] = new JsonArray(new JsonObject { ["LoaiDinhDanh"] = "1", ["SoDinhDanh"] = Demo.CitizenId }),
        ["TaiLieuNop"] = new JsonArray(new JsonObject
        {
            ["TenTepDinhKem"] = "to-khai-khai-sinh.pdf",
            ["MaThanhPhanHoSo"] = "TKKS",
            ["DuongDanTaiTepTin"] = "http://localhost/api/portal-files/abc",
            ["DuocSoHoa"] = "1",
            ["DuocTaiSuDung"] = "0",
            ["DuocLayTuKhoDMQG"] = "0",
        }),
        ["DanhSachLePhi"] = new JsonArray(new JsonObject { ["TenPhiLePhi"] = "Lệ phí", ["MaPhiLePhi"] = "1", ["HinhThucThu"] = "1", ["Gia"] = "8000", ["LoaiPhiLePhi"] = "1" }),
        ["DanhSachHoSoBoSung"] = new JsonArray(),
        ["DanhSachGiayToKetQua"] = new JsonArray(),
        ["DSKetNoiCSDL"] = new JsonArray(),
    };

    public static JsonObject Step(string code, int status) => new()
    {
        ["MaHoSo"] = code,
        ["NguoiXuLy"] = "Trần Văn Chuyên (xã)",
        ["ChucDanh"] = "Chuyên viên",
        ["ThoiDiemXuLy"] = "20260302100000",
        ["PhongBanXuLy"] = "UBND phường Hàm Tiến",
        ["NoiDungXuLy"] = "Hoàn thành bước Thẩm định; chuyển bước Phê duyệt",
        ["TrangThai"] = status.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["NgayBatDau"] = "20260302091500",
        ["NgayKetThucTheoQuyDinh"] = "20260303170000",
    };
}
