using OneStop.Domain.Definitions;
using OneStop.Domain.Dossiers;
using OneStop.Domain.Dossiers.Actions;

namespace OneStop.Domain.Tests.Dossiers;

/// <summary>
/// Moving a running dossier to another version (DESIGN §4.3): the step map decides where it goes; due dates, unit and
/// status stay; a consultation round, a wait's end and escalations follow it; what cannot follow keeps it where it is.
/// </summary>
public sealed class MigrationTests
{
    private static readonly RicherDesk V1 = new();

    /// <summary>Version 2 of the richer procedure: the claimable step is renamed <c>thu-ly</c>, the rest as before.</summary>
    private static readonly ProcedureModel Renamed = ProcedureModel.Compile(
        WorkflowDefinition.Parse(RicherDefinition.Json.Replace("\"xu-ly\"", "\"thu-ly\"", StringComparison.Ordinal)) with { Version = 2 });

    /// <summary>Version 3 no longer consults the fire police.</summary>
    private static readonly ProcedureModel WithoutFirePolice = ProcedureModel.Compile(RicherDefinition.Definition with
    {
        Version = 3,
        Steps = [.. RicherDefinition.Definition.Steps.Select(s => s.Id == "lay-y-kien" ? s with { Consult = [s.Consult![0]] } : s)],
    });

    private static DossierContext On(ProcedureModel model, DateTime at) => new(model, TestUnits.Tree, V1.Desk.Deadlines, Actor.System, at);

    [Fact]
    public void The_versions_differ_as_the_tests_need() =>
        Assert.Equal(["60.SXD"], WithoutFirePolice.Step("lay-y-kien")!.Consults.Select(c => c.Unit));

    [Fact]
    public void A_mapped_dossier_moves_to_the_new_step_keeping_status_unit_and_due_dates_with_one_migrate_event_by_system()
    {
        var dossier = V1.Received();
        var before = (dossier.Status, dossier.CurrentUnitCode, dossier.DueDate, dossier.StepDueDate, dossier.Events.Count);
        var at = RicherDesk.Monday.AddHours(1);

        dossier.Migrate("thu-ly", On(Renamed, at));

        Assert.Equal(2, dossier.DefinitionVersion);
        Assert.Equal("thu-ly", dossier.CurrentStepId);
        Assert.Equal((before.Status, before.CurrentUnitCode, before.DueDate, before.StepDueDate, before.Count + 1),
            (dossier.Status, dossier.CurrentUnitCode, dossier.DueDate, dossier.StepDueDate, dossier.Events.Count));
        var migrated = dossier.Events[^1];
        Assert.Equal(("migrate", "system", "xu-ly", "thu-ly", at), (migrated.Action, migrated.Actor, migrated.FromStep, migrated.ToStep, migrated.At));
        Assert.Contains("phiên bản 2", migrated.Comment);
        // The new version decides from here: the renamed step's work is claimable there too.
        Assert.Contains(DossierActions.Claim, dossier.AvailableActions(new DossierContext(Renamed, TestUnits.Tree, V1.Desk.Deadlines, People.Specialist(), at)));
    }

    [Fact]
    public void An_open_consultation_round_moves_with_the_dossier_and_its_timeout_still_fires_under_the_new_version()
    {
        var dossier = V1.Consulting();
        var pcccTimeout = dossier.Timers.Single(t => t.Kind == TimerKind.ConsultationTimeout && t.Target == TestUnits.FirePolice);

        dossier.Migrate("lay-y-kien", On(Renamed, RicherDesk.Monday.AddHours(1)));

        Assert.All(dossier.OpenRound, c => Assert.False(c.IsAnswered));
        Assert.Equal(2, dossier.OpenRound.Count);
        // The fire police's silence, due when it was due, still reaches the leader under version 2.
        dossier.ClearDomainEvents();
        Assert.Equal(TimerOutcome.Done, dossier.FireTimer(pcccTimeout.Id, On(Renamed, pcccTimeout.DueAt)));
        Assert.Contains(RicherDesk.Notifications(dossier), n => n.Kind == NotificationKinds.Escalated && n.Message.Contains(TestUnits.FirePolice));
        // And an answer given after the move counts: join 1 opens the way forward.
        dossier.Act(DossierActions.AnswerConsultation, new ActionRequest("Đồng ý.", Answer: ConsultationAnswers.Agree, UnitCode: TestUnits.BuildingDepartment),
            new DossierContext(Renamed, TestUnits.Tree, V1.Desk.Deadlines, RicherDesk.Appraiser(TestUnits.BuildingDepartment), pcccTimeout.DueAt));
        Assert.Contains(DossierActions.Forward,
            dossier.AvailableActions(new DossierContext(Renamed, TestUnits.Tree, V1.Desk.Deadlines, People.Specialist(), pcccTimeout.DueAt)));
    }

    [Fact]
    public void A_dossier_waiting_for_a_unit_the_new_step_no_longer_consults_stays_and_says_so()
    {
        var dossier = V1.Consulting();
        var before = (dossier.DefinitionVersion, dossier.CurrentStepId, dossier.Version, dossier.Events.Count);

        var why = dossier.WhyNotMigratable(WithoutFirePolice, "lay-y-kien");
        var refused = Assert.Throws<DossierRefusedException>(() => dossier.Migrate("lay-y-kien", On(WithoutFirePolice, RicherDesk.Monday)));

        Assert.Contains(TestUnits.FirePolice, why);
        Assert.DoesNotContain(TestUnits.BuildingDepartment, why);
        Assert.Equal(why, refused.Message);
        Assert.Equal(before, (dossier.DefinitionVersion, dossier.CurrentStepId, dossier.Version, dossier.Events.Count));
    }

    [Fact]
    public void A_wait_in_progress_moves_with_its_end_unchanged_and_elapses_under_the_new_version()
    {
        var dossier = V1.Received(pages: 3, applicant: new Applicant("0101243150", "Công ty TNHH An Bình", ApplicantType.Organisation));
        // An organisation pays nothing here, so the claimed work goes straight to the posting (niêm yết).
        V1.Desk.Act(dossier, People.Specialist(), DossierActions.Claim, RicherDesk.Monday);
        V1.Desk.Act(dossier, People.Specialist(), DossierActions.Forward, RicherDesk.Monday);
        Assert.Equal("niem-yet", dossier.CurrentStepId);
        var ends = dossier.StepDueDate!.Value;
        var elapse = dossier.Timers.Single(t => t.Kind == TimerKind.WaitElapse && t.DoneAt is null);

        Assert.Null(dossier.WhyNotMigratable(Renamed, "niem-yet"));
        Assert.NotNull(dossier.WhyNotMigratable(Renamed, "thu-ly"));
        dossier.Migrate("niem-yet", On(Renamed, RicherDesk.Monday.AddHours(1)));

        Assert.Equal(ends, dossier.StepDueDate);
        Assert.Equal(TimerOutcome.Done, dossier.FireTimer(elapse.Id, On(Renamed, ends.AddMinutes(1))));
        Assert.Equal("phe-duyet", dossier.CurrentStepId);
        Assert.Equal(DossierActions.Elapse, dossier.Events[^1].Action);
    }

    [Fact]
    public void A_closed_dossier_does_not_move()
    {
        var dossier = Dossier.Submit(V1.Desk.Context(People.Reception(), RicherDesk.Monday), "000.17.22.H56-260302-0009", "ABCD2345", People.Person(),
            Channel.Counter, TestUnits.Commune, [new DocumentSubmission("DON")], RicherDefinition.Form(3));
        V1.Desk.Act(dossier, People.Reception(), DossierActions.Refuse, RicherDesk.Monday, new ActionRequest("Sai thủ tục."));

        Assert.Contains("đã kết thúc", dossier.WhyNotMigratable(Renamed, "tiep-nhan"));
    }

    [Fact]
    public void A_step_map_names_steps_of_both_versions_and_only_pairs_steps_of_the_same_nature()
    {
        var errors = StepMap.Check(V1.Desk.Model, Renamed, new Dictionary<string, string>
        {
            ["xu-ly"] = "thu-ly",
            ["khong-co"] = "thu-ly",
            ["phe-duyet"] = "xu-ly",
            ["niem-yet"] = "thu-ly",
            ["lay-y-kien"] = "phe-duyet",
        });

        Assert.Equal(["stepMap.khong-co", "stepMap.phe-duyet", "stepMap.niem-yet", "stepMap.lay-y-kien"], errors.Select(e => e.Path));
        Assert.Contains("không có trong phiên bản 1", errors[0].Message);
        Assert.Contains("Bước đích 'xu-ly' không có trong phiên bản 2", errors[1].Message);
        Assert.Contains("(wait) không chuyển sang bước 'thu-ly' (task)", errors[2].Message);
        Assert.Contains("(consultation) không chuyển sang bước 'phe-duyet' (approval)", errors[3].Message);
        Assert.Equal("stepMap", Assert.Single(StepMap.Check(V1.Desk.Model, Renamed, new Dictionary<string, string>())).Path);
    }
}
