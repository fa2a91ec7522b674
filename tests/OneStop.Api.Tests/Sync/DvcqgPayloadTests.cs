using System.Text.Json.Nodes;
using OneStop.Domain.Dossiers;
using OneStop.Infrastructure.NationalPortal;

namespace OneStop.Api.Tests.Sync;

/// <summary>The DongBoHoSoMC body of one dossier event: field names, Vietnam-time dates, codes and flags (DESIGN §9).</summary>
public sealed class DvcqgPayloadTests
{
    // 02/03/2026 08:00 in Vietnam is 01:00 UTC.
    private static readonly DateTime Submitted = new(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Due = new(2026, 3, 4, 10, 0, 0, DateTimeKind.Utc);

    private static DvcqgSnapshot Snapshot(IReadOnlyList<DvcqgEvent> history, ApplicantType type = ApplicantType.Person,
        IReadOnlyList<DossierDocument>? documents = null, DossierResult? result = null, Channel channel = Channel.Counter) =>
        new("000.17.22.H56-260302-0001", channel, new Applicant(type == ApplicantType.Person ? "060095000123" : "0312345679", "Nguyễn Văn A", type),
            Submitted, documents ?? [new DossierDocument("TKKS", "Tờ khai đăng ký khai sinh", SeenAtCounter: true)], result, history);

    private static DvcqgEvent Event(int sequence, int minutes, string action, DossierStatus status, DateTime? due = null, string? comment = null) =>
        new(sequence, Submitted.AddMinutes(minutes), action, status, "22918", due, comment);

    [Fact]
    public void A_submission_reports_status_1_with_the_delivery_fields_and_no_dates_it_does_not_have_yet()
    {
        var body = DvcqgPayload.Build(Snapshot([Event(1, 0, DossierActions.Submit, DossierStatus.Submitted)]));

        Assert.Equal("000.17.22.H56-260302-0001", body["MaHoSo"]!.GetValue<string>());
        Assert.Equal("000.17.22.H56-260302-0001:1", body["IdempotencyKey"]!.GetValue<string>());
        Assert.Equal(1, body["SoThuTu"]!.GetValue<int>());
        Assert.Equal(1, body["TrangThaiHoSo"]!.GetValue<int>());
        Assert.Equal(1, body["KenhThucHien"]!.GetValue<int>());
        Assert.Equal(1, body["LoaiDoiTuong"]!.GetValue<int>());
        Assert.Equal("Nguyễn Văn A", body["ChuHoSo"]!.GetValue<string>());
        Assert.Equal("060095000123", body["DinhDanhCHS"]!.GetValue<string>());
        Assert.Equal("20260302080000", body["NgayNopHoSo"]!.GetValue<string>());
        Assert.Equal("22918", body["DonViXuLy"]!.GetValue<string>());
        foreach (var notYet in (string[])["NgayTiepNhan", "NgayHenTra", "NgayTra", "NgayKetThucXuLy", "NgayTuChoi"])
            Assert.False(body.ContainsKey(notYet), notYet);
        Assert.Empty(body["DanhSachGiayToKetQua"]!.AsArray());
    }

    [Fact]
    public void Dates_are_Vietnam_wall_clock_in_DVCQG_format()
    {
        Assert.Equal("20260302080000", DvcqgPayload.Format(Submitted));
        // 17:30 UTC is already the next day in Vietnam.
        Assert.Equal("20260303003000", DvcqgPayload.Format(new DateTime(2026, 3, 2, 17, 30, 0, DateTimeKind.Utc)));
        Assert.Null(DvcqgPayload.Format(null));
    }

    [Fact]
    public void A_returned_dossier_carries_every_date_its_history_reached_and_the_result_paper()
    {
        var history = new[]
        {
            Event(1, 0, DossierActions.Submit, DossierStatus.Submitted),
            Event(2, 10, DossierActions.Receive, DossierStatus.Received, Due),
            Event(3, 20, DossierActions.Forward, DossierStatus.InProgress, Due),
            Event(4, 30, DossierActions.Resolve, DossierStatus.Resolved, Due),
            Event(5, 40, DossierActions.ReturnResult, DossierStatus.Returned, Due),
        };
        var result = new DossierResult("GKS", "Giấy khai sinh", Submitted.AddMinutes(30), "lanhdao.xa");

        var body = DvcqgPayload.Build(Snapshot(history, result: result));

        Assert.Equal(10, body["TrangThaiHoSo"]!.GetValue<int>());
        Assert.Equal(5, body["SoThuTu"]!.GetValue<int>());
        Assert.Equal("20260302081000", body["NgayTiepNhan"]!.GetValue<string>());
        Assert.Equal("20260304170000", body["NgayHenTra"]!.GetValue<string>());
        Assert.Equal("20260302083000", body["NgayKetThucXuLy"]!.GetValue<string>());
        Assert.Equal("20260302084000", body["NgayTra"]!.GetValue<string>());
        Assert.False(body.ContainsKey("NgayTuChoi"));
        var paper = Assert.Single(body["DanhSachGiayToKetQua"]!.AsArray())!;
        Assert.Equal("Giấy khai sinh", paper["TenGiayTo"]!.GetValue<string>());
        Assert.Equal("GKS", paper["MaGiayTo"]!.GetValue<string>());
    }

    [Fact]
    public void The_body_describes_the_dossier_as_it_was_at_its_event_not_as_it_is_now()
    {
        var history = new[]
        {
            Event(1, 0, DossierActions.Submit, DossierStatus.Submitted),
            Event(2, 10, DossierActions.Receive, DossierStatus.Received, Due),
            Event(3, 30, DossierActions.Resolve, DossierStatus.Resolved, Due),
        };
        var result = new DossierResult("GKS", "Giấy khai sinh", Submitted.AddMinutes(30), "lanhdao.xa");

        // The receive event's body, built while the dossier already has its result (both in one save).
        var body = DvcqgPayload.Build(Snapshot(history[..2], result: result));

        Assert.Equal(2, body["TrangThaiHoSo"]!.GetValue<int>());
        Assert.False(body.ContainsKey("NgayKetThucXuLy"));
        Assert.Empty(body["DanhSachGiayToKetQua"]!.AsArray());
    }

    [Fact]
    public void A_refusal_sets_the_refusal_and_end_dates()
    {
        var body = DvcqgPayload.Build(Snapshot([
            Event(1, 0, DossierActions.Submit, DossierStatus.Submitted),
            Event(2, 5, DossierActions.Refuse, DossierStatus.NotAccepted, comment: "Hồ sơ không thuộc thẩm quyền"),
        ]));

        Assert.Equal(3, body["TrangThaiHoSo"]!.GetValue<int>());
        Assert.Equal("20260302080500", body["NgayTuChoi"]!.GetValue<string>());
        Assert.Equal("20260302080500", body["NgayKetThucXuLy"]!.GetValue<string>());
    }

    [Fact]
    public void Organisations_online_channel_and_paper_flags_use_DVCQG_codes()
    {
        var documents = new[]
        {
            new DossierDocument("GCS", "Giấy chứng sinh", FileId: Guid.NewGuid(), Digitized: true),
            new DossierDocument("CCCD", "Căn cước", RepositoryDocumentId: Guid.NewGuid()),
        };

        var body = DvcqgPayload.Build(Snapshot([Event(1, 0, DossierActions.Submit, DossierStatus.Submitted)],
            ApplicantType.Organisation, documents, channel: Channel.Online));

        Assert.Equal(2, body["LoaiDoiTuong"]!.GetValue<int>());
        Assert.Equal("0312345679", body["DinhDanhCHS"]!.GetValue<string>());
        Assert.Equal(2, body["KenhThucHien"]!.GetValue<int>());
        Assert.Equal(1, body["HoSoCoThanhPhanSoHoa"]!.GetValue<int>());
        var papers = body["TaiLieuNop"]!.AsArray();
        Assert.Equal([1, 0], papers.Select(p => p!["DuocSoHoa"]!.GetValue<int>()));
        Assert.Equal([0, 1], papers.Select(p => p!["DuocTaiSuDung"]!.GetValue<int>()));
        Assert.Equal([0, 0], papers.Select(p => p!["DuocLayTuKhoDMQG"]!.GetValue<int>()));
    }

    [Fact]
    public void A_supplement_request_lists_the_due_dates_before_and_after()
    {
        var moved = Due.AddDays(1);
        var body = DvcqgPayload.Build(Snapshot([
            Event(1, 0, DossierActions.Submit, DossierStatus.Submitted),
            Event(2, 10, DossierActions.Receive, DossierStatus.Received, Due),
            Event(3, 20, DossierActions.RequestSupplement, DossierStatus.SupplementRequested, Due, "Bổ sung giấy chứng sinh"),
            Event(4, 60 * 24, DossierActions.Supplement, DossierStatus.Received, moved),
        ]));

        var request = Assert.Single(body["DanhSachHoSoBoSung"]!.AsArray())!;
        Assert.Equal("Bổ sung giấy chứng sinh", request["NoiDungYeuCau"]!.GetValue<string>());
        Assert.Equal(DvcqgPayload.Format(Due), request["NgayHenTraTruoc"]!.GetValue<string>());
        Assert.Equal(DvcqgPayload.Format(moved), request["NgayHenTraMoi"]!.GetValue<string>());
    }

    [Fact]
    public void Completing_adds_the_procedure_fields_from_the_pinned_definition_first()
    {
        var stored = DvcqgPayload.Build(Snapshot([Event(1, 0, DossierActions.Submit, DossierStatus.Submitted)])).ToJsonString();

        var sent = JsonNode.Parse(DvcqgPayload.Complete(stored, new DvcqgProcedure("1.001193", "Đăng ký khai sinh", "Hộ tịch")))!.AsObject();

        Assert.Equal(["MaHoSo", "MaTTHC", "TenTTHC", "MaLinhVuc", "TrichYeuHoSo"], sent.Select(p => p.Key).Take(5));
        Assert.Equal("1.001193", sent["MaTTHC"]!.GetValue<string>());
        Assert.Equal("Đăng ký khai sinh - Nguyễn Văn A", sent["TrichYeuHoSo"]!.GetValue<string>());
        Assert.Equal(1, sent["SoThuTu"]!.GetValue<int>());
    }

    [Fact]
    public void The_mock_portal_accepts_the_body_as_it_is_sent()
    {
        var stored = DvcqgPayload.Build(Snapshot([Event(1, 0, DossierActions.Submit, DossierStatus.Submitted)])).ToJsonString();
        var sent = JsonNode.Parse(DvcqgPayload.Complete(stored, new DvcqgProcedure("1.001193", "Đăng ký khai sinh", null)))!.AsObject();

        var (message, error) = OneStop.NationalPortal.Mock.PortalPayload.ReadDossier(sent);

        Assert.Null(error);
        Assert.Equal(1, message!.SoThuTu);
    }
}
