using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OneStop.NationalPortal.Mock;

/// <summary>A refused field: the portal's 400 names it by its JSON path, as the client wrote it.</summary>
public sealed record PortalFieldError(string Field, string Message);

/// <summary>
/// Reads and checks the bodies of DongBoHoSoMC and CapNhatTienDoHoSoMC. Like the systems that feed DVCQG
/// (OpenCPS, the provincial .NET portals), clients send codes as strings ("1") as often as numbers, and
/// blank strings for dates they do not have yet; both are accepted. Everything the client sends is stored
/// as it came (less the session), for tests to inspect.
/// </summary>
public static class PortalPayload
{
    /// <summary>DVCQG's date format, in Vietnam time.</summary>
    public const string DateFormat = "yyyyMMddHHmmss";

    /// <summary>Reads a DongBoHoSoMC body, or names its first faulty field.</summary>
    public static (PortalMessage? Message, PortalFieldError? Error) ReadDossier(JsonObject body)
    {
        var read = new FieldReader(body);
        var maHoSo = read.String("MaHoSo", required: true);
        read.String("MaTTHC", required: true);
        var trangThai = read.Int("TrangThaiHoSo", 1, 10, required: true);
        read.Date("NgayNopHoSo", required: true);
        var (idempotencyKey, soThuTu) = Delivery(read);
        read.Int("LoaiDoiTuong", 1, 2);
        read.Int("KenhThucHien", 1, 3);
        read.Flag("HoSoCoThanhPhanSoHoa");
        read.DinhDanh("DinhDanhCHS");
        foreach (var date in (string[])["NgayTiepNhan", "NgayHenTra", "NgayTra", "NgayKetThucXuLy", "NgayTuChoi"])
            read.Date(date);
        read.Items("TaiLieuNop", paper =>
        {
            paper.Flag("DuocSoHoa");
            paper.Flag("DuocTaiSuDung");
            paper.Flag("DuocLayTuKhoDMQG");
        });
        read.Items("DanhSachHoSoBoSung", supplement =>
        {
            supplement.Date("NgayHenTraTruoc");
            supplement.Date("NgayHenTraMoi");
        });
        read.Items("DanhSachGiayToKetQua", result => result.String("TenGiayTo", required: true));
        return read.Error is { } error
            ? (null, error)
            : (new PortalMessage(PortalServices.DongBoHoSoMC, maHoSo, idempotencyKey, soThuTu, trangThai, Stored(body)), null);
    }

    /// <summary>Reads a CapNhatTienDoHoSoMC body, or names its first faulty field.</summary>
    public static (PortalMessage? Message, PortalFieldError? Error) ReadProgress(JsonObject body)
    {
        var read = new FieldReader(body);
        var maHoSo = read.String("MaHoSo", required: true);
        read.String("NguoiXuLy", required: true);
        read.Date("ThoiDiemXuLy", required: true);
        var trangThai = read.Int("TrangThai", 1, 10, required: true);
        var (idempotencyKey, soThuTu) = Delivery(read);
        read.Date("NgayBatDau");
        read.Date("NgayKetThucTheoQuyDinh");
        return read.Error is { } error
            ? (null, error)
            : (new PortalMessage(PortalServices.CapNhatTienDoHoSoMC, maHoSo, idempotencyKey, soThuTu, trangThai, Stored(body)), null);
    }

    /// <summary>Our delivery metadata, not DVCQG's: the outbox's idempotency key and per-dossier sequence.</summary>
    private static (string IdempotencyKey, int SoThuTu) Delivery(FieldReader read) =>
        (read.String("IdempotencyKey", required: true), read.Int("SoThuTu", 1, int.MaxValue, required: true, rule: "phải là số nguyên từ 1 trở lên"));

    /// <summary>The body as stored: an immutable copy (safe to read from any thread) without the session.</summary>
    private static JsonElement Stored(JsonObject body)
    {
        var copy = body.DeepClone().AsObject();
        copy.Remove("session");
        return JsonSerializer.SerializeToElement(copy);
    }

    /// <summary>Reads fields of one JSON object and keeps the first error, so the answer names one field.</summary>
    private sealed class FieldReader(JsonObject node, string prefix = "")
    {
        public PortalFieldError? Error { get; private set; }

        public string String(string name, bool required = false)
        {
            var value = node[name];
            if (Error is not null || value is null)
                return Required(name, required, "");
            if (value.GetValueKind() != JsonValueKind.String)
                return Fail(name, "phải là chuỗi ký tự", "");
            var text = value.GetValue<string>();
            return string.IsNullOrWhiteSpace(text) ? Required(name, required, "") : text;
        }

        public int Int(string name, int min, int max, bool required = false, string? rule = null)
        {
            var value = node[name];
            if (Error is not null || IsAbsent(value))
                return Required(name, required, 0);
            int? parsed = value!.GetValueKind() switch
            {
                JsonValueKind.Number => value.AsValue().TryGetValue(out int number) ? number : null,
                JsonValueKind.String => int.TryParse(value.GetValue<string>(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null,
                _ => null,
            };
            return parsed is { } n && n >= min && n <= max
                ? n
                : Fail(name, rule ?? $"phải là số nguyên từ {min} đến {max}", 0);
        }

        /// <summary>0/1 as DVCQG codes it; true/false as a JSON client would.</summary>
        public void Flag(string name)
        {
            if (node[name]?.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                Int(name, 0, 1, rule: "phải là 0 hoặc 1");
        }

        public void Date(string name, bool required = false)
        {
            var value = node[name];
            if (Error is not null || IsAbsent(value))
            {
                Required(name, required, 0);
                return;
            }
            if (value!.GetValueKind() != JsonValueKind.String
                || !DateTime.TryParseExact(value.GetValue<string>(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                Fail(name, $"phải là ngày giờ dạng {DateFormat} (giờ Việt Nam)", 0);
        }

        /// <summary>
        /// The applicant's ID number as a string, or DVCQG's newer list of {LoaiDinhDanh, SoDinhDanh} that
        /// provincial systems send; both are accepted.
        /// </summary>
        public void DinhDanh(string name)
        {
            if (node[name]?.GetValueKind() != JsonValueKind.String)
                Items(name, id => id.String("SoDinhDanh", required: true));
        }

        public void Items(string name, Action<FieldReader> check)
        {
            var value = node[name];
            if (Error is not null || value is null)
                return;
            if (value is not JsonArray items)
            {
                Fail(name, "phải là một danh sách", 0);
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
                check(inner);
                Error = inner.Error;
            }
        }

        private T Required<T>(string name, bool required, T fallback)
        {
            if (required && Error is null)
                Error = new PortalFieldError(prefix + name, $"Thiếu trường bắt buộc {prefix + name}.");
            return fallback;
        }

        private T Fail<T>(string name, string rule, T fallback)
        {
            Error ??= new PortalFieldError(prefix + name, $"Trường {prefix + name} {rule}.");
            return fallback;
        }

        /// <summary>Null, or the blank string that OpenCPS and others send for "not yet".</summary>
        private static bool IsAbsent(JsonNode? value) =>
            value is null || (value.GetValueKind() == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetValue<string>()));
    }
}
