using OneStop.Domain;
using OneStop.Domain.Calendar;
using OneStop.Domain.Definitions;
using OneStop.Domain.Dossiers;
using OneStop.Domain.Dossiers.Actions;
using OneStop.Domain.Units;

namespace OneStop.Domain.Tests.Workflows;

/// <summary>
/// Every shipped definition passes the publish validator and carries a dossier from the counter to
/// <c>Returned</c>, acted on only by officers of the unit where the dossier is (elsa-core's fixture per workflow).
/// </summary>
public sealed class ShippedDefinitionsTests
{
    private static readonly string WorkflowsFolder = Path.Combine(AppContext.BaseDirectory, "workflows");

    private static readonly UnitTree Units = new(
    [
        new UnitInfo("60", "Tỉnh Bình Thuận", Levels.Province, null, "000.00.00.H56", new DateOnly(2000, 1, 1)),
        new UnitInfo("593", "Thành phố Phan Thiết", Levels.District, "60", "000.00.17.H56", new DateOnly(2000, 1, 1)),
        new UnitInfo("22918", "Phường Mũi Né", Levels.Commune, "593", "000.17.22.H56", new DateOnly(2000, 1, 1)),
    ]);

    private static readonly Dictionary<string, string> ReceivingUnitOfLevel = new()
    {
        [Levels.Commune] = "22918",
        [Levels.District] = "593",
        [Levels.Province] = "60",
    };

    /// <summary>At each step, the first of these that the acting officer may take.</summary>
    private static readonly string[] Preference =
    [
        DossierActions.Receive, DossierActions.Resolve, DossierActions.ReturnResult, DossierActions.Approve,
        DossierActions.RequestPayment, DossierActions.ConfirmPayment, DossierActions.Forward,
    ];

    public static TheoryData<string> ShippedFiles()
    {
        var files = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(WorkflowsFolder, "*.json").Order(StringComparer.Ordinal))
            files.Add(Path.GetFileName(path));
        return files;
    }

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void Every_shipped_definition_validates_and_takes_a_dossier_from_the_counter_to_Returned(string fileName)
    {
        var definition = WorkflowDefinition.Parse(File.ReadAllText(Path.Combine(WorkflowsFolder, fileName)));

        var errors = DefinitionValidator.Validate(definition, code => code is "60" or "593" or "22918");
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Select(e => $"{e.Path}: {e.Message}")));

        var engine = ProcedureModel.Compile(definition);
        var deadlines = new DeadlineCalculator(
            WorkingCalendar.LoadJson(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "calendar", "vietnam-holidays.json"))),
            OfficeHours.Default);
        var receivingUnit = ReceivingUnitOfLevel[definition.Level];
        // Monday 9/3/2026 08:00 in Vietnam; every action comes ten minutes after the one before.
        var now = new DateTimeOffset(2026, 3, 9, 8, 0, 0, TimeSpan.FromHours(7)).UtcDateTime;
        DossierContext As(Actor actor) => new(engine, Units, deadlines, actor, now);

        var papers = definition.Documents.Where(d => d.Required.Always).Select(d => new DocumentSubmission(d.Code)).ToList();
        var dossier = Dossier.Submit(As(Officer(RoleNames.Reception, receivingUnit)), "000.17.22.H56-260309-0001", "ABCD2345",
            new Applicant("060195000123", "Nguyễn Văn An"), Channel.Counter, receivingUnit, papers);

        var trail = new List<string>();
        for (var actions = 0; dossier.Status != DossierStatus.Returned; actions++)
        {
            Assert.True(actions < 50, $"No Returned after 50 actions: {string.Join(" → ", trail)}");
            var step = definition.FindStep(dossier.CurrentStepId)!;
            var officer = Officer(step.Role!, dossier.CurrentUnitCode);
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
        Assert.Equal(definition.Steps.Single(s => s.Kind == StepKinds.Result).Id, dossier.CurrentStepId);
        Assert.Equal(definition.Result!.Code, dossier.Result?.Code);
        Assert.True(dossier.ResolvedOnTime);
        Assert.Null(dossier.OpenPause);
        Assert.Equal(Enumerable.Range(1, dossier.Events.Count), dossier.Events.Select(e => e.Sequence));
        // A positive fee passes through the payment step, which asks for the money first.
        Assert.Equal(definition.Fee is { Amount: > 0 } && definition.Steps.Any(s => s.Kind == StepKinds.Payment),
            dossier.Events.Any(e => e.Action == DossierActions.ConfirmPayment));
    }

    private static Actor Officer(string role, string unit) => new($"{role}.{unit}", new HashSet<string> { role }, unit);
}
