using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OneStop.Api.Tests.Citizens;
using OneStop.Api.Tests.Infrastructure;

namespace OneStop.Api.Tests.Sync;

/// <summary>
/// Issue 11, second "done when": over HTTP on the embedded default — the real Hangfire server delivering after
/// every commit to the mock portal mapped under /portal — an online dossier carried to Returned leaves at the
/// portal, in order, its DongBoHoSoMC messages and one CapNhatTienDoHoSoMC step per processing step, with every
/// field of DESIGN §9 in DVCQG's real format and download links that serve the very files.
/// </summary>
public sealed class ReturnedOverHttpTests
{
    /// <summary>Every DongBoHoSoMC field DESIGN §9 names, with the JSON kind DVCQG takes it in.</summary>
    private static readonly (string Field, JsonValueKind Kind)[] DossierFields =
    [
        ("MaHoSo", JsonValueKind.String), ("MaTTHC", JsonValueKind.String), ("TenTTHC", JsonValueKind.String), ("MaLinhVuc", JsonValueKind.String),
        ("TenLinhVuc", JsonValueKind.String), ("ChuHoSo", JsonValueKind.String), ("LoaiDoiTuong", JsonValueKind.String), ("DinhDanhCHS", JsonValueKind.Array),
        ("TrichYeuHoSo", JsonValueKind.String), ("NgayNopHoSo", JsonValueKind.String), ("NgayTiepNhan", JsonValueKind.String), ("NgayHenTra", JsonValueKind.String),
        ("TrangThaiHoSo", JsonValueKind.String), ("NgayTra", JsonValueKind.String), ("NgayKetThucXuLy", JsonValueKind.String), ("NgayTuChoi", JsonValueKind.String),
        ("DonViXuLy", JsonValueKind.String), ("KenhThucHien", JsonValueKind.String), ("HoSoCoThanhPhanSoHoa", JsonValueKind.String),
        ("TaiLieuNop", JsonValueKind.Array), ("DanhSachHoSoBoSung", JsonValueKind.Array), ("DanhSachGiayToKetQua", JsonValueKind.Array),
        ("HinhThuc", JsonValueKind.String), ("Email", JsonValueKind.String), ("SoDienThoai", JsonValueKind.String), ("NoiNopHoSo", JsonValueKind.String),
        ("TaiKhoanDuocXacThucVoiVNeID", JsonValueKind.String), ("DuocThanhToanTrucTuyen", JsonValueKind.String), ("DanhSachLePhi", JsonValueKind.Array),
        ("DSKetNoiCSDL", JsonValueKind.Array),
    ];

    private static readonly string[] ProgressFields =
        ["MaHoSo", "NguoiXuLy", "ChucDanh", "ThoiDiemXuLy", "PhongBanXuLy", "NoiDungXuLy", "TrangThai", "NgayBatDau", "NgayKetThucTheoQuyDinh"];

    [Fact]
    public async Task An_online_dossier_carried_to_Returned_reaches_the_portal_in_order_with_every_field_in_the_real_format()
    {
        await using var host = OneStopFactory.With(("Hangfire:Server:Enabled", "true"));
        var portalRead = host.PortalClient();
        // The catalogue check runs once at start (Hangfire); DongBoHoSoMC takes the field code from it.
        await WaitForAsync(async () => await host.QueryAsync(db => db.NationalCatalogueChecks.AnyAsync()), "the catalogue check at start");

        var citizen = await host.SignInAsync("congdan");
        var submitted = await citizen.SubmitBirthRegistrationOnlineAsync();
        var code = submitted.Str("code");
        foreach (var (user, action) in new[] { ("tiepnhan.xa", "receive"), ("chuyenvien.xa", "forward"), ("lanhdao.xa", "approve"), ("tiepnhan.xa", "resolve"), ("tiepnhan.xa", "return-result") })
        {
            host.Clock.Advance(TimeSpan.FromMinutes(20));
            await (await host.SignInAsync(user)).ActAsync(code, action);
        }
        // Ten messages (below); the bound only keeps a hang from lasting forever.
        await WaitForAsync(async () => (await host.OutboxAsync()).Delivered == 10, "every message delivered by Hangfire");

        var portal = host.PortalStore();
        await host.AssertDeliveredInOrderAsync(portal, [code], duplicates: 0);
        var arrived = portal.Find(code)!;
        // Worked out by hand: submit D(1); receive D(2)+step; forward D(4)+step; approve step; resolve D(9)+step; return-result D(10)+step.
        Assert.Equal([(1, "DongBoHoSoMC", 1), (2, "DongBoHoSoMC", 2), (3, "CapNhatTienDoHoSoMC", 2), (4, "DongBoHoSoMC", 4), (5, "CapNhatTienDoHoSoMC", 4),
            (6, "CapNhatTienDoHoSoMC", 4), (7, "DongBoHoSoMC", 9), (8, "CapNhatTienDoHoSoMC", 9), (9, "DongBoHoSoMC", 10), (10, "CapNhatTienDoHoSoMC", 10)],
            arrived.Select(m => (m.SoThuTu, m.Service, m.Status)));
        var dossiers = arrived.Where(m => m.Service == "DongBoHoSoMC").ToList();
        var steps = arrived.Where(m => m.Service == "CapNhatTienDoHoSoMC").ToList();
        Assert.Equal(["False", "True", "True", "True", "True"], dossiers.Select(m => m.IsUpdating));
        Assert.All(arrived, m => Assert.Equal("000.17.22.H56", m.MaDonVi));

        foreach (var entry in dossiers.Select(m => m.Payload))
        {
            foreach (var (field, kind) in DossierFields)
                Assert.True(entry.TryGetProperty(field, out var value) && value.ValueKind == kind, $"{field} should be a {kind} in {entry}");
            Assert.Equal(("1.001193", "LV-HOTICH", "Hộ tịch", "UBND phường Hàm Tiến", "2", "2"),
                (Text(entry, "MaTTHC"), Text(entry, "MaLinhVuc"), Text(entry, "TenLinhVuc"), Text(entry, "DonViXuLy"), Text(entry, "KenhThucHien"), Text(entry, "NoiNopHoSo")));
        }
        // No status-1 message carries NgayTiepNhan; every message after reception does.
        Assert.Equal("", Text(dossiers[0].Payload, "NgayTiepNhan"));
        Assert.All(dossiers.Skip(1), m => Assert.Matches("^2026030[0-9]{7}$", Text(m.Payload, "NgayTiepNhan")));
        foreach (var entry in steps.Select(m => m.Payload))
            foreach (var field in ProgressFields)
                Assert.True(entry.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String, $"{field} should be a string in {entry}");
        // One step per processing step, named after the step it finished, by the officer who did it.
        Assert.Equal(["Nguyễn Thị Tiếp Nhận (xã)", "Trần Văn Chuyên (xã)", "Lê Văn Lãnh Đạo (xã)", "Nguyễn Thị Tiếp Nhận (xã)", "Nguyễn Thị Tiếp Nhận (xã)"],
            steps.Select(m => Text(m.Payload, "NguoiXuLy")));
        Assert.StartsWith("Tiếp nhận hồ sơ; chuyển bước Công chức tư pháp - hộ tịch thẩm tra", Text(steps[0].Payload, "NoiDungXuLy"));
        Assert.StartsWith("Hoàn thành bước Công chức tư pháp - hộ tịch thẩm tra", Text(steps[1].Payload, "NoiDungXuLy"));
        Assert.StartsWith("Phê duyệt tại bước Lãnh đạo Ủy ban nhân dân cấp xã ký Giấy khai sinh; chuyển bước Trả kết quả", Text(steps[2].Payload, "NoiDungXuLy"));
        Assert.Equal(["Ban hành kết quả giải quyết tại bước Trả kết quả", "Trả kết quả cho người nộp hồ sơ"], steps.Skip(3).Select(m => Text(m.Payload, "NoiDungXuLy")));

        // The links: anonymous, and each serves the very file it names — the two papers and the signed result.
        var last = dossiers[^1].Payload;
        var papers = last.GetProperty("TaiLieuNop").EnumerateArray().ToList();
        Assert.Equal(["TKKS", "GCS"], papers.Select(p => Text(p, "MaThanhPhanHoSo")));
        foreach (var paper in papers)
            await AssertServesAsync(host, Text(paper, "DuongDanTaiTepTin"), Guid.Parse(Text(paper, "TepDinhKemId")));
        var result = Assert.Single(last.GetProperty("DanhSachGiayToKetQua").EnumerateArray());
        Assert.Equal(("GKS", "Giấy khai sinh"), (Text(result, "MaGiayToKetQua"), Text(result, "TenGiayTo")));
        await AssertServesAsync(host, Text(result, "DuongDanTepTinKetQua"), Guid.Parse(Text(result, "GiayToId")));

        // The mock's own read API lists the same: the dossier messages and the steps.
        var read = await (await portalRead.GetAsync($"/portal/api/dossiers/{code}")).ReadJsonAsync();
        Assert.Equal([1, 2, 4, 7, 9], read["items"]!.AsArray().Select(i => i!["soThuTu"]!.GetValue<int>()));
        Assert.Equal([3, 5, 6, 8, 10], read["progress"]!.AsArray().Select(i => i!["soThuTu"]!.GetValue<int>()));
    }

    private static string Text(JsonElement element, string property) => element.GetProperty(property).GetString()!;

    private static async Task AssertServesAsync(OneStopFactory host, string link, Guid fileId)
    {
        Assert.StartsWith("http://localhost/api/portal-files/", link);
        var response = await host.CreateClient().GetAsync(new Uri(link).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sha = Convert.ToHexStringLower(SHA256.HashData(await response.Content.ReadAsByteArrayAsync()));
        Assert.Equal(await host.QueryAsync(db => db.Files.Where(f => f.Id == fileId).Select(f => f.Sha256).SingleAsync()), sha);
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, string what)
    {
        var started = DateTime.UtcNow;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(60), $"timed out waiting for {what}");
            await Task.Delay(100);
        }
    }
}
