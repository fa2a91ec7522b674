using OneStop.Domain.Dossiers;
using OneStop.Domain.Dossiers.Actions;
using static OneStop.Domain.Tests.Dossiers.VietnamTime;

namespace OneStop.Domain.Tests.Dossiers;

/// <summary>Several results (DESIGN §4.1): each recorded at resolve, <c>signed: false</c> kept unsigned, the signing leader named.</summary>
public sealed class SeveralResultsTests
{
    private readonly RicherDesk _richer = new();

    private Dossier Resolved(Guid? uploadedDecision = null)
    {
        var dossier = _richer.Received(applicant: new Applicant("0101234567", "Công ty TNHH An Bình", ApplicantType.Organisation));
        _richer.Desk.Act(dossier, People.Specialist(), DossierActions.Claim, RicherDesk.Monday);
        _richer.Desk.Act(dossier, People.Specialist(), DossierActions.Forward, RicherDesk.Monday);
        _richer.Fire(dossier, TimerKind.WaitElapse, Vn(2026, 3, 3, 9, 1));
        _richer.Desk.Act(dossier, People.Leader(), DossierActions.Approve, Vn(2026, 3, 3, 10, 0));
        dossier.ClearDomainEvents();
        _richer.Desk.Act(dossier, People.Reception(), DossierActions.Resolve, Vn(2026, 3, 3, 11, 0),
            new ActionRequest(Documents: uploadedDecision is { } file ? [new DocumentSubmission("KQ", file)] : null));
        return dossier;
    }

    [Fact]
    public void Every_result_is_recorded_the_unsigned_one_without_signer_and_the_signed_one_with_the_approving_leader()
    {
        var dossier = Resolved();

        Assert.Equal([("KQ", true, People.Leader().UserName), ("TB", false, null)], dossier.Results.Select(r => (r.Code, r.Signed, r.SignedBy)));
        Assert.Equal("KQ", dossier.Result!.Code);
    }

    [Fact]
    public void Resolving_raises_one_event_for_the_issuer_with_each_uploaded_file_under_its_result()
    {
        var file = Guid.NewGuid();

        var resolved = Assert.Single(Resolved(file).DomainEvents.OfType<DossierResolved>());

        Assert.Equal([new KeyValuePair<string, Guid>("KQ", file)], resolved.UploadedFiles);
    }

    [Fact]
    public void A_file_for_a_code_that_is_not_a_result_is_refused_when_there_are_several()
    {
        var refusal = Assert.Throws<DossierRefusedException>(() =>
        {
            var dossier = _richer.Received(applicant: new Applicant("0101234567", "Công ty TNHH An Bình", ApplicantType.Organisation));
            _richer.Desk.Act(dossier, People.Specialist(), DossierActions.Claim, RicherDesk.Monday);
            _richer.Desk.Act(dossier, People.Specialist(), DossierActions.Forward, RicherDesk.Monday);
            _richer.Fire(dossier, TimerKind.WaitElapse, Vn(2026, 3, 3, 9, 1));
            _richer.Desk.Act(dossier, People.Leader(), DossierActions.Approve, Vn(2026, 3, 3, 10, 0));
            _richer.Desk.Act(dossier, People.Reception(), DossierActions.Resolve, Vn(2026, 3, 3, 11, 0),
                new ActionRequest(Documents: [new DocumentSubmission("XYZ", Guid.NewGuid())]));
        });

        Assert.Equal(("documents[0].code", RefusalKind.Invalid), (refusal.Field, refusal.Kind));
    }
}
