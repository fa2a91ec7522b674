using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OneStop.NationalPortal.Mock;

/// <summary>A refused field: named by its JSON path in the call's body, e.g. <c>data[0].TrangThaiHoSo</c>.</summary>
public sealed record PortalFieldError(string Field, string Message);

/// <summary>
/// Checks the <c>data</c> entries of DongBoHoSoMC and CapNhatTienDoHoSoMC against what DVCQG is known to require,
/// read from the two public clients (VietOpenCPS/opencps-v2 <c>DVCQGIntegrationActionImpl</c>, which marks the
/// optional fields "ko bb", and the Thanh Hóa .NET system's <c>SyncDataToDVCQG</c> DTOs): every code, flag and
/// amount is a string, dates are <c>yyyyMMddHHmmss</c> or <c>""</c> when unknown, <c>DinhDanhCHS</c> is a list,
/// <c>NgayTiepNhan</c> is blank before reception and a date after it, <c>NguoiXuLy</c> is at most 50 characters.
/// </summary>
public static class PortalPayload
{
    /// <summary>DVCQG's date format, in Vietnam time.</summary>
    public const string DateFormat = "yyyyMMddHHmmss";

    /// <summary>CapNhatTienDoHoSoMC takes at most ten steps per call (the Thanh Hóa client sends chunks of ten).</summary>
    public const int MaxProgressPerCall = 10;

    /// <summary>DVCQG cuts the person who handled a step at 50 characters (the Thanh Hóa client shortens longer names).</summary>
    public const int MaxNguoiXuLy = 50;

    private static readonly string[] Statuses = Codes(1, 10);

    /// <summary>Reads one DongBoHoSoMC entry at <paramref name="path"/> (e.g. <c>data[0]</c>), or names its first faulty field.</summary>
    public static (PortalEntry? Entry, PortalFieldError? Error) ReadDossier(JsonObject entry, string path)
    {
        var read = new FieldReader(entry, path + ".");
        var maHoSo = read.Text("MaHoSo", nonEmpty: true);
        read.Text("MaTTHC", nonEmpty: true);
        read.Text("TenTTHC", nonEmpty: true);
        var status = read.Code("TrangThaiHoSo", Statuses);
        read.Code("LoaiDoiTuong", Codes(1, 4));
        read.Code("KenhThucHien", Codes(1, 3));
        read.Code("HinhThuc", Codes(0, 1));
        read.Code("NoiNopHoSo", Codes(1, 2));
        read.Code("HoSoCoThanhPhanSoHoa", Codes(0, 1));
        read.Code("TaiKhoanDuocXacThucVoiVNeID", Codes(0, 1));
        read.Code("DuocThanhToanTrucTuyen", Codes(0, 3));
        read.Text("DonViXuLy", nonEmpty: true);
        foreach (var text in (string[])["MaLinhVuc", "TenLinhVuc", "ChuHoSo", "Email", "SoDienThoai", "TrichYeuHoSo"])
            read.Text(text);
        read.Date("NgayNopHoSo", required: true);
        // Received once TrangThaiHoSo is 2 or beyond; a refusal at reception (3) may have either.
        var received = int.TryParse(status, CultureInfo.InvariantCulture, out var code) && code is 2 or >= 4;
        read.Date("NgayTiepNhan", required: received, mustBeBlank: status == "1");
        read.Date("NgayHenTra", required: received);
        foreach (var date in (string[])["NgayTra", "NgayKetThucXuLy", "NgayTuChoi"])
            read.Date(date);
        read.List("DinhDanhCHS", nonEmpty: true, each: id =>
        {
            id.Text("LoaiDinhDanh", nonEmpty: true);
            id.Text("SoDinhDanh", nonEmpty: true);
        });
        read.List("TaiLieuNop", each: paper =>
        {
            paper.Text("TenTepDinhKem", nonEmpty: true);
            paper.Text("MaThanhPhanHoSo");
            paper.Link("DuongDanTaiTepTin", required: true);
            paper.Code("DuocSoHoa", Codes(0, 1));
            paper.Code("DuocTaiSuDung", Codes(0, 2));
            paper.Code("DuocLayTuKhoDMQG", Codes(0, 1));
        });
        read.List("DanhSachLePhi", each: fee =>
        {
            fee.Text("TenPhiLePhi", nonEmpty: true);
            fee.Amount("Gia");
        });
        read.List("DanhSachHoSoBoSung", each: supplement =>
        {
            supplement.Date("NgayBoSung", required: true);
            supplement.Date("NgayTiepNhanBoSung");
            supplement.Date("NgayHenTraTruoc");
            supplement.Date("NgayHenTraMoi");
        });
        read.List("DanhSachGiayToKetQua", each: result =>
        {
            result.Text("TenGiayTo", nonEmpty: true);
            result.Link("DuongDanTepTinKetQua", required: false);
        });
        read.List("DSKetNoiCSDL", each: link => link.Text("MaCSDL", nonEmpty: true));
        return read.Error is { } error
            ? (null, error)
            : (new PortalEntry(maHoSo, int.Parse(status, CultureInfo.InvariantCulture), JsonSerializer.SerializeToElement(entry)), null);
    }

    /// <summary>Reads one CapNhatTienDoHoSoMC entry, or names its first faulty field.</summary>
    public static (PortalEntry? Entry, PortalFieldError? Error) ReadProgress(JsonObject entry, string path)
    {
        var read = new FieldReader(entry, path + ".");
        var maHoSo = read.Text("MaHoSo", nonEmpty: true);
        var person = read.Text("NguoiXuLy", nonEmpty: true);
        if (read.Error is null && person.Length > MaxNguoiXuLy)
            read.Fail("NguoiXuLy", $"dài tối đa {MaxNguoiXuLy} ký tự");
        read.Text("ChucDanh");
        read.Text("PhongBanXuLy");
        read.Text("NoiDungXuLy");
        read.Date("ThoiDiemXuLy", required: true);
        var status = read.Code("TrangThai", Statuses);
        read.Date("NgayBatDau");
        read.Date("NgayKetThucTheoQuyDinh");
        return read.Error is { } error
            ? (null, error)
            : (new PortalEntry(maHoSo, int.Parse(status, CultureInfo.InvariantCulture), JsonSerializer.SerializeToElement(entry)), null);
    }

    private static string[] Codes(int from, int to) =>
        Enumerable.Range(from, to - from + 1).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();

    /// <summary>Reads fields of one JSON object and keeps the first error, so the answer names one field.</summary>
    private sealed class FieldReader(JsonObject node, string prefix)
    {
        public PortalFieldError? Error { get; private set; }

        /// <summary>A string that must be present; with <paramref name="nonEmpty"/> not blank either.</summary>
        public string Text(string name, bool nonEmpty = false)
        {
            if (Error is not null)
                return "";
            var value = node[name];
            if (value is null)
                return Fail(name, "là bắt buộc");
            if (value.GetValueKind() != JsonValueKind.String)
                return Fail(name, "phải là chuỗi ký tự (DVCQG nhận mọi mã, cờ và ngày dưới dạng chuỗi)");
            var text = value.GetValue<string>();
            return nonEmpty && string.IsNullOrWhiteSpace(text) ? Fail(name, "không được để trống") : text;
        }

        /// <summary>A code of <paramref name="allowed"/>, written as a string ("1", not 1).</summary>
        public string Code(string name, string[] allowed)
        {
            var text = Text(name, nonEmpty: true);
            return Error is null && !allowed.Contains(text)
                ? Fail(name, $"phải là một trong các mã \"{string.Join("\", \"", allowed)}\"")
                : text;
        }

        /// <summary><c>yyyyMMddHHmmss</c>, or "" for a date not reached yet.</summary>
        public void Date(string name, bool required = false, bool mustBeBlank = false)
        {
            var text = Text(name);
            if (Error is not null)
                return;
            if (text.Length == 0)
            {
                if (required)
                    Fail(name, $"phải là ngày giờ dạng {DateFormat} ở trạng thái hồ sơ này");
                return;
            }
            if (mustBeBlank)
                Fail(name, "phải để trống (\"\") khi hồ sơ chưa được tiếp nhận");
            else if (!DateTime.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                Fail(name, $"phải là ngày giờ dạng {DateFormat} (giờ Việt Nam) hoặc \"\"");
        }

        /// <summary>An absolute http(s) address the portal can download from; blank only when not <paramref name="required"/>.</summary>
        public void Link(string name, bool required)
        {
            var text = Text(name, nonEmpty: required);
            if (Error is null && text.Length > 0
                && !(Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
                Fail(name, "phải là địa chỉ http(s) tuyệt đối để Cổng tải tệp về");
        }

        /// <summary>A money amount as DVCQG takes it: a string of digits (đồng).</summary>
        public void Amount(string name)
        {
            var text = Text(name, nonEmpty: true);
            if (Error is null && !text.All(char.IsAsciiDigit))
                Fail(name, "phải là chuỗi chữ số (số tiền, đồng)");
        }

        public void List(string name, Action<FieldReader> each, bool nonEmpty = false)
        {
            if (Error is not null)
                return;
            var value = node[name];
            if (value is not JsonArray items)
            {
                Fail(name, value is null ? "là bắt buộc (danh sách, có thể rỗng)" : "phải là một danh sách");
                return;
            }
            if (nonEmpty && items.Count == 0)
            {
                Fail(name, "phải có ít nhất một phần tử");
                return;
            }
            for (var i = 0; i < items.Count && Error is null; i++)
            {
                var path = $"{prefix}{name}[{i}]";
                if (items[i] is not JsonObject item)
                {
                    Error = new PortalFieldError(path, $"Phần tử {path} phải là một đối tượng.");
                    return;
                }
                var inner = new FieldReader(item, path + ".");
                each(inner);
                Error = inner.Error;
            }
        }

        public string Fail(string name, string rule)
        {
            Error ??= new PortalFieldError(prefix + name, $"Trường {prefix + name} {rule}.");
            return "";
        }
    }
}
