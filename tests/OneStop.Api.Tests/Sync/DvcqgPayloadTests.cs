using System.Text.Json.Nodes;
using OneStop.Api.Tests.Infrastructure;
using OneStop.Domain.Dossiers;
using OneStop.Infrastructure.NationalPortal;
using OneStop.NationalPortal.Mock;

namespace OneStop.Api.Tests.Sync;

/// <summary>
/// How dossier events become DVCQG entries (DESIGN §9): which services an event gives, the DongBoHoSoMC entry in
/// the real format (string codes, "" dates, DinhDanhCHS as a list), the CapNhatTienDoHoSoMC step, and the
/// delivery-time completion with names, titles and links.
/// </summary>
public sealed class DvcqgPayloadTests
{
    private const string Code = "000.17.22.H56-260302-0001";
    // 02/03/2026 08:00 in Vietnam is 01:00 UTC.
    private static readonly DateTime Submitted = new(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc);
    // 04/03/2026 17:00 in Vietnam.
    private static readonly DateTime Due = new(2026, 3, 4, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime StepDue = new(2026, 3, 3, 4, 30, 0, DateTimeKind.Utc);

    private static DvcqgSnapshot Snapshot(IReadOnlyList<DvcqgEvent> history, ApplicantType type = ApplicantType.Person,
        IReadOnlyList<DossierDocument>? documents = null, DossierResult? result = null, Channel channel = Channel.Counter, decimal fee = 0) =>
        new(Code, channel, new Applicant(type == ApplicantType.Person ? "060095000123" : "0312345679", "Nguyễn Văn A", type, "0912345678", "a@example.vn"),
            Submitted, documents ?? [new DossierDocument("TKKS", "Tờ khai đăng ký khai sinh", SeenAtCounter: true)], result, history, fee);

    private static DvcqgEvent Event(int sequence, int minutes, string action, DossierStatus status, DateTime? due = null, string? comment = null,
        string actor = "tiepnhan.xa", string from = "tiep-nhan", string to = "tiep-nhan", DossierStatus? fromStatus = null, DateTime? stepDue = null) =>
        new(sequence, Submitted.AddMinutes(minutes), action, status, "22918", due, comment, actor, "22918", fromStatus, from, to, stepDue);

    /// <summary>The birth registration's happy path, by hand: who did what, where it went, and the due dates it set.</summary>
    private static readonly DvcqgEvent[] Walk =
    [
        Event(1, 0, DossierActions.Submit, DossierStatus.Submitted),
        Event(2, 10, DossierActions.Receive, DossierStatus.Received, Due, to: "tham-dinh", fromStatus: DossierStatus.Submitted, stepDue: StepDue),
        Event(3, 20, DossierActions.Forward, DossierStatus.InProgress, Due, actor: "chuyenvien.xa", from: "tham-dinh", to: "phe-duyet", fromStatus: DossierStatus.Received, stepDue: Due),
        Event(4, 30, DossierActions.Approve, DossierStatus.InProgress, Due, actor: "lanhdao.xa", from: "phe-duyet", to: "tra-ket-qua", fromStatus: DossierStatus.InProgress, stepDue: Due),
        Event(5, 40, DossierActions.Resolve, DossierStatus.Resolved, Due, from: "tra-ket-qua", to: "tra-ket-qua", fromStatus: DossierStatus.InProgress, stepDue: Due),
        Event(6, 50, DossierActions.ReturnResult, DossierStatus.Returned, Due, from: "tra-ket-qua", to: "tra-ket-qua", fromStatus: DossierStatus.Resolved, stepDue: Due),
    ];

    [Fact]
    public void A_status_change_gives_a_dossier_entry_and_a_step_gives_a_progress_entry_after_it()
    {
        var services = Enumerable.Range(0, Walk.Length).Select(i => string.Join("+", DvcqgPayload.Services(Walk, i))).ToList();

        // submit: status 1; receive: 1→2 and a step; forward: 2→4 and a step; approve: still 4, same due date, a
        // step only; resolve: 4→9 and a step; return-result: 9→10 and a step.
        Assert.Equal(["DongBoHoSoMC", "DongBoHoSoMC+CapNhatTienDoHoSoMC", "DongBoHoSoMC+CapNhatTienDoHoSoMC", "CapNhatTienDoHoSoMC",
            "DongBoHoSoMC+CapNhatTienDoHoSoMC", "DongBoHoSoMC+CapNhatTienDoHoSoMC"], services);
    }

    [Fact]
    public void Events_without_a_step_give_a_dossier_entry_when_they_change_what_the_portal_shows_and_always_at_least_one()
    {
        DvcqgEvent[] history =
        [
            .. Walk[..3],
            Event(4, 25, Dossier.DigitizeAction, DossierStatus.InProgress, Due),
            Event(5, 26, DossierActions.Apologize, DossierStatus.InProgress, Due.AddDays(2)),
            Event(6, 27, DossierActions.Transfer, DossierStatus.InProgress, Due.AddDays(2), actor: "admin"),
            Event(7, 28, DossierActions.Withdraw, DossierStatus.WithdrawalRequested, Due.AddDays(2), actor: "congdan"),
        ];

        Assert.All(Enumerable.Range(3, 4), i => Assert.Equal(["DongBoHoSoMC"], DvcqgPayload.Services(history, i)));
    }

    [Fact]
    public void A_submission_reports_status_1_with_string_codes_blank_dates_and_no_delivery_fields()
    {
        var body = DvcqgDossierBody.Build(Snapshot([Walk[0]]));

        Assert.Equal(Code, body.Str("MaHoSo"));
        Assert.Equal(("1", "1", "1", "0", "2"), (body.Str("TrangThaiHoSo"), body.Str("KenhThucHien"), body.Str("LoaiDoiTuong"), body.Str("HinhThuc"), body.Str("NoiNopHoSo")));
        Assert.Equal("20260302080000", body.Str("NgayNopHoSo"));
        // Not received yet: no NgayTiepNhan, and every date not reached is "" rather than missing.
        foreach (var notYet in (string[])["NgayTiepNhan", "NgayHenTra", "NgayTra", "NgayKetThucXuLy", "NgayTuChoi"])
            Assert.Equal("", body.Str(notYet));
        var id = Assert.Single(body["DinhDanhCHS"]!.AsArray())!;
        Assert.Equal(("1", "060095000123"), (id.Str("LoaiDinhDanh"), id.Str("SoDinhDanh")));
        Assert.Equal(("0912345678", "a@example.vn"), (body.Str("SoDienThoai"), body.Str("Email")));
        Assert.Equal(("0", "0"), (body.Str("TaiKhoanDuocXacThucVoiVNeID"), body.Str("DuocThanhToanTrucTuyen")));
        Assert.Empty(body["DSKetNoiCSDL"]!.AsArray());
        Assert.Empty(body["DanhSachGiayToKetQua"]!.AsArray());
        // A paper seen at the counter has no file to link to.
        Assert.Empty(body["TaiLieuNop"]!.AsArray());
        foreach (var ours in (string[])["IdempotencyKey", "SoThuTu"])
            Assert.False(body.ContainsKey(ours), ours);
    }

    [Fact]
    public void A_returned_dossier_carries_every_date_its_history_reached_and_the_result_paper()
    {
        var result = new DossierResult("GKS", "Giấy khai sinh", Submitted.AddMinutes(40), "tiepnhan.xa", Guid.NewGuid());

        var body = DvcqgDossierBody.Build(Snapshot(Walk, result: result));

        Assert.Equal("10", body.Str("TrangThaiHoSo"));
        Assert.Equal("20260302081000", body.Str("NgayTiepNhan"));
        Assert.Equal("20260304170000", body.Str("NgayHenTra"));
        Assert.Equal("20260302084000", body.Str("NgayKetThucXuLy"));
        Assert.Equal("20260302085000", body.Str("NgayTra"));
        Assert.Equal("", body.Str("NgayTuChoi"));
        var paper = Assert.Single(body["DanhSachGiayToKetQua"]!.AsArray())!;
        Assert.Equal(("Giấy khai sinh", "GKS", result.FileId.ToString()), (paper.Str("TenGiayTo"), paper.Str("MaGiayToKetQua"), paper.Str("GiayToId")));
    }

    [Fact]
    public void The_body_describes_the_dossier_as_it_was_at_its_event_not_as_it_is_now()
    {
        var result = new DossierResult("GKS", "Giấy khai sinh", Submitted.AddMinutes(40), "tiepnhan.xa");

        // The receive event's body, built while the dossier already has its result.
        var body = DvcqgDossierBody.Build(Snapshot(Walk[..2], result: result));

        Assert.Equal("2", body.Str("TrangThaiHoSo"));
        Assert.Equal("", body.Str("NgayKetThucXuLy"));
        Assert.Empty(body["DanhSachGiayToKetQua"]!.AsArray());
    }

    [Fact]
    public void A_refusal_sets_the_refusal_and_end_dates_and_keeps_NgayTiepNhan_blank()
    {
        var body = DvcqgDossierBody.Build(Snapshot([
            Walk[0],
            Event(2, 5, DossierActions.Refuse, DossierStatus.NotAccepted, comment: "Hồ sơ không thuộc thẩm quyền"),
        ]));

        Assert.Equal("3", body.Str("TrangThaiHoSo"));
        Assert.Equal(("20260302080500", "20260302080500", ""), (body.Str("NgayTuChoi"), body.Str("NgayKetThucXuLy"), body.Str("NgayTiepNhan")));
    }

    [Fact]
    public void Organisations_online_papers_and_their_flags_use_DVCQG_string_codes()
    {
        var upload = Guid.NewGuid();
        var reused = Guid.NewGuid();
        var documents = new[]
        {
            new DossierDocument("GCS", "Giấy chứng sinh", FileId: upload, Digitized: true),
            new DossierDocument("CCCD", "Căn cước", RepositoryDocumentId: reused),
            new DossierDocument("TKKS", "Tờ khai", SeenAtCounter: true),
        };

        var body = DvcqgDossierBody.Build(Snapshot([Walk[0]], ApplicantType.Organisation, documents, channel: Channel.Online));

        Assert.Equal(("2", "2", "1"), (body.Str("LoaiDoiTuong"), body.Str("KenhThucHien"), body.Str("HoSoCoThanhPhanSoHoa")));
        var id = Assert.Single(body["DinhDanhCHS"]!.AsArray())!;
        Assert.Equal((DvcqgDossierBody.TaxCodeKind, "0312345679"), (id.Str("LoaiDinhDanh"), id.Str("SoDinhDanh")));
        var papers = body["TaiLieuNop"]!.AsArray();
        Assert.Equal(["GCS", "CCCD"], papers.Select(p => p.Str("MaThanhPhanHoSo")));
        Assert.Equal([upload.ToString(), reused.ToString()], papers.Select(p => p.Str("TepDinhKemId")));
        Assert.Equal(["1", "0"], papers.Select(p => p.Str("DuocSoHoa")));
        Assert.Equal(["0", "1"], papers.Select(p => p.Str("DuocTaiSuDung")));
        Assert.Equal(["0", "0"], papers.Select(p => p.Str("DuocLayTuKhoDMQG")));
        Assert.Equal(["False", "False"], papers.Select(p => p.Str("IsDeleted")));
    }

    [Fact]
    public void The_fee_is_listed_once_the_dossier_is_received_as_a_string_amount()
    {
        var submitted = DvcqgDossierBody.Build(Snapshot([Walk[0]], fee: 75000m));
        var received = DvcqgDossierBody.Build(Snapshot(Walk[..2], fee: 75000m));
        var free = DvcqgDossierBody.Build(Snapshot(Walk[..2]));

        Assert.Empty(submitted["DanhSachLePhi"]!.AsArray());
        Assert.Empty(free["DanhSachLePhi"]!.AsArray());
        var fee = Assert.Single(received["DanhSachLePhi"]!.AsArray())!;
        Assert.Equal(("75000", "1", "1", "1"), (fee.Str("Gia"), fee.Str("MaPhiLePhi"), fee.Str("HinhThucThu"), fee.Str("LoaiPhiLePhi")));
    }

    [Fact]
    public void A_supplement_request_lists_who_asked_what_when_and_the_due_dates_before_and_after()
    {
        var moved = Due.AddDays(1);
        var body = DvcqgDossierBody.Build(Snapshot([
            Walk[0], Walk[1],
            Event(3, 20, DossierActions.RequestSupplement, DossierStatus.SupplementRequested, Due, "Bổ sung giấy chứng sinh", actor: "chuyenvien.xa"),
            Event(4, 60 * 24, DossierActions.Supplement, DossierStatus.Received, moved, actor: "congdan"),
        ]));

        var request = Assert.Single(body["DanhSachHoSoBoSung"]!.AsArray())!;
        Assert.Equal(("3", "Bổ sung giấy chứng sinh", "20260302082000"), (request.Str("HoSoBoSungId"), request.Str("NoiDungBoSung"), request.Str("NgayBoSung")));
        // Answered a day later (03/03 08:00 in Vietnam); the due date moved by that day.
        Assert.Equal(("20260303080000", "1"), (request.Str("NgayTiepNhanBoSung"), request.Str("TrangThaiBoSung")));
        Assert.Equal((DvcqgPayload.Format(Due), DvcqgPayload.Format(moved)), (request.Str("NgayHenTraTruoc"), request.Str("NgayHenTraMoi")));
        var refs = body[DvcqgDossierBody.References]!["supplements"]![0]!;
        Assert.Equal(("chuyenvien.xa", "congdan"), (refs.Str("requestedBy"), refs.Str("receivedBy")));
    }

    [Fact]
    public void A_progress_step_says_when_the_step_began_when_it_was_due_and_the_status_after_it()
    {
        var step = DvcqgProgressEntry.Build(Snapshot(Walk[..3]));

        Assert.Equal(Code, step.Str("MaHoSo"));
        // The forward finished tham-dinh, entered at reception (08:10) with its own due date set then.
        Assert.Equal(("20260302082000", "4", "20260302081000", DvcqgPayload.Format(StepDue)),
            (step.Str("ThoiDiemXuLy"), step.Str("TrangThai"), step.Str("NgayBatDau"), step.Str("NgayKetThucTheoQuyDinh")));
        var refs = step[DvcqgDossierBody.References]!;
        Assert.Equal(("chuyenvien.xa", "22918", "forward", "tham-dinh", "phe-duyet"),
            (refs.Str("actor"), refs.Str("unit"), refs.Str("action"), refs.Str("fromStep"), refs.Str("toStep")));
    }

    [Fact]
    public void Completion_fills_procedure_agency_people_files_and_links_and_drops_our_references()
    {
        var file = Guid.NewGuid();
        var documents = new[] { new DossierDocument("GCS", "Giấy chứng sinh", FileId: file) };
        var dossier = DvcqgDossierBody.Build(Snapshot(Walk[..2], documents: documents)).ToJsonString();
        var step = DvcqgProgressEntry.Build(Snapshot(Walk[..3])).ToJsonString();
        var directory = Lookups(file);

        var sentDossier = DvcqgCompletion.Complete(DvcqgPayload.DongBoHoSoMC, dossier, directory);
        var sentStep = DvcqgCompletion.Complete(DvcqgPayload.CapNhatTienDoHoSoMC, step, directory);

        Assert.Equal(("1.001193", "Đăng ký khai sinh", "LV-HOTICH", "Hộ tịch"),
            (sentDossier.Str("MaTTHC"), sentDossier.Str("TenTTHC"), sentDossier.Str("MaLinhVuc"), sentDossier.Str("TenLinhVuc")));
        Assert.Equal("Đăng ký khai sinh - Nguyễn Văn A", sentDossier.Str("TrichYeuHoSo"));
        Assert.Equal("UBND phường Hàm Tiến", sentDossier.Str("DonViXuLy"));
        var paper = sentDossier["TaiLieuNop"]![0]!;
        Assert.Equal(("giay-chung-sinh.pdf", $"https://link/{file}"), (paper.Str("TenTepDinhKem"), paper.Str("DuongDanTaiTepTin")));
        Assert.Equal(("Trần Văn Chuyên (xã)", "Chuyên viên", "UBND phường Hàm Tiến"),
            (sentStep.Str("NguoiXuLy"), sentStep.Str("ChucDanh"), sentStep.Str("PhongBanXuLy")));
        Assert.Equal("Hoàn thành bước Thẩm định; chuyển bước Phê duyệt", sentStep.Str("NoiDungXuLy"));
        Assert.False(sentDossier.ContainsKey(DvcqgDossierBody.References));
        Assert.False(sentStep.ContainsKey(DvcqgDossierBody.References));
        // What we send is what the mock, holding the real portal's rules, accepts.
        Assert.Null(PortalPayload.ReadDossier(sentDossier, "data[0]").Error);
        Assert.Null(PortalPayload.ReadProgress(sentStep, "data[0]").Error);
    }

    [Theory]
    [InlineData(50, 50)]
    [InlineData(51, 50)]
    [InlineData(80, 50)]
    [InlineData(12, 12)]
    public void NguoiXuLy_is_cut_to_50_characters_ending_with_an_ellipsis(int length, int expected)
    {
        var name = new string('Đ', length);

        var shortened = DvcqgCompletion.Shorten(name);

        Assert.Equal(expected, shortened.Length);
        Assert.Equal(length > 50, shortened.EndsWith("...", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("specialist,leader", "leader", "Lãnh đạo")]
    [InlineData("specialist,leader", "specialist", "Chuyên viên")]
    [InlineData("reception", "specialist", "Cán bộ tiếp nhận và trả kết quả")]
    [InlineData(null, "reception", "Cán bộ tiếp nhận và trả kết quả")]
    public void ChucDanh_is_the_role_the_account_held_for_the_step(string? roles, string stepRole, string expected)
    {
        var person = roles is null ? null : new DvcqgPerson("X", roles.Split(',').ToHashSet());

        Assert.Equal(expected, DvcqgCompletion.Title(person, stepRole));
    }

    [Fact]
    public void Dates_are_Vietnam_wall_clock_in_DVCQG_format_and_blank_when_unknown()
    {
        Assert.Equal("20260302080000", DvcqgPayload.Format(Submitted));
        // 17:30 UTC is already the next day in Vietnam.
        Assert.Equal("20260303003000", DvcqgPayload.Format(new DateTime(2026, 3, 2, 17, 30, 0, DateTimeKind.Utc)));
        Assert.Equal("", DvcqgPayload.Format(null));
    }

    private static DvcqgDirectory Lookups(Guid file) => new(
        new DvcqgProcedure("1.001193", "Đăng ký khai sinh", "LV-HOTICH", "Hộ tịch"),
        new Dictionary<string, DvcqgStep>
        {
            ["tiep-nhan"] = new("Tiếp nhận", "reception"),
            ["tham-dinh"] = new("Thẩm định", "specialist"),
            ["phe-duyet"] = new("Phê duyệt", "leader"),
            ["tra-ket-qua"] = new("Trả kết quả", "reception"),
        },
        new Dictionary<string, string> { ["000.17.22.H56"] = "UBND phường Hàm Tiến" },
        new Dictionary<string, string> { ["22918"] = "UBND phường Hàm Tiến" },
        new Dictionary<string, DvcqgPerson> { ["chuyenvien.xa"] = new("Trần Văn Chuyên (xã)", new HashSet<string> { "specialist" }) },
        new Dictionary<Guid, string> { [file] = "giay-chung-sinh.pdf" },
        new Dictionary<Guid, Guid>(),
        id => $"https://link/{id}");
}
