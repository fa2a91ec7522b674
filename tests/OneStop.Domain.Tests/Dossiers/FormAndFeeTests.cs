using System.Text.Json;
using OneStop.Domain.Codes;
using OneStop.Domain.Dossiers;
using OneStop.Domain.Dossiers.Actions;
using static OneStop.Domain.Tests.Dossiers.VietnamTime;

namespace OneStop.Domain.Tests.Dossiers;

/// <summary>Typed forms and per-dossier fees (DESIGN §4.1), checked and computed when the dossier is submitted.</summary>
public sealed class FormAndFeeTests
{
    private static readonly DateTime Monday = Vn(2026, 3, 2, 9, 0);
    private readonly DossierDesk _desk = new(RicherDefinition.Definition);

    private Dossier Submit(Dictionary<string, JsonElement>? form, Channel channel = Channel.Counter, Applicant? applicant = null, params string[] papers)
    {
        var actor = channel == Channel.Online ? People.Applicant() : People.Reception();
        var documents = (papers.Length == 0 ? ["DON"] : papers)
            .Select(c => new DocumentSubmission(c, FileId: channel == Channel.Online ? Guid.NewGuid() : null)).ToList();
        return Dossier.Submit(_desk.Context(actor, Monday), DossierCodes.Format("000.17.22.H56", new DateOnly(2026, 3, 2), 1), "ABCD2345",
            applicant ?? People.Person(), channel, TestUnits.Commune, documents, form);
    }

    [Fact]
    public void A_fee_per_page_multiplies_the_count_in_the_form()
    {
        // 3 pages × 2.000 đồng at the counter.
        Assert.Equal(6_000m, Submit(RicherDefinition.Form(3)).FeeAmount);
    }

    [Fact]
    public void An_online_submission_pays_the_online_amount_per_page()
    {
        // 3 pages × 1.000 đồng online.
        Assert.Equal(3_000m, Submit(RicherDefinition.Form(3), Channel.Online).FeeAmount);
    }

    [Fact]
    public void The_fee_is_capped_at_its_maximum()
    {
        // 20 pages × 2.000 = 40.000 đồng, above the 30.000 đồng cap; more than 10 pages also needs the drawing.
        Assert.Equal(30_000m, Submit(RicherDefinition.Form(20), papers: ["DON", "BANVE"]).FeeAmount);
    }

    [Fact]
    public void An_exempt_applicant_pays_nothing()
    {
        var organisation = new Applicant("0101234567", "Công ty TNHH An Bình", ApplicantType.Organisation);

        Assert.Equal(0m, Submit(RicherDefinition.Form(3), applicant: organisation).FeeAmount);
    }

    [Fact]
    public void A_paper_required_under_a_guard_is_required_only_when_the_guard_holds()
    {
        var refusal = Assert.Throws<DossierRefusedException>(() => Submit(RicherDefinition.Form(11)));

        Assert.Equal(("documents", RefusalKind.Invalid), (refusal.Field, refusal.Kind));
        Assert.Contains("BANVE (Bản vẽ)", refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Submit(RicherDefinition.Form(10)).Documents, d => d.Code == "BANVE");
    }

    [Theory]
    [InlineData(null, "soTrang", "Phải nhập 'Số trang'.")]
    [InlineData("{\"soTrang\":\"ba\"}", "soTrang", "'Số trang': phải là một số.")]
    [InlineData("{\"soTrang\":0}", "soTrang", "'Số trang': phải từ 1 trở lên.")]
    [InlineData("{\"soTrang\":501}", "soTrang", "'Số trang': không được vượt quá 500.")]
    [InlineData("{\"soTrang\":1,\"loai\":\"c\"}", "loai", "'Loại': chỉ chọn một trong: a, b.")]
    [InlineData("{\"soTrang\":1,\"ngay\":\"02/03/2026\"}", "ngay", "'Ngày': phải là ngày dạng yyyy-MM-dd, ví dụ \"2026-03-02\".")]
    [InlineData("{\"soTrang\":1,\"khan\":\"có\"}", "khan", "'Khẩn': phải là true hoặc false.")]
    [InlineData("{\"soTrang\":1,\"dienTich\":5}", "dienTich", "Thủ tục không có trường 'dienTich'; các trường: soTrang, loai, ngay, cmnd, khan.")]
    public void A_wrong_or_missing_form_value_is_refused_naming_form_dot_its_key(string? json, string key, string message)
    {
        var form = json is null ? null : JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json);

        var refusal = Assert.Throws<DossierRefusedException>(() => Submit(form));

        Assert.Equal(($"form.{key}", message, RefusalKind.Invalid), (refusal.Field, refusal.Message, refusal.Kind));
    }

    [Fact]
    public void A_personal_id_field_is_checked_like_any_personal_id()
    {
        var refusal = Assert.Throws<DossierRefusedException>(() => Submit(RicherDefinition.Form(1, new { cmnd = "123" })));

        Assert.Equal("form.cmnd", refusal.Field);
        Assert.StartsWith("'Số định danh người được ủy quyền': ", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_supplement_may_correct_the_form_and_a_wrong_correction_changes_nothing()
    {
        var dossier = Submit(RicherDefinition.Form(3));
        _desk.Act(dossier, People.Reception(), DossierActions.RequestSupplement, Monday, new ActionRequest("Ghi lại số trang.", Items: [new SupplementItem("KHAC", "Ghi lại số trang trong form.")]));

        var refused = _desk.Refused(dossier, People.Reception(), DossierActions.Supplement, Monday,
            new ActionRequest(Form: RicherDefinition.Form(0)));
        Assert.Equal("form.soTrang", refused.Field);
        Assert.Equal(3, dossier.Form["soTrang"].GetInt32());

        _desk.Act(dossier, People.Reception(), DossierActions.Supplement, Monday, new ActionRequest(Form: RicherDefinition.Form(5)));
        Assert.Equal((DossierStatus.Submitted, 5), (dossier.Status, dossier.Form["soTrang"].GetInt32()));
    }
}
