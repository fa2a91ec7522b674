using BenchmarkDotNet.Attributes;
using OneStop.Domain;
using OneStop.Domain.Calendar;
using OneStop.Domain.Definitions;
using OneStop.Domain.Dossiers;
using OneStop.Domain.Dossiers.Actions;
using OneStop.Domain.Simulation;
using OneStop.Domain.Units;

namespace OneStop.Benchmarks;

/// <summary>
/// What a simulation costs per dossier (issue 16): one closed birth registration replayed through a draft of its
/// procedure that gives appraisal half the time; the endpoint replays up to 500 of them per request. And moving one
/// running dossier to another version, as a migration does for each.
/// </summary>
[MemoryDiagnoser]
public class ReplayBenchmarks
{
    private DeadlineCalculator _deadlines = null!;
    private UnitTree _units = null!;
    private ProcedureModel _published = null!;
    private ProcedureModel _draft = null!;
    private Dossier _closed = null!;

    [GlobalSetup]
    public void Setup()
    {
        var root = FindRepositoryRoot();
        _deadlines = new DeadlineCalculator(WorkingCalendar.LoadJson(File.ReadAllText(Path.Combine(root, "calendar", "vietnam-holidays.json"))), OfficeHours.Default);
        _units = new UnitTree([new UnitInfo("22918", "Xã", Levels.Commune, null, "000.17.22.H56", new DateOnly(2020, 1, 1))]);
        var birth = WorkflowDefinition.Parse(File.ReadAllText(Path.Combine(root, "workflows", "ho-tich.dang-ky-khai-sinh.json")));
        _published = ProcedureModel.Compile(birth);
        _draft = ProcedureModel.Compile(birth with
        {
            Version = 2,
            Steps = [.. birth.Steps.Select(s => s.Id == "tham-tra" ? s with { Duration = new Duration { WorkingHours = 2 } } : s)],
        });
        _closed = Closed();
    }

    [Benchmark(Description = "Simulation: replay one closed dossier through a draft")]
    public bool Replay() => DossierReplay.Run(_closed, _draft, _units, _deadlines, ActorOf).Late;

    [Benchmark(Description = "Migration: move one running dossier to another version")]
    public int Migrate()
    {
        var dossier = Received();
        dossier.Migrate("tham-tra", new DossierContext(_draft, _units, _deadlines, Actor.System, At(10, 0)));
        return dossier.DefinitionVersion;
    }

    private Dossier Closed()
    {
        var dossier = Received();
        dossier.Act(DossierActions.Forward, new ActionRequest(), Context(RoleNames.Specialist, At(14, 0)));
        dossier.Act(DossierActions.Approve, new ActionRequest(), Context(RoleNames.Leader, At(14, 10)));
        dossier.Act(DossierActions.Resolve, new ActionRequest(), Context(RoleNames.Reception, At(14, 20)));
        dossier.Act(DossierActions.ReturnResult, new ActionRequest(), Context(RoleNames.Reception, At(14, 30)));
        return dossier;
    }

    private Dossier Received()
    {
        var dossier = Dossier.Submit(Context(RoleNames.Reception, At(9, 0)), "000.17.22.H56-260302-0001", "ABCDEFGH23",
            new Applicant("060095000123", "Nguyễn Văn A"), Channel.Counter, "22918", [new DocumentSubmission("TKKS"), new DocumentSubmission("GCS")]);
        dossier.Act(DossierActions.Receive, new ActionRequest(), Context(RoleNames.Reception, At(9, 0)));
        return dossier;
    }

    private DossierContext Context(string role, DateTime at) => new(_published, _units, _deadlines, ActorOf(role, "22918"), at);

    private static Actor ActorOf(string userName, string? unit) =>
        userName == RoleNames.SystemActor ? Actor.System : new Actor(userName, new HashSet<string> { userName }, unit ?? "22918");

    private static DateTime At(int hour, int minute) => new DateTimeOffset(2026, 3, 2, hour, minute, 0, DeadlineCalculator.VietnamOffset).UtcDateTime;

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "OneStop.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Run the benchmarks from inside the repository.");
    }
}
