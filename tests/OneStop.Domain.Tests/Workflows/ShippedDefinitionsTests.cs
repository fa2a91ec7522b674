using System.Text.Json;
using OneStop.Domain;
using OneStop.Domain.Calendar;
using OneStop.Domain.Definitions;
using OneStop.Domain.Dossiers;
using OneStop.Domain.Dossiers.Actions;
using OneStop.Domain.Units;

namespace OneStop.Domain.Tests.Workflows;

/// <summary>
/// Every shipped definition passes the publish validator and drives every branch to <c>Returned</c> (elsa-core's
/// fixture per workflow): a dossier per case — counter and online, the form at its smallest and largest — acted on
/// only by officers of the unit where the dossier is, the consulted agencies' appraisers and the system's timers.
/// Together the cases must visit every step and take every guarded transition of the file.
/// </summary>
public sealed class ShippedDefinitionsTests
{
    private static readonly string WorkflowsFolder = Path.Combine(AppContext.BaseDirectory, "workflows");

    private static readonly UnitTree Units = new(
    [
        new UnitInfo("60", "Tỉnh Bình Thuận", Levels.Province, null, "000.00.00.H56", new DateOnly(2000, 1, 1)),
        new UnitInfo("593", "Thành phố Phan Thiết", Levels.District, "60", "000.00.17.H56", new DateOnly(2000, 1, 1)),
        new UnitInfo("22918", "Phường Mũi Né", Levels.Commune, "593", "000.17.22.H56", new DateOnly(2000, 1, 1)),
        new UnitInfo("60.SXD", "Sở Xây dựng", Levels.Province, "60", "000.00.06.H56", new DateOnly(2000, 1, 1), Kind: UnitKinds.Agency),
        new UnitInfo("60.PCCC", "Phòng Cảnh sát PCCC", Levels.Province, "60", "000.00.48.H56", new DateOnly(2000, 1, 1), Kind: UnitKinds.Agency),
        new UnitInfo("60.STC", "Sở Tài chính", Levels.Province, "60", "000.00.11.H56", new DateOnly(2000, 1, 1), Kind: UnitKinds.Agency),
        new UnitInfo("22918.CA", "Công an phường", Levels.Commune, "22918", "000.17.22.H56.CA", new DateOnly(2000, 1, 1), Kind: UnitKinds.Agency),
        new UnitInfo("60.BHXH", "Bảo hiểm xã hội tỉnh", Levels.Province, "60", "000.00.35.H56", new DateOnly(2000, 1, 1), Kind: UnitKinds.Agency),
    ]);

    private static readonly Dictionary<string, string> ReceivingUnitOfLevel = new()
    {
        [Levels.Commune] = "22918",
        [Levels.District] = "593",
        [Levels.Province] = "60",
    };

    /// <summary>
    /// Where a file's dossiers are handed in: the commune police for residence (Law on Residence 2020 art. 22); a commune
    /// counter for an any-point procedure, decided by the provincial department; else a counter of the procedure's level.
    /// </summary>
    private static (string Receiving, SubmissionRouting Routing) PlaceOf(WorkflowDefinition definition) =>
        definition.Id.StartsWith("cu-tru.", StringComparison.Ordinal) ? ("22918.CA", new SubmissionRouting())
        : definition.AnyPoint == true ? ("22918", new SubmissionRouting(CompetentUnitCode: "60.STC"))
        : (ReceivingUnitOfLevel[definition.Level], new SubmissionRouting());

    /// <summary>At each step, the first of these that the acting officer may take.</summary>
    private static readonly string[] Preference =
    [
        DossierActions.Receive, DossierActions.Claim, DossierActions.Resolve, DossierActions.ReturnResult, DossierActions.Approve,
        DossierActions.RequestPayment, DossierActions.ConfirmPayment, DossierActions.Forward,
    ];

    private static readonly DeadlineCalculator Deadlines = new(
        WorkingCalendar.LoadJson(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "calendar", "vietnam-holidays.json"))), OfficeHours.Default);

    /// <summary>The shipped procedures; the packages (DESIGN §4.2) are checked against them below.</summary>
    public static TheoryData<string> ShippedFiles() => Shipped(package: false);

    public static TheoryData<string> ShippedPackages() => Shipped(package: true);

    private static TheoryData<string> Shipped(bool package)
    {
        var files = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(WorkflowsFolder, "*.json").Order(StringComparer.Ordinal))
            if (WorkflowDefinition.Parse(File.ReadAllText(path)).IsPackage == package)
                files.Add(Path.GetFileName(path));
        return files;
    }

    /// <summary>A package publishes only over its members: each shipped, each result it passes on issued and taken.</summary>
    [Theory]
    [MemberData(nameof(ShippedPackages))]
    public void Every_shipped_package_validates_against_the_shipped_procedures(string fileName)
    {
        var procedures = Directory.GetFiles(WorkflowsFolder, "*.json").Select(f => WorkflowDefinition.Parse(File.ReadAllText(f)))
            .Where(d => !d.IsPackage).ToDictionary(d => d.Id);
        var package = WorkflowDefinition.Parse(File.ReadAllText(Path.Combine(WorkflowsFolder, fileName)));

        var report = DefinitionValidator.Check(package, code => Units.Find(code) is not null, procedures.GetValueOrDefault);

        Assert.True(report.Errors.Count == 0, string.Join(Environment.NewLine, report.Errors.Select(e => $"{e.Path}: {e.Message}")));
        Assert.Empty(report.Warnings);
        // Without its members published, the same file is refused at each member.
        var alone = DefinitionValidator.Check(package, code => Units.Find(code) is not null, _ => null);
        Assert.Equal(package.Members!.Select((_, i) => $"members[{i}].procedureId"), alone.Errors.Select(e => e.Path));
    }

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void Every_shipped_definition_validates_and_every_branch_reaches_Returned(string fileName)
    {
        var definition = WorkflowDefinition.Parse(File.ReadAllText(Path.Combine(WorkflowsFolder, fileName)));
        var report = DefinitionValidator.Check(definition, code => Units.Find(code) is not null);
        Assert.True(report.Errors.Count == 0, string.Join(Environment.NewLine, report.Errors.Select(e => $"{e.Path}: {e.Message}")));
        Assert.Empty(report.Warnings);
        var model = ProcedureModel.Compile(definition);

        var visited = new HashSet<string>();
        var taken = new HashSet<(string From, string To)>();
        foreach (var channel in Channels(definition))
            foreach (var form in new[] { Form(definition, largest: false), Form(definition, largest: true) })
            {
                var dossier = Drive(model, channel, form);
                Assert.Equal(DossierStatus.Returned, dossier.Status);
                Assert.Equal(model.Results.Select(r => r.Code), dossier.Results.Select(r => r.Code));
                Assert.Null(dossier.OpenPause);
                Assert.Equal(Enumerable.Range(1, dossier.Events.Count), dossier.Events.Select(e => e.Sequence));
                // A positive fee passes through the payment step, which asks for the money first; no fee skips it.
                Assert.Equal(dossier.FeeAmount > 0 && definition.Steps.Any(s => s.Kind == StepKinds.Payment),
                    dossier.Events.Any(e => e.Action == DossierActions.ConfirmPayment));
                foreach (var e in dossier.Events.Where(e => e.FromStep is not null && e.FromStep != e.ToStep))
                    taken.Add((e.FromStep!, e.ToStep!));
                visited.UnionWith(dossier.Events.Select(e => e.ToStep!));
            }

        Assert.Equal(definition.Steps.Select(s => s.Id).Order(StringComparer.Ordinal), visited.Order(StringComparer.Ordinal));
        var guarded = definition.Steps.SelectMany(s => s.Transitions.Where(t => t.When is not null).Select(t => (s.Id, t.To)));
        Assert.All(guarded, branch => Assert.Contains(branch, taken));
    }

    /// <summary>Counter always; online too when the procedure is offered online (online fees differ).</summary>
    private static Channel[] Channels(WorkflowDefinition definition) => definition.OnlineLevel == "none" ? [Channel.Counter] : [Channel.Counter, Channel.Online];

    /// <summary>A valid form at one end of every field: the minimum or a large number, false or true, the first or last choice.</summary>
    private static Dictionary<string, JsonElement> Form(WorkflowDefinition definition, bool largest) =>
        (definition.Form ?? []).ToDictionary(f => f.Key, f => JsonSerializer.SerializeToElement<object>(f.Type switch
        {
            FormFieldTypes.Number or FormFieldTypes.Money => largest ? f.Max ?? 1000m : f.Min ?? 1m,
            FormFieldTypes.Boolean => largest,
            FormFieldTypes.Choice => largest ? f.Choices![^1] : f.Choices![0],
            FormFieldTypes.Date => "2026-03-20",
            FormFieldTypes.IdNumber => "060226000123",
            _ => "Thông tin mẫu",
        }));

    private static Dossier Drive(ProcedureModel model, Channel channel, Dictionary<string, JsonElement> form)
    {
        var definition = model.Definition;
        var (receivingUnit, routing) = PlaceOf(definition);
        // Monday 9/3/2026 08:00 in Vietnam; every action comes ten minutes after the one before.
        var now = new DateTimeOffset(2026, 3, 9, 8, 0, 0, TimeSpan.FromHours(7)).UtcDateTime;
        DossierContext As(Actor actor) => new(model, Units, Deadlines, actor, now);

        var papers = definition.Documents.Where(d => d.Required.Always || d.Required.IsConditional)
            .Select(d => new DocumentSubmission(d.Code, FileId: channel == Channel.Online ? Guid.NewGuid() : null)).ToList();
        var submitter = channel == Channel.Online
            // Online, the citizen signed in through VNeID at the level the procedure asks for (issue 17), if it asks one.
            ? new Actor("cong-dan.an", new HashSet<string> { RoleNames.Citizen }, null, "060195000123") { VneidLevel = definition.VneidLevel }
            : Officer(RoleNames.Reception, receivingUnit);
        var dossier = Dossier.Submit(As(submitter), "000.17.22.H56-260309-0001", "ABCD2345",
            new Applicant("060195000123", "Nguyễn Văn An"), channel, receivingUnit, papers, form, routing);

        var trail = new List<string>();
        for (var actions = 0; dossier.Status != DossierStatus.Returned; actions++)
        {
            Assert.True(actions < 60, $"No Returned after 60 actions: {string.Join(" → ", trail)}");
            var step = model.Step(dossier.CurrentStepId)!;
            if (step.Kind == StepKinds.Wait && dossier.Status == DossierStatus.InProgress)
            {
                now = dossier.StepDueDate!.Value.AddMinutes(1);
                foreach (var timer in dossier.DueTimers(now).ToList())
                    dossier.FireTimer(timer.Id, As(Actor.System));
                trail.Add($"elapse@{step.Id}");
                continue;
            }
            foreach (var consultation in step.Kind == StepKinds.Consultation ? dossier.OpenRound.Where(c => !c.IsAnswered).ToList() : [])
            {
                dossier.Act(DossierActions.AnswerConsultation, new ActionRequest("Đồng ý.", Answer: ConsultationAnswers.Agree, UnitCode: consultation.UnitCode),
                    As(Officer(consultation.Role, consultation.UnitCode)));
                trail.Add($"agree@{consultation.UnitCode}");
            }
            var role = dossier.Status is DossierStatus.Submitted or DossierStatus.Resolved ? RoleNames.Reception : step.Role!;
            var unit = dossier.Status is DossierStatus.Submitted ? dossier.ReceivingUnitCode
                : dossier.Status is DossierStatus.Resolved ? dossier.ReturnUnitCode : dossier.CurrentUnitCode;
            var officer = Officer(role, unit);
            var context = As(officer);
            var available = dossier.AvailableActions(context);
            var action = Preference.FirstOrDefault(available.Contains);
            Assert.True(action is not null,
                $"Stuck at {dossier.Status}/{step.Id} ({officer.UserName}); available: [{string.Join(", ", available)}]; so far: {string.Join(" → ", trail)}");

            dossier.Act(action, new ActionRequest(), context);
            trail.Add($"{action}@{step.Id}:{dossier.CurrentUnitCode}");
            now = now.AddMinutes(10);
        }
        Assert.Equal(receivingUnit, dossier.CurrentUnitCode);
        return dossier;
    }

    private static Actor Officer(string role, string unit) => new($"{role}.{unit}", new HashSet<string> { role }, unit);
}
