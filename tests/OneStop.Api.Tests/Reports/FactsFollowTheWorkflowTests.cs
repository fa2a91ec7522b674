using Microsoft.EntityFrameworkCore;
using OneStop.Api.Tests.Infrastructure;
using OneStop.Infrastructure.Reports;

namespace OneStop.Api.Tests.Reports;

/// <summary>
/// The report facts are a handler of the dossier's history events (merge of issues 9 and 13): the actions issue 9
/// added — claim, release, assign, a consulted unit's answer, the end of a wait — keep a dossier's fact where the
/// dossier is, and a wait (niêm yết) is not a pause of the applicant's, unlike a supplement request.
/// Steps and units below are read off the shipped workflow files.
/// </summary>
public sealed class FactsFollowTheWorkflowTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    private Task<DossierReportFact> FactAsync(string code) => factory.QueryAsync(db =>
        db.ReportFacts.AsNoTracking().SingleAsync(f => f.DossierId == db.Dossiers.Where(d => d.Code == code).Select(d => d.Id).Single()));

    private async Task AssertAtAsync(string code, string step, string unit)
    {
        var fact = await FactAsync(code);
        Assert.Equal((step, unit), (fact.CurrentStepId, fact.CurrentUnitCode));
    }

    [Fact]
    public async Task Claiming_assigning_and_consulting_keep_the_construction_permits_fact_at_its_step()
    {
        var reception = await factory.SignInAsync("tiepnhan.tinh");
        var code = (await reception.SubmitAsync(new
        {
            procedureId = "xay-dung.cap-giay-phep-xay-dung-moi",
            applicant = new { idNumber = Demo.CitizenId, fullName = "Nguyễn Văn Công Dân" },
            channel = "counter",
            receivingUnitCode = Demo.Province,
            documents = new[] { "DDNGPXD", "GTDD", "BVTKXD", "QDPDDA", "VBTDPCCC" }.Select(c => new { code = c }).ToArray(),
            form = new { dienTichSan = 300, soTang = 3, loaiCongTrinh = "dan-dung" },
        })).Str("code");
        await AssertAtAsync(code, "tiep-nhan", Demo.Province);
        await reception.ActAsync(code, "receive");
        await AssertAtAsync(code, "phan-loai", Demo.Province);
        Assert.Equal(Demo.Province, (await FactAsync(code)).ReceivedUnitCode);

        var specialist = await factory.SignInAsync("chuyenvien.tinh");
        await specialist.ActAsync(code, "claim");
        await specialist.ActAsync(code, "release");
        await (await factory.SignInAsync("lanhdao.tinh")).ActAsync(code, "assign", new { userName = "chuyenvien.tinh" });
        await AssertAtAsync(code, "phan-loai", Demo.Province);

        // 300 m² > 250: the two agencies are consulted; their answers leave the dossier at the consultation step.
        await specialist.ActAsync(code, "forward");
        await AssertAtAsync(code, "lay-y-kien", Demo.Province);
        await factory.AnswerConsultationAsync(code, "60.SXD", "agree", "Phù hợp quy hoạch.");
        await factory.AnswerConsultationAsync(code, "60.PCCC", "agree", "Đạt yêu cầu PCCC.");
        await AssertAtAsync(code, "lay-y-kien", Demo.Province);

        await specialist.ActAsync(code, "forward");
        await AssertAtAsync(code, "tham-dinh", Demo.Province);
        var fact = await FactAsync(code);
        Assert.Null(fact.PausedSince);
        Assert.Null(fact.EndedAt);
    }

    [Fact]
    public async Task A_public_posting_is_not_a_pause_and_its_end_moves_the_fact_on_while_a_supplement_request_is_one()
    {
        var reception = await factory.SignInAsync("tiepnhan.xa");
        var code = (await reception.SubmitAsync(ApiClient.CounterSubmission("bao-tro-xa-hoi.tro-cap-xa-hoi-hang-thang", Demo.Commune, ["TKTGXH"]))).Str("code");
        await reception.ActAsync(code, "receive");
        var specialist = await factory.SignInAsync("chuyenvien.xa");
        var posted = await specialist.ActAsync(code, "forward");

        Assert.Equal("niem-yet", posted["currentStep"]!.Str("id"));
        await AssertAtAsync(code, "niem-yet", Demo.Commune);
        Assert.Null((await FactAsync(code)).PausedSince);

        // The posting's two working days pass: the system's elapse moves the dossier to the commune leader's proposal.
        await factory.ElapseStepAsync(posted);
        await AssertAtAsync(code, "de-nghi-xa", Demo.Commune);
        Assert.Null((await FactAsync(code)).PausedSince);

        // A supplement request does pause the clock for the applicant: the fact records since when.
        var asked = factory.Clock.GetUtcNow().UtcDateTime;
        await (await factory.SignInAsync("lanhdao.xa")).ActAsync(code, "request-supplement", new { comment = "Bổ sung giấy xác nhận khuyết tật." });
        Assert.Equal(asked, (await FactAsync(code)).PausedSince);
    }
}
