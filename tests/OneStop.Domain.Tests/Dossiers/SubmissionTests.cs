using OneStop.Domain.Dossiers;
using OneStop.Domain.Dossiers.Actions;

using static OneStop.Domain.Tests.Dossiers.VietnamTime;

namespace OneStop.Domain.Tests.Dossiers;

/// <summary>Who may submit where, and with which papers.</summary>
public sealed class SubmissionTests
{
    private readonly DossierDesk _desk = new(TestDefinitions.BirthRegistration);

    [Fact]
    public void A_citizen_submits_online_with_files_and_owns_the_dossier()
    {
        var dossier = _desk.Submit(People.Applicant(), Vn(2026, 3, 9, 20, 0), Channel.Online);

        Assert.Equal((DossierStatus.Submitted, Channel.Online, "cong-dan.an"), (dossier.Status, dossier.Channel, dossier.OwnerUserName));
        Assert.Equal(["TKKS", "GCS"], dossier.Documents.Select(d => d.Code));
        Assert.All(dossier.Documents, d => Assert.False(d.SeenAtCounter));
        // A citizen acts for no unit; the event still says where the dossier went.
        Assert.Equal(((string?)null, "22918"), (dossier.Events[0].UnitCode, dossier.Events[0].ToUnitCode));
    }

    [Fact]
    public void Papers_handed_in_at_the_counter_are_recorded_as_seen_there()
    {
        var dossier = _desk.Submit(People.Reception(), Vn(2026, 3, 9, 8, 0));

        Assert.Null(dossier.OwnerUserName);
        Assert.All(dossier.Documents, d => Assert.True(d.SeenAtCounter));
    }

    [Fact]
    public void An_online_paper_without_a_file_is_refused_naming_that_paper()
    {
        var papers = new[] { new DocumentSubmission("TKKS", FileId: Guid.NewGuid()), new DocumentSubmission("GCS") };

        var refusal = Assert.Throws<DossierRefusedException>(() =>
            _desk.Submit(People.Applicant(), Vn(2026, 3, 9, 8, 0), Channel.Online, papers: papers));

        Assert.Equal((RefusalKind.Invalid, "documents[1]"), (refusal.Kind, refusal.Field));
        Assert.Contains("fileId", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reusable_paper_may_come_from_the_data_repository_instead_of_a_file()
    {
        var papers = new[] { new DocumentSubmission("TKKS", FileId: Guid.NewGuid()), new DocumentSubmission("GCS", RepositoryDocumentId: Guid.NewGuid()) };

        var dossier = _desk.Submit(People.Applicant(), Vn(2026, 3, 9, 8, 0), Channel.Online, papers: papers);

        Assert.NotNull(dossier.Documents[1].RepositoryDocumentId);
    }

    [Fact]
    public void A_paper_that_is_not_reusable_may_not_come_from_the_data_repository()
    {
        var papers = new[] { new DocumentSubmission("TKKS", RepositoryDocumentId: Guid.NewGuid()), new DocumentSubmission("GCS", FileId: Guid.NewGuid()) };

        var refusal = Assert.Throws<DossierRefusedException>(() =>
            _desk.Submit(People.Applicant(), Vn(2026, 3, 9, 8, 0), Channel.Online, papers: papers));

        Assert.Equal((RefusalKind.Invalid, "documents[0].repositoryDocumentId"), (refusal.Kind, refusal.Field));
    }

    [Fact]
    public void Missing_required_papers_are_refused_naming_every_one_of_them()
    {
        var refusal = Assert.Throws<DossierRefusedException>(() =>
            _desk.Submit(People.Reception(), Vn(2026, 3, 9, 8, 0), papers: []));

        Assert.Equal((RefusalKind.Invalid, "documents"), (refusal.Kind, refusal.Field));
        Assert.Contains("TKKS", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("GCS", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_missing_required_paper_is_named_and_the_present_one_is_not()
    {
        var refusal = Assert.Throws<DossierRefusedException>(() =>
            _desk.Submit(People.Reception(), Vn(2026, 3, 9, 8, 0), papers: [new DocumentSubmission("TKKS")]));

        Assert.Equal((RefusalKind.Invalid, "documents"), (refusal.Kind, refusal.Field));
        Assert.Contains("GCS", refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("TKKS", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_paper_the_procedure_does_not_ask_for_is_refused()
    {
        var refusal = Assert.Throws<DossierRefusedException>(() => _desk.Submit(People.Reception(), Vn(2026, 3, 9, 8, 0),
            papers: [new DocumentSubmission("TKKS"), new DocumentSubmission("GCS"), new DocumentSubmission("HOCHIEU")]));

        Assert.Equal((RefusalKind.Invalid, "documents[2].code"), (refusal.Kind, refusal.Field));
    }

    [Fact]
    public void A_citizen_may_not_submit_at_the_counter()
    {
        var refusal = Assert.Throws<DossierRefusedException>(() =>
            _desk.Submit(People.Applicant(), Vn(2026, 3, 9, 8, 0), Channel.Counter));

        Assert.Equal((RefusalKind.Invalid, "channel"), (refusal.Kind, refusal.Field));
    }

    [Fact]
    public void A_reception_officer_may_not_file_an_online_submission()
    {
        var refusal = Assert.Throws<DossierRefusedException>(() =>
            _desk.Submit(People.Reception(), Vn(2026, 3, 9, 8, 0), Channel.Online));

        Assert.Equal((RefusalKind.Invalid, "channel"), (refusal.Kind, refusal.Field));
    }

    [Fact]
    public void A_reception_officer_receives_only_at_their_own_unit()
    {
        var refusal = Assert.Throws<DossierRefusedException>(() =>
            _desk.Submit(People.Reception(TestUnits.District), Vn(2026, 3, 9, 8, 0), receivingUnit: TestUnits.Commune));

        Assert.Equal((RefusalKind.Forbidden, "receivingUnitCode"), (refusal.Kind, refusal.Field));
    }

    [Fact]
    public void A_specialist_may_not_submit_a_dossier()
    {
        var refusal = Assert.Throws<DossierRefusedException>(() =>
            _desk.Submit(People.Specialist(), Vn(2026, 3, 9, 8, 0)));

        Assert.Equal(RefusalKind.Forbidden, refusal.Kind);
    }

    [Fact]
    public void A_commune_procedure_may_not_be_submitted_at_the_district()
    {
        var refusal = Assert.Throws<DossierRefusedException>(() =>
            _desk.Submit(People.Applicant(), Vn(2026, 3, 9, 8, 0), Channel.Online, receivingUnit: TestUnits.District));

        Assert.Equal((RefusalKind.Invalid, "receivingUnitCode"), (refusal.Kind, refusal.Field));
    }

    [Fact]
    public void An_unknown_receiving_unit_is_refused()
    {
        var refusal = Assert.Throws<DossierRefusedException>(() =>
            _desk.Submit(People.Applicant(), Vn(2026, 3, 9, 8, 0), Channel.Online, receivingUnit: "99999"));

        Assert.Equal((RefusalKind.Invalid, "receivingUnitCode"), (refusal.Kind, refusal.Field));
    }
}
