using OneStop.Domain;
using BenchmarkDotNet.Attributes;
using OneStop.Domain.Calendar;
using OneStop.Domain.Definitions;
using OneStop.Domain.Definitions.Guards;
using OneStop.Domain.Dossiers;
using OneStop.Domain.Dossiers.Actions;
using OneStop.Domain.Units;

namespace OneStop.Benchmarks;

/// <summary>The hot paths of every dossier request: deadlines, the engine, validation, a whole lifecycle.</summary>
[MemoryDiagnoser]
public class DomainBenchmarks
{
    private static readonly string Root = FindRepositoryRoot();
    private DeadlineCalculator _deadlines = null!;
    private WorkflowDefinition _definition = null!;
    private ProcedureModel _engine = null!;
    private UnitTree _units = null!;
    private readonly DateTimeOffset _received = new(2026, 2, 12, 10, 0, 0, DeadlineCalculator.VietnamOffset);

    [GlobalSetup]
    public void Setup()
    {
        _deadlines = new DeadlineCalculator(
            WorkingCalendar.LoadJson(File.ReadAllText(Path.Combine(Root, "calendar", "vietnam-holidays.json"))), OfficeHours.Default);
        _definition = WorkflowDefinition.Parse(File.ReadAllText(Path.Combine(Root, "workflows", "xay-dung.cap-giay-phep-xay-dung-moi.json")));
        _engine = ProcedureModel.Compile(_definition);
        _units = new UnitTree(
        [
            new UnitInfo("60", "Tỉnh", Levels.Province, null, "000.00.00.H56", new DateOnly(2020, 1, 1)),
            new UnitInfo("593", "Huyện", Levels.District, "60", "000.00.22.H56", new DateOnly(2020, 1, 1)),
            new UnitInfo("22918", "Xã", Levels.Commune, "593", "000.17.22.H56", new DateOnly(2020, 1, 1)),
        ]);
    }

    [Benchmark(Description = "Due date: 20 working days across Tết 2026")]
    public DateTimeOffset DueDateAcrossTet() => _deadlines.AddWorkingDays(_deadlines.ClockStart(_received), 20);

    [Benchmark(Description = "Office minutes between two dates 3 months apart")]
    public int WorkingMinutesBetween() => _deadlines.WorkingMinutesBetween(_received, _received.AddMonths(3));

    [Benchmark(Description = "Engine: next step through a guarded transition")]
    public string? NextStep() => _engine.Next(_engine.Step("phe-duyet")!, DossierActions.Approve, null,
        new GuardScope(GuardScope.NoForm, GuardScope.Citizen, "060095000123", "counter", 150_000, [], null))?.To;

    [Benchmark(Description = "Validate a definition for publishing")]
    public int Validate() => DefinitionValidator.Validate(_definition, _ => true).Count;

    [Benchmark(Description = "Whole lifecycle in the domain: submit → Returned")]
    public DossierStatus Lifecycle()
    {
        var now = _received.UtcDateTime;
        DossierContext As(string role) => new(_engine, _units, _deadlines,
            new Actor(role, new HashSet<string> { role }, "60"), now = now.AddMinutes(30));
        var dossier = Dossier.Submit(As(RoleNames.Reception), "000.00.00.H56-260212-0001", "ABCDEFGH23",
            new Applicant("060095000123", "Nguyễn Văn A"), Channel.Counter, "60",
            _definition.Documents.Where(d => d.Required.Always).Select(d => new DocumentSubmission(d.Code)).ToList());
        dossier.Act(DossierActions.Receive, new ActionRequest(), As(RoleNames.Reception));
        dossier.Act(DossierActions.Forward, new ActionRequest(), As(RoleNames.Specialist));
        dossier.Act(DossierActions.Approve, new ActionRequest(), As(RoleNames.Leader));
        dossier.Act(DossierActions.RequestPayment, new ActionRequest(), As(RoleNames.Reception));
        dossier.Act(DossierActions.ConfirmPayment, new ActionRequest(), As(RoleNames.Reception));
        dossier.Act(DossierActions.Resolve, new ActionRequest(), As(RoleNames.Reception));
        dossier.Act(DossierActions.ReturnResult, new ActionRequest(), As(RoleNames.Reception));
        return dossier.Status;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "OneStop.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Run the benchmarks from inside the repository.");
    }
}
