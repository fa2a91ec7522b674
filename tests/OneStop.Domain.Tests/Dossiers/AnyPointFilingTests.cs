using OneStop.Domain.Calendar;
using OneStop.Domain.Definitions;
using OneStop.Domain.Dossiers;
using OneStop.Domain.Dossiers.Actions;
using OneStop.Domain.Units;

using static OneStop.Domain.Tests.Dossiers.VietnamTime;

namespace OneStop.Domain.Tests.Dossiers;

/// <summary>
/// Any-point filing (DESIGN §3; Decree 118/2025/NĐ-CP art. 11: the one-stop counters of a province receive without
/// regard to the administrative boundary): any unit of the province receives, the competent unit decides — the one the
/// submission names, else the one of the procedure's level over the applicant's commune — and the result goes where
/// the applicant chose. Each hop between the counter and the deciding unit is a <c>transfer</c> event of its own.
/// </summary>
public sealed class AnyPointFilingTests
{
    private static readonly DateOnly LongAgo = new(2000, 1, 1);

    private static readonly UnitTree Units = new(
    [
        .. TestUnits.Tree.All,
        new UnitInfo("22915", "Phường Mũi Né", Levels.Commune, "593", "000.16.22.H56", LongAgo),
        new UnitInfo("60.STC", "Sở Tài chính", Levels.Province, "60", "000.00.11.H56", LongAgo, Kind: UnitKinds.Agency),
        new UnitInfo("04", "Tỉnh Cao Bằng", Levels.Province, null, "000.00.00.H12", LongAgo),
        new UnitInfo("01273", "Phường Thục Phán", Levels.Commune, "04", "000.01.01.H12", LongAgo),
    ]);

    /// <summary>A province procedure received anywhere, decided by the competent unit, returned where the applicant chose.</summary>
    private static readonly WorkflowDefinition Enterprise = TestDefinitions.BirthRegistration with
    {
        Id = "thu-nghiem.phi-dia-gioi", Level = Levels.Province, AnyPoint = true,
        Steps =
        [
            TestDefinitions.BirthRegistration.Steps[0],
            TestDefinitions.BirthRegistration.Steps[1] with { Unit = StepUnits.Competent },
            TestDefinitions.BirthRegistration.Steps[2] with { Unit = StepUnits.Competent },
            TestDefinitions.BirthRegistration.Steps[3],
        ],
    };

    private static readonly WorkflowDefinition CommuneAnyPoint = Enterprise with { Id = "thu-nghiem.xa-phi-dia-gioi", Level = Levels.Commune };

    private static DossierContext Context(WorkflowDefinition definition, Actor actor, DateTime at) =>
        new(ProcedureModel.Compile(definition), Units, new DeadlineCalculator(new WorkingCalendar([]), OfficeHours.Default), actor, at);

    private static Dossier Submit(WorkflowDefinition definition, SubmissionRouting routing, string communeOfApplicant = "22918", string at = "22918") =>
        Dossier.Submit(Context(definition, People.Reception(at), Vn(2026, 3, 9, 8, 0)), "000.17.22.H56-260309-0001", "ABCD2345",
            new Applicant(People.ApplicantId, "Nguyễn Văn An", CommuneCode: communeOfApplicant), Channel.Counter, at,
            [new DocumentSubmission("TKKS"), new DocumentSubmission("GCS")], null, routing);

    private static void Act(WorkflowDefinition definition, Dossier dossier, Actor actor, string action, int minute) =>
        dossier.Act(action, new ActionRequest(), Context(definition, actor, Vn(2026, 3, 9, 9, minute)));

    [Fact]
    public void A_commune_counter_receives_a_province_procedure_the_department_decides_and_the_counter_returns_it()
    {
        var dossier = Submit(Enterprise, new SubmissionRouting(CompetentUnitCode: "60.STC"));
        Assert.Equal(("22918", "60.STC", "22918"), (dossier.ReceivingUnitCode, dossier.CompetentUnitCode, dossier.ReturnUnitCode));

        Act(Enterprise, dossier, People.Reception(), DossierActions.Receive, 0);
        Assert.Equal("60.STC", dossier.CurrentUnitCode);
        Act(Enterprise, dossier, People.Specialist("60.STC"), DossierActions.Forward, 1);
        Act(Enterprise, dossier, People.Leader("60.STC"), DossierActions.Approve, 2);
        Assert.Equal("22918", dossier.CurrentUnitCode);
        Act(Enterprise, dossier, People.Reception(), DossierActions.Resolve, 3);
        Act(Enterprise, dossier, People.Reception(), DossierActions.ReturnResult, 4);

        Assert.Equal(DossierStatus.Returned, dossier.Status);
        Assert.Equal(
            ["submit", "receive", "transfer", "forward", "approve", "transfer", "resolve", "return-result"],
            dossier.Events.Select(e => e.Action));
        var hops = dossier.Events.Where(e => e.Action == DossierActions.Transfer).Select(e => (e.UnitCode, e.ToUnitCode)).ToList();
        Assert.Equal([("22918", "60.STC"), ("60.STC", "22918")], hops);
    }

    [Fact]
    public void Without_a_named_unit_the_competent_one_is_the_committee_of_the_level_over_the_applicants_commune()
    {
        // Received at Mũi Né for an applicant of Hàm Tiến: Hàm Tiến decides.
        var dossier = Submit(CommuneAnyPoint, new SubmissionRouting(), communeOfApplicant: "22918", at: "22915");

        Assert.Equal("22918", dossier.CompetentUnitCode);
        Act(CommuneAnyPoint, dossier, People.Reception("22915"), DossierActions.Receive, 0);
        Assert.Equal("22918", dossier.CurrentUnitCode);
    }

    [Fact]
    public void The_applicant_may_collect_the_result_at_the_deciding_unit_and_the_dossier_makes_no_hop_back()
    {
        var dossier = Submit(Enterprise, new SubmissionRouting("60.STC", ReturnPoints.Competent));
        Act(Enterprise, dossier, People.Reception(), DossierActions.Receive, 0);
        Act(Enterprise, dossier, People.Specialist("60.STC"), DossierActions.Forward, 1);
        Act(Enterprise, dossier, People.Leader("60.STC"), DossierActions.Approve, 2);

        Assert.Equal("60.STC", dossier.CurrentUnitCode);
        Assert.NotNull(dossier.Check(DossierActions.Resolve, Context(Enterprise, People.Reception(), Vn(2026, 3, 9, 9, 3))));
        Act(Enterprise, dossier, People.Reception("60.STC"), DossierActions.Resolve, 3);
        Act(Enterprise, dossier, People.Reception("60.STC"), DossierActions.ReturnResult, 4);
        Assert.Equal(DossierStatus.Returned, dossier.Status);
        Assert.Single(dossier.Events, e => e.Action == DossierActions.Transfer);
    }

    [Fact]
    public void By_post_the_deciding_unit_sends_the_result_and_the_history_says_so()
    {
        var dossier = Submit(Enterprise, new SubmissionRouting("60.STC", ReturnPoints.Post));
        Act(Enterprise, dossier, People.Reception(), DossierActions.Receive, 0);
        Act(Enterprise, dossier, People.Specialist("60.STC"), DossierActions.Forward, 1);
        Act(Enterprise, dossier, People.Leader("60.STC"), DossierActions.Approve, 2);
        Act(Enterprise, dossier, People.Reception("60.STC"), DossierActions.Resolve, 3);
        Act(Enterprise, dossier, People.Reception("60.STC"), DossierActions.ReturnResult, 4);

        Assert.Contains("bưu chính", dossier.Events[^1].Comment);
    }

    [Theory]
    [InlineData("01273", "competentUnitCode")] // another province's commune
    [InlineData("khong-co", "competentUnitCode")]
    [InlineData("22918", "competentUnitCode")] // a commune for a province procedure
    public void A_competent_unit_outside_the_province_unknown_or_of_another_level_is_refused(string competent, string field)
    {
        var refusal = Assert.Throws<DossierRefusedException>(() => Submit(Enterprise, new SubmissionRouting(competent)));

        Assert.Equal((RefusalKind.Invalid, field), (refusal.Kind, refusal.Field));
    }

    [Fact]
    public void An_unknown_applicant_commune_is_refused_naming_it()
    {
        var refusal = Assert.Throws<DossierRefusedException>(() => Submit(CommuneAnyPoint, new SubmissionRouting(), communeOfApplicant: "99999"));

        Assert.Equal("applicant.communeCode", refusal.Field);
    }

    [Fact]
    public void A_procedure_not_marked_any_point_is_still_received_only_at_its_own_level()
    {
        var refusal = Assert.Throws<DossierRefusedException>(() =>
            Submit(Enterprise with { AnyPoint = null }, new SubmissionRouting()));

        Assert.Equal("receivingUnitCode", refusal.Field);
        var named = Assert.Throws<DossierRefusedException>(() =>
            Submit(TestDefinitions.BirthRegistration, new SubmissionRouting("22915")));
        Assert.Equal("competentUnitCode", named.Field);
    }

    [Fact]
    public void A_bad_return_point_is_refused_naming_returnAt()
    {
        var refusal = Assert.Throws<DossierRefusedException>(() => Submit(Enterprise, new SubmissionRouting("60.STC", "nha-rieng")));

        Assert.Equal("returnAt", refusal.Field);
    }
}
