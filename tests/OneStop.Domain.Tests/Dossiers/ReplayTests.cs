using OneStop.Domain.Definitions;
using OneStop.Domain.Dossiers;
using OneStop.Domain.Dossiers.Actions;
using OneStop.Domain.Simulation;
using static OneStop.Domain.Tests.Dossiers.VietnamTime;

namespace OneStop.Domain.Tests.Dossiers;

/// <summary>
/// Replaying closed dossiers through a draft (the simulation of DESIGN §10): the same actions by the same people at
/// the same times, decided by the draft's model, report lateness and divergence.
/// </summary>
public sealed class ReplayTests
{
    private static readonly DossierDesk Desk = new(TestDefinitions.BirthRegistration);

    /// <summary>The draft gives thẩm định 2 working hours instead of 4.</summary>
    private static readonly ProcedureModel ShorterAppraisal = ProcedureModel.Compile(TestDefinitions.BirthRegistration with
    {
        Version = 2,
        Steps = [.. TestDefinitions.BirthRegistration.Steps.Select(s => s.Id == "tham-dinh" ? s with { Duration = new Duration { WorkingHours = 2 } } : s)],
    });

    /// <summary>
    /// Received Monday 02/03/2026 09:00, forwarded at <paramref name="forwardedAt"/>, approved, resolved and returned
    /// right after. Under version 1 thẩm định is due at 15:00 (09:00–11:30 is 150 minutes, 13:30 + the other 90).
    /// </summary>
    private static Dossier Returned(DateTime forwardedAt)
    {
        var dossier = Desk.Received(Vn(2026, 3, 2, 9, 0));
        Desk.Act(dossier, People.Specialist(), DossierActions.Forward, forwardedAt);
        Desk.Act(dossier, People.Leader(), DossierActions.Approve, forwardedAt.AddMinutes(10));
        Desk.Act(dossier, People.Reception(), DossierActions.Resolve, forwardedAt.AddMinutes(20));
        Desk.Act(dossier, People.Reception(), DossierActions.ReturnResult, forwardedAt.AddMinutes(30));
        return dossier;
    }

    /// <summary>The people of the history, as the simulation finds them: the test's officers by their user names.</summary>
    private static Actor ActorOf(string userName, string? unit) =>
        userName == "system" ? Actor.System : People.Officer(userName.Split('.')[0], unit ?? TestUnits.Commune);

    private static ReplayOutcome Replay(Dossier dossier, ProcedureModel draft) =>
        DossierReplay.Run(dossier, draft, TestUnits.Tree, Desk.Deadlines, ActorOf);

    [Fact]
    public void Replayed_through_its_own_version_a_dossier_ends_as_it_did_and_on_time()
    {
        var dossier = Returned(Vn(2026, 3, 2, 14, 0));

        var outcome = Replay(dossier, Desk.Model);

        Assert.False(outcome.EndsDifferently);
        Assert.Equal(DossierStatus.Returned, outcome.SimulatedStatus);
        Assert.False(outcome.Late);
        Assert.Equal(dossier.OriginalDueDate, outcome.SimulatedDueDate);
        var appraisal = outcome.Steps.Single(s => s.StepId == "tham-dinh");
        Assert.Equal((Vn(2026, 3, 2, 9, 0), Vn(2026, 3, 2, 15, 0), Vn(2026, 3, 2, 14, 0)), (appraisal.EnteredAt, appraisal.DueAt, appraisal.LeftAt));
    }

    [Fact]
    public void A_shorter_step_makes_the_dossiers_that_took_longer_late_at_that_step()
    {
        // 2 working hours from 09:00 end at 11:00: the 14:00 forward is late, the 10:30 one is not.
        var slow = Replay(Returned(Vn(2026, 3, 2, 14, 0)), ShorterAppraisal);
        var quick = Replay(Returned(Vn(2026, 3, 2, 10, 30)), ShorterAppraisal);

        Assert.True(slow.Late);
        Assert.False(slow.EndsDifferently);
        Assert.False(slow.MissesDueDate);
        var late = Assert.Single(slow.LateSteps);
        Assert.Equal(("tham-dinh", Vn(2026, 3, 2, 11, 0), Vn(2026, 3, 2, 14, 0)), (late.StepId, late.DueAt, late.LeftAt));
        Assert.False(quick.Late);
        Assert.Empty(quick.LateSteps);
    }

    [Fact]
    public void A_draft_that_refuses_a_recorded_action_ends_differently_and_says_where()
    {
        // The draft adds a check by the specialist between thẩm định and phê duyệt: the leader's recorded approval comes too early.
        var birth = TestDefinitions.BirthRegistration;
        var withCheck = ProcedureModel.Compile(birth with
        {
            Version = 3,
            Steps =
            [
                birth.Steps[0],
                birth.Steps[1] with { Transitions = [new TransitionDefinition { Action = "forward", To = "kiem-tra" }] },
                new StepDefinition
                {
                    Id = "kiem-tra", Name = "Kiểm tra lại", Kind = StepKinds.Task, Role = Domain.RoleNames.Specialist, Unit = StepUnits.Receiving,
                    Transitions = [new TransitionDefinition { Action = "forward", To = "phe-duyet" }],
                },
                .. birth.Steps.Skip(2),
            ],
        });
        var dossier = Returned(Vn(2026, 3, 2, 14, 0));

        var outcome = Replay(dossier, withCheck);

        Assert.True(outcome.EndsDifferently);
        Assert.Equal(DossierStatus.InProgress, outcome.SimulatedStatus);
        var at = outcome.Divergence!;
        Assert.Equal((DossierActions.Approve, "kiem-tra", Vn(2026, 3, 2, 14, 10)), (at.Action, at.StepId, at.At));
        // 1 submit, 2 receive, 3 forward (into kiem-tra under the draft), 4 the approval it refuses.
        Assert.Equal(4, at.Sequence);
        Assert.False(string.IsNullOrWhiteSpace(at.Reason));
    }

    [Fact]
    public void A_draft_requiring_a_new_paper_refuses_the_submission_itself()
    {
        var birth = TestDefinitions.BirthRegistration;
        var stricter = ProcedureModel.Compile(birth with
        {
            Version = 4,
            Documents = [.. birth.Documents, new DocumentRequirement { Code = "CCCD", Name = "Căn cước", Required = true }],
        });

        var outcome = Replay(Returned(Vn(2026, 3, 2, 14, 0)), stricter);

        Assert.True(outcome.EndsDifferently);
        Assert.Null(outcome.SimulatedStatus);
        Assert.Equal(("submit", 1), (outcome.Divergence!.Action, outcome.Divergence.Sequence));
        Assert.Contains("CCCD", outcome.Divergence.Reason);
    }
}
