using System.Globalization;
using System.Text.Json.Nodes;
using OneStop.Domain.Dossiers;

namespace OneStop.Infrastructure.NationalPortal;

/// <summary>
/// The <c>DongBoHoSoMC</c> entry of a dossier as of one event, in DVCQG's real format: the fields both public
/// clients send (VietOpenCPS/opencps-v2 <c>DVCQGIntegrationActionImpl.createSyncDossierBodyRequest</c>; the
/// Thanh Hóa system's <c>SyncDataToDVCQG.HoSoDongBoDVC</c>), every code and flag a string, every date
/// <c>yyyyMMddHHmmss</c> or <c>""</c>. Names and download links are left blank here and listed under
/// <see cref="References"/>; <see cref="DvcqgCompletion"/> fills them at delivery and removes that member.
/// </summary>
public static class DvcqgDossierBody
{
    /// <summary>Our own member of a stored body: what to look up at delivery. Never sent.</summary>
    public const string References = "_onestop";

    /// <summary>The tax-code kind of <c>DinhDanhCHS.LoaiDinhDanh</c>: neither public client shows one, so "4" is our choice.</summary>
    public const string TaxCodeKind = "4";

    /// <summary>A 12-digit personal ID is "1" (the Thanh Hóa client: 12 digits → "1", 9-digit old ID cards → "2").</summary>
    public const string PersonalIdKind = "1";

    public static JsonObject Build(DvcqgSnapshot snapshot)
    {
        if (snapshot.History.Count == 0)
            throw new ArgumentException("A snapshot needs at least the event it reports.", nameof(snapshot));
        var history = snapshot.History;
        var current = snapshot.Current;
        var applicant = snapshot.Applicant;
        var received = First(history, e => e.Action == DossierActions.Receive);
        var resolved = First(history, e => e.Action == DossierActions.Resolve);
        var papers = snapshot.Documents.Where(d => d.FileId is not null || d.RepositoryDocumentId is not null).ToList();
        var supplements = Supplements(history).ToList();

        return new JsonObject
        {
            ["MaHoSo"] = snapshot.Code,
            // Procedure fields: from the pinned definition and the national catalogue, at delivery.
            ["MaTTHC"] = "",
            ["TenTTHC"] = "",
            ["MaLinhVuc"] = "",
            ["TenLinhVuc"] = "",
            ["KenhThucHien"] = DvcqgPayload.Code((int)snapshot.Channel),
            ["ChuHoSo"] = applicant.FullName,
            ["LoaiDoiTuong"] = applicant.Type == ApplicantType.Organisation ? "2" : "1",
            // DVCQG's own account id of the applicant (its "TechID"): known only after a VNeID/DVCQG sign-in.
            ["MaDoiTuong"] = "",
            ["ThongTinKhac"] = "",
            ["Email"] = applicant.Email ?? "",
            ["Fax"] = "",
            ["SoDienThoai"] = applicant.Phone ?? "",
            ["TrichYeuHoSo"] = "",
            ["NgayNopHoSo"] = DvcqgPayload.Format(snapshot.SubmittedAt),
            // Only once received: a status-1 message carries none (DESIGN §9).
            ["NgayTiepNhan"] = DvcqgPayload.Format(received?.At),
            // The date the law gives (DESIGN §6): an apology's later date must not make a late dossier look on time.
            ["NgayHenTra"] = DvcqgPayload.Format(snapshot.OriginalDueDate is { } original && current.DueDate is not null ? original : current.DueDate),
            ["TrangThaiHoSo"] = DvcqgPayload.Code((int)current.ToStatus),
            ["NgayTra"] = DvcqgPayload.Format(First(history, e => e.Action == DossierActions.ReturnResult)?.At),
            ["ThongTinTra"] = "",
            // How the result is returned (OpenCPS: "1" by post, "0" otherwise); post is the channel it came by.
            ["HinhThuc"] = snapshot.Channel == Channel.Post || snapshot.ReturnByPost ? "1" : "0",
            // Processing ends when the result is ready, or when the dossier is refused or stopped without one.
            ["NgayKetThucXuLy"] = DvcqgPayload.Format(First(history, e => e.ToStatus is DossierStatus.Resolved or DossierStatus.NotAccepted or DossierStatus.Stopped)?.At),
            // The agency's name (its code is the MaHoSo prefix and madonvi): at delivery.
            ["DonViXuLy"] = "",
            ["GhiChu"] = Apology(snapshot),
            ["NgayTuChoi"] = DvcqgPayload.Format(First(history, e => e.Action == DossierActions.Refuse)?.At),
            // "2": filed at the province's own one-stop system, not on the national portal (the Thanh Hóa client's constant).
            ["NoiNopHoSo"] = "2",
            ["HoSoCoThanhPhanSoHoa"] = DvcqgPayload.Flag(snapshot.Documents.Any(d => d.Digitized)),
            // Submitted online through a VNeID-verified account (DESIGN §14), and the fee paid on the national payment
            // platform ("1", as the Thanh Hóa client marks a fee paid online); otherwise "0".
            ["TaiKhoanDuocXacThucVoiVNeID"] = DvcqgPayload.Flag(snapshot.VneidLevel is not null),
            ["DuocThanhToanTrucTuyen"] = DvcqgPayload.Flag(snapshot.FeePaidOnline),
            ["DinhDanhCHS"] = new JsonArray(new JsonObject
            {
                ["LoaiDinhDanh"] = applicant.Type == ApplicantType.Organisation ? TaxCodeKind : PersonalIdKind,
                ["SoDinhDanh"] = applicant.IdNumber,
            }),
            ["TaiLieuNop"] = new JsonArray(papers.Select(Paper).ToArray<JsonNode?>()),
            ["DanhSachLePhi"] = new JsonArray(Fees(snapshot, received is not null).ToArray<JsonNode?>()),
            ["DanhSachTepDinhKemKhac"] = new JsonArray(),
            ["DanhSachHoSoBoSung"] = new JsonArray(supplements.Select(s => s.Entry).ToArray<JsonNode?>()),
            ["DanhSachGiayToKetQua"] = new JsonArray(resolved is not null && snapshot.Result is { } result ? [ResultPaper(result)] : []),
            // The national databases papers were taken from instead of being asked for (DESIGN §14).
            ["DSKetNoiCSDL"] = new JsonArray(snapshot.Documents.Where(d => d.TakenFrom is not null).Select(d => d.TakenFrom!).Distinct()
                .Select(database => (JsonNode?)new JsonObject { ["MaCSDL"] = DatabaseCode(database) }).ToArray()),
            [References] = new JsonObject
            {
                ["agency"] = snapshot.AgencyCode,
                ["unitInCharge"] = snapshot.UnitInCharge,
                ["papers"] = new JsonArray(papers.Select(p => (JsonNode?)new JsonObject
                {
                    ["file"] = p.FileId?.ToString(),
                    ["repository"] = p.RepositoryDocumentId?.ToString(),
                }).ToArray()),
                ["result"] = resolved is not null ? snapshot.Result?.FileId?.ToString() : null,
                ["supplements"] = new JsonArray(supplements.Select(s => (JsonNode?)new JsonObject
                {
                    ["requestedBy"] = s.RequestedBy,
                    ["receivedBy"] = s.ReceivedBy,
                }).ToArray()),
            },
        };
    }

    /// <summary>
    /// DVCQG's code of a national database. Neither public client shows the list, so these are ours: the abbreviations
    /// the national programmes use (CSDLQGDC: Cơ sở dữ liệu quốc gia về dân cư; CSDLQGDKDN: … về đăng ký doanh nghiệp).
    /// </summary>
    public static string DatabaseCode(string database) => database switch
    {
        Domain.Definitions.NationalDatabases.Population => "CSDLQGDC",
        Domain.Definitions.NationalDatabases.Business => "CSDLQGDKDN",
        _ => database,
    };

    private static DvcqgEvent? First(IReadOnlyList<DvcqgEvent> history, Func<DvcqgEvent, bool> match) => history.FirstOrDefault(match);

    /// <summary>The apology's new date, told in the note: the due date stays the law's, so the portal still counts the dossier late.</summary>
    private static string Apology(DvcqgSnapshot snapshot)
    {
        var apology = snapshot.History.LastOrDefault(e => e.Action == DossierActions.Apologize);
        return apology?.DueDate is { } promised
            ? $"Đã xin lỗi và hẹn lại ngày trả kết quả: {Domain.Calendar.VietnamDates.Format(promised)} (hồ sơ vẫn tính quá hạn so với ngày hẹn trả ban đầu)."
            : "";
    }

    /// <summary>
    /// A submitted paper with its file, as both clients list <c>TaiLieuNop</c> (papers seen at the counter without
    /// a scan have no file to link to and are not listed). The file name and the link come at delivery.
    /// </summary>
    private static JsonObject Paper(DossierDocument paper) => new()
    {
        ["TepDinhKemId"] = (paper.FileId ?? paper.RepositoryDocumentId)?.ToString() ?? "",
        ["TenTepDinhKem"] = paper.Name,
        ["IsDeleted"] = "False",
        ["MaThanhPhanHoSo"] = paper.Code,
        ["DuongDanTaiTepTin"] = "",
        // Digitized at the counter (DESIGN §8); the digitization rate counts these.
        ["DuocSoHoa"] = DvcqgPayload.Flag(paper.Digitized),
        // Reused from the applicant's own data repository.
        ["DuocTaiSuDung"] = DvcqgPayload.Flag(paper.RepositoryDocumentId is not null),
        // The national catalogue store (Kho DMQG) is not connected: nothing is taken from it.
        ["DuocLayTuKhoDMQG"] = "0",
    };

    /// <summary>
    /// The dossier's fee, once received (the counter collects it then): one entry with the codes the Thanh Hóa
    /// client sends for a collected fee ("1" for the fee code, the way it was collected and its kind); the name
    /// comes from the procedure at delivery.
    /// </summary>
    private static IEnumerable<JsonObject> Fees(DvcqgSnapshot snapshot, bool received)
    {
        if (!received || snapshot.FeeAmount <= 0)
            yield break;
        yield return new JsonObject
        {
            ["TenPhiLePhi"] = "",
            ["MaPhiLePhi"] = "1",
            ["HinhThucThu"] = "1",
            ["Gia"] = decimal.Round(snapshot.FeeAmount, 0, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture),
            ["LoaiPhiLePhi"] = "1",
        };
    }

    private static JsonObject ResultPaper(DossierResult result) => new()
    {
        ["TenGiayTo"] = string.IsNullOrWhiteSpace(result.Name) ? "Kết quả giải quyết thủ tục hành chính" : result.Name,
        ["MaThanhPhanHoSo"] = "",
        ["GiayToId"] = result.FileId?.ToString() ?? "",
        ["DuongDanTepTinKetQua"] = "",
        ["MaGiayToKetQua"] = result.Code,
    };

    /// <summary>
    /// Each supplement request with DVCQG's <c>HoSoBoSung</c> names (the Thanh Hóa DTO): what was asked and when,
    /// when the papers came, and the due dates before and after. Who asked and who took the papers are named at delivery.
    /// </summary>
    private static IEnumerable<(JsonObject Entry, string RequestedBy, string? ReceivedBy)> Supplements(IReadOnlyList<DvcqgEvent> history)
    {
        for (var i = 0; i < history.Count; i++)
        {
            var request = history[i];
            if (request.Action != DossierActions.RequestSupplement)
                continue;
            var answered = history.Skip(i + 1).FirstOrDefault(e => e.Action == DossierActions.Supplement);
            var entry = new JsonObject
            {
                ["HoSoBoSungId"] = DvcqgPayload.Code(request.Sequence),
                ["NguoiYeuCauBoSung"] = "",
                ["NoiDungBoSung"] = request.Comment ?? "",
                ["NgayBoSung"] = DvcqgPayload.Format(request.At),
                ["NguoiTiepNhanBoSung"] = "",
                ["ThongTinTiepNhan"] = "",
                ["NgayTiepNhanBoSung"] = DvcqgPayload.Format(answered?.At),
                ["TrangThaiBoSung"] = DvcqgPayload.Flag(answered is not null),
                ["DanhSachGiayToBoSung"] = new JsonArray(),
                ["DanhSachLePhiBoSung"] = new JsonArray(),
                ["NgayHenTraTruoc"] = DvcqgPayload.Format(i > 0 ? history[i - 1].DueDate : null),
                ["NgayHenTraMoi"] = DvcqgPayload.Format(answered?.DueDate),
            };
            yield return (entry, request.Actor, answered?.Actor);
        }
    }
}
