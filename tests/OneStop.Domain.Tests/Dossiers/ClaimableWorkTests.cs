using OneStop.Domain.Dossiers;
using OneStop.Domain.Dossiers.Actions;

namespace OneStop.Domain.Tests.Dossiers;

/// <summary>Claimable work (DESIGN §4.1): one officer of the role holds the step; others read it; a leader assigns.</summary>
public sealed class ClaimableWorkTests
{
    private readonly RicherDesk _richer = new();
    private static readonly DateTime Monday = RicherDesk.Monday;
    private static readonly Actor Colleague = new("specialist.khac", new HashSet<string> { RoleNames.Specialist }, TestUnits.Commune);

    [Fact]
    public void Before_anyone_claims_the_step_its_officers_may_only_claim()
    {
        var dossier = _richer.Received();

        Assert.Equal([DossierActions.Claim], _richer.Desk.Context(People.Specialist(), Monday) is var c ? dossier.AvailableActions(c) : []);
        var refusal = _richer.Desk.Refused(dossier, People.Specialist(), DossierActions.Forward, Monday);
        Assert.Equal(RefusalKind.Forbidden, refusal.Kind);
        Assert.Contains("nhận xử lý (claim)", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_officer_who_claimed_acts_and_the_others_see_the_dossier_read_only()
    {
        var dossier = _richer.Received();
        _richer.Desk.Act(dossier, People.Specialist(), DossierActions.Claim, Monday);

        Assert.Equal(People.Specialist().UserName, dossier.AssigneeUserName);
        Assert.Contains(DossierActions.Forward, dossier.AvailableActions(_richer.Desk.Context(People.Specialist(), Monday)));
        Assert.Empty(dossier.AvailableActions(_richer.Desk.Context(Colleague, Monday)));
        Assert.Equal(RefusalKind.Conflict, _richer.Desk.Refused(dossier, Colleague, DossierActions.Claim, Monday).Kind);
        Assert.Equal(RefusalKind.Forbidden, _richer.Desk.Refused(dossier, Colleague, DossierActions.Forward, Monday).Kind);
        Assert.Equal(RefusalKind.Forbidden, _richer.Desk.Refused(dossier, Colleague, DossierActions.Release, Monday).Kind);
    }

    [Fact]
    public void Releasing_gives_the_work_back_and_a_new_step_is_new_work()
    {
        var dossier = _richer.Received();
        _richer.Desk.Act(dossier, People.Specialist(), DossierActions.Claim, Monday);
        _richer.Desk.Act(dossier, People.Specialist(), DossierActions.Release, Monday);
        Assert.Null(dossier.AssigneeUserName);

        _richer.Desk.Act(dossier, Colleague, DossierActions.Claim, Monday);
        _richer.Desk.Act(dossier, Colleague, DossierActions.Forward, Monday);

        Assert.Equal(("lay-y-kien", null), (dossier.CurrentStepId, dossier.AssigneeUserName));
    }

    [Fact]
    public void A_leader_assigns_to_an_officer_of_the_step_role_who_is_notified()
    {
        var dossier = _richer.Received();
        _richer.Desk.Act(dossier, People.Specialist(), DossierActions.Claim, Monday);
        dossier.ClearDomainEvents();

        _richer.Desk.Act(dossier, People.Leader(), DossierActions.Assign, Monday, new ActionRequest(Assignee: Colleague));

        Assert.Equal(Colleague.UserName, dossier.AssigneeUserName);
        var notice = Assert.Single(RicherDesk.Notifications(dossier));
        Assert.Equal((NotificationKinds.Assigned, Colleague.UserName), (notice.Kind, notice.UserName));
        Assert.Equal("userName", _richer.Desk.Refused(dossier, People.Leader(), DossierActions.Assign, Monday,
            new ActionRequest(Assignee: People.Reception())).Field);
        Assert.Equal(RefusalKind.Forbidden, _richer.Desk.Refused(dossier, People.Specialist(), DossierActions.Assign, Monday,
            new ActionRequest(Assignee: People.Specialist())).Kind);
    }

    [Fact]
    public void A_step_that_is_not_claimable_cannot_be_claimed()
    {
        var desk = new DossierDesk(TestDefinitions.BirthRegistration);
        var dossier = desk.Received(Monday);

        Assert.Equal(RefusalKind.Conflict, desk.Refused(dossier, People.Specialist(), DossierActions.Claim, Monday).Kind);
        Assert.Contains(DossierActions.Forward, dossier.AvailableActions(desk.Context(People.Specialist(), Monday)));
    }
}
