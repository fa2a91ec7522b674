using OneStop.Domain.Codes;
using OneStop.Domain.Definitions;
using OneStop.Domain.Dossiers;
using OneStop.Domain.Dossiers.Actions;

using static OneStop.Domain.Tests.Dossiers.VietnamTime;

namespace OneStop.Domain.Tests.Dossiers;

/// <summary>
/// DESIGN §14 in the domain: a definition's <c>vneidLevel</c> against the citizen's sign-in, the VNeID level a
/// dossier records, papers a national database proves, and the system confirming a payment the platform reports.
/// </summary>
public sealed class NationalServicesTests
{
    private static readonly WorkflowDefinition LevelTwo = TestDefinitions.BirthRegistration with { VneidLevel = 2 };

    /// <summary>Birth registration whose birth paper (GCS) the population database proves.</summary>
    private static readonly WorkflowDefinition Proven = TestDefinitions.BirthRegistration with
    {
        Documents =
        [
            TestDefinitions.BirthRegistration.Documents[0],
            TestDefinitions.BirthRegistration.Documents[1] with { ProvenBy = NationalDatabases.Population },
        ],
    };

    private static Actor Citizen(int? level) => People.Applicant() with { VneidLevel = level };

    private static Dossier SubmitOnline(DossierDesk desk, Actor citizen) =>
        desk.Submit(citizen, Vn(2026, 3, 9, 8, 0), Channel.Online);

    [Fact]
    public void A_level_two_citizen_submits_online_and_the_dossier_records_the_level()
    {
        var dossier = SubmitOnline(new DossierDesk(LevelTwo), Citizen(2));

        Assert.Equal((DossierStatus.Submitted, 2), (dossier.Status, dossier.VneidLevel));
    }

    [Theory]
    [InlineData(1, "tài khoản của bạn mới ở mức 1")]
    [InlineData(null, "đăng nhập bằng mật khẩu không đủ")]
    public void A_procedure_needing_level_two_refuses_a_lower_sign_in_with_403(int? level, string says)
    {
        var refusal = Assert.Throws<DossierRefusedException>(() => SubmitOnline(new DossierDesk(LevelTwo), Citizen(level)));

        Assert.Equal(RefusalKind.Forbidden, refusal.Kind);
        Assert.Contains("VNeID mức 2", refusal.Message);
        Assert.Contains(says, refusal.Message);
    }

    [Fact]
    public void A_password_sign_in_submits_where_no_level_is_needed_and_records_none()
    {
        var dossier = SubmitOnline(new DossierDesk(TestDefinitions.BirthRegistration), Citizen(null));

        Assert.Null(dossier.VneidLevel);
    }

    [Fact]
    public void The_counter_records_no_vneid_level_and_needs_none()
    {
        var dossier = new DossierDesk(LevelTwo).Submit(People.Reception(), Vn(2026, 3, 9, 8, 0));

        Assert.Null(dossier.VneidLevel);
    }

    [Fact]
    public void A_paper_the_population_database_proves_is_taken_from_it_instead_of_asked_for()
    {
        var desk = new DossierDesk(Proven);
        var context = desk.Context(People.Reception(), Vn(2026, 3, 9, 8, 0));

        var dossier = Dossier.Submit(context, DossierCodes.Format("000.17.22.H56", new DateOnly(2026, 3, 9), 1), "ABCD2345", People.Person(),
            Channel.Counter, TestUnits.Commune, [new DocumentSubmission("TKKS")], proof: new NationalProof(NationalDatabases.Population, People.ApplicantId));

        Assert.Equal([("TKKS", "counter"), ("GCS", "population")], dossier.Documents.Select(d => (d.Code, d.Source)));
    }

    [Fact]
    public void Without_the_database_the_proven_paper_is_required_as_before()
    {
        var desk = new DossierDesk(Proven);
        var context = desk.Context(People.Reception(), Vn(2026, 3, 9, 8, 0));

        var refusal = Assert.Throws<DossierRefusedException>(() => Dossier.Submit(context, "X-260309-0001", "ABCD2345", People.Person(),
            Channel.Counter, TestUnits.Commune, [new DocumentSubmission("TKKS")]));

        Assert.Equal(("documents", RefusalKind.Invalid), (refusal.Field, refusal.Kind));
        Assert.Contains("GCS", refusal.Message);
    }

    [Fact]
    public void A_look_up_of_someone_else_proves_nothing_for_this_applicant()
    {
        var desk = new DossierDesk(Proven);
        var context = desk.Context(People.Reception(), Vn(2026, 3, 9, 8, 0));

        var refusal = Assert.Throws<DossierRefusedException>(() => Dossier.Submit(context, "X-260309-0001", "ABCD2345", People.Person(),
            Channel.Counter, TestUnits.Commune, [new DocumentSubmission("TKKS")], proof: new NationalProof(NationalDatabases.Population, "079200000456")));

        Assert.Equal("lookupId", refusal.Field);
    }

    [Fact]
    public void The_business_database_proves_nothing_the_definition_gives_to_the_population_database()
    {
        var desk = new DossierDesk(Proven);
        var context = desk.Context(People.Reception(), Vn(2026, 3, 9, 8, 0));

        var refusal = Assert.Throws<DossierRefusedException>(() => Dossier.Submit(context, "X-260309-0001", "ABCD2345", People.Person(),
            Channel.Counter, TestUnits.Commune, [new DocumentSubmission("TKKS")], proof: new NationalProof(NationalDatabases.Business, People.ApplicantId)));

        Assert.Contains("GCS", refusal.Message);
    }

    [Fact]
    public void The_system_confirms_a_payment_the_platform_reports_and_the_clock_resumes()
    {
        var desk = new DossierDesk(TestDefinitions.WithFee(50_000));
        var dossier = desk.Received(Vn(2026, 3, 9, 8, 0));
        desk.Act(dossier, People.Reception(), DossierActions.RequestPayment, Vn(2026, 3, 9, 8, 30));

        desk.Act(dossier, Actor.System, DossierActions.ConfirmPayment, Vn(2026, 3, 9, 10, 0));

        Assert.Equal((DossierStatus.InProgress, "tham-dinh", true), (dossier.Status, dossier.CurrentStepId, dossier.FeePaidOnline));
        // Paused 08:30–10:00: 90 office minutes. Received Mon 09/03 08:00 with one working day, the dossier is due at
        // the close of Tue 10/03 (17:00: a whole day ends at the close of office hours, Civil Code art. 147–148, issue
        // 10); 90 office minutes later is Wed 11/03 09:00 (the office opens at 07:30, 07:30 + 90 min).
        Assert.Equal(90, dossier.Pauses[0].WorkingMinutes);
        Assert.Equal(Vn(2026, 3, 11, 9, 0), dossier.DueDate);
        Assert.Equal(("confirm-payment", "system"), (dossier.Events[^1].Action, dossier.Events[^1].Actor));
    }

    [Fact]
    public void An_officer_confirming_by_hand_is_not_an_online_payment()
    {
        var desk = new DossierDesk(TestDefinitions.WithFee(50_000));
        var dossier = desk.Received(Vn(2026, 3, 9, 8, 0));
        desk.Act(dossier, People.Reception(), DossierActions.RequestPayment, Vn(2026, 3, 9, 8, 30));

        desk.Act(dossier, People.Reception(), DossierActions.ConfirmPayment, Vn(2026, 3, 9, 9, 0));

        Assert.False(dossier.FeePaidOnline);
    }

    [Fact]
    public void The_system_confirms_nothing_unless_the_dossier_waits_for_the_money()
    {
        var desk = new DossierDesk(TestDefinitions.WithFee(50_000));
        var dossier = desk.Received(Vn(2026, 3, 9, 8, 0));

        var refusal = desk.Refused(dossier, Actor.System, DossierActions.ConfirmPayment, Vn(2026, 3, 9, 8, 30));

        Assert.Equal(RefusalKind.Conflict, refusal.Kind);
    }

    [Fact]
    public void The_system_cannot_ask_for_payment_nor_is_confirming_offered_to_the_applicant()
    {
        var desk = new DossierDesk(TestDefinitions.WithFee(50_000));
        var dossier = desk.Received(Vn(2026, 3, 9, 8, 0));
        desk.Act(dossier, People.Reception(), DossierActions.RequestPayment, Vn(2026, 3, 9, 8, 30));

        Assert.DoesNotContain(DossierActions.ConfirmPayment, dossier.AvailableActions(desk.Context(People.Applicant(), Vn(2026, 3, 9, 9, 0))));
        desk.Refused(dossier, People.Applicant(), DossierActions.ConfirmPayment, Vn(2026, 3, 9, 9, 0));
    }
}
