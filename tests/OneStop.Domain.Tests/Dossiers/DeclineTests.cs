using OneStop.Domain.Dossiers;
using OneStop.Domain.Dossiers.Actions;

using static OneStop.Domain.Tests.Dossiers.VietnamTime;

namespace OneStop.Domain.Tests.Dossiers;

/// <summary>
/// <c>decline</c> (từ chối giải quyết, DESIGN §5): after review the deciding leader refuses to grant, with reasons; the
/// signed refusal notice is the result, the dossier is <c>Resolved</c> with <c>outcome: declined</c> and is returned
/// like any result. Every shipped procedure's own result is then not issued.
/// </summary>
public sealed class DeclineTests
{
    private readonly DossierDesk _desk = new(TestDefinitions.BirthRegistration);

    [Fact]
    public void The_leader_declines_with_reasons_and_the_refusal_notice_is_the_result()
    {
        var dossier = _desk.Received(Vn(2026, 3, 9, 8, 0));
        _desk.Act(dossier, People.Specialist(), DossierActions.Forward, Vn(2026, 3, 9, 9, 0));

        _desk.Act(dossier, People.Leader(), DossierActions.Decline, Vn(2026, 3, 9, 10, 0),
            new ActionRequest(Comment: "Người đề nghị không phải cha, mẹ hoặc người có trách nhiệm đi khai sinh."));

        Assert.Equal((DossierStatus.Resolved, Outcomes.Declined, "tra-ket-qua"), (dossier.Status, dossier.Outcome, dossier.CurrentStepId));
        var notice = Assert.Single(dossier.Results);
        Assert.Equal((Decline.NoticeCode, true, "leader.22918"), (notice.Code, notice.Signed, notice.SignedBy));
        Assert.Equal(Vn(2026, 3, 9, 10, 0), dossier.ResolvedAt);
        Assert.Contains("không phải cha, mẹ", dossier.Events[^1].Comment);
        var resolved = Assert.IsType<DossierResolved>(dossier.DomainEvents.Last(e => e is DossierResolved));
        Assert.NotNull(resolved.DeclineReasons);

        _desk.Act(dossier, People.Reception(), DossierActions.ReturnResult, Vn(2026, 3, 9, 11, 0));
        Assert.Equal(DossierStatus.Returned, dossier.Status);
    }

    [Fact]
    public void A_decline_without_reasons_is_refused_naming_the_comment()
    {
        var dossier = _desk.Received(Vn(2026, 3, 9, 8, 0));

        var refusal = _desk.Refused(dossier, People.Leader(), DossierActions.Decline, Vn(2026, 3, 9, 10, 0), new ActionRequest(Comment: "   "));

        Assert.Equal((RefusalKind.Invalid, "comment"), (refusal.Kind, refusal.Field));
        Assert.Null(dossier.Outcome);
        Assert.Empty(dossier.Results);
    }

    [Fact]
    public void Only_the_deciding_units_leader_may_decline()
    {
        var dossier = _desk.Received(Vn(2026, 3, 9, 8, 0));

        Assert.Equal(RefusalKind.Forbidden,
            _desk.Refused(dossier, People.Specialist(), DossierActions.Decline, Vn(2026, 3, 9, 10, 0), new ActionRequest(Comment: "Không đủ điều kiện.")).Kind);
        Assert.Equal(RefusalKind.Forbidden,
            _desk.Refused(dossier, People.Leader(TestUnits.District), DossierActions.Decline, Vn(2026, 3, 9, 10, 0), new ActionRequest(Comment: "Không đủ điều kiện.")).Kind);
    }

    [Fact]
    public void A_dossier_not_yet_received_is_refused_at_reception_not_declined()
    {
        var dossier = _desk.Submit(People.Reception(), Vn(2026, 3, 9, 8, 0));

        Assert.Equal(RefusalKind.Conflict,
            _desk.Refused(dossier, People.Leader(), DossierActions.Decline, Vn(2026, 3, 9, 10, 0), new ActionRequest(Comment: "Không đủ điều kiện.")).Kind);
    }

    [Fact]
    public void A_granted_dossier_says_so()
    {
        var dossier = _desk.Received(Vn(2026, 3, 9, 8, 0));
        _desk.Act(dossier, People.Specialist(), DossierActions.Forward, Vn(2026, 3, 9, 9, 0));
        _desk.Act(dossier, People.Leader(), DossierActions.Approve, Vn(2026, 3, 9, 10, 0));
        _desk.Act(dossier, People.Reception(), DossierActions.Resolve, Vn(2026, 3, 9, 11, 0));

        Assert.Equal(Outcomes.Granted, dossier.Outcome);
    }
}
