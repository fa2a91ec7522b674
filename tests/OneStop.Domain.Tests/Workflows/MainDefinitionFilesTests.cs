using OneStop.Domain;
using OneStop.Domain.Calendar;
using OneStop.Domain.Definitions;
using OneStop.Domain.Dossiers;
using OneStop.Domain.Dossiers.Actions;
using OneStop.Domain.Units;

namespace OneStop.Domain.Tests.Workflows;

/// <summary>
/// Every older definition file loads unchanged (issue 9): the shipped workflows/*.json exactly as main had them
/// before the richer format (kept byte for byte under <c>Workflows/MainFiles</c>) still parse, pass the publish
/// validator, keep their content hash, and carry a dossier to Returned — their fee guards now reading the fee
/// as the definition states it, as before.
/// </summary>
public sealed class MainDefinitionFilesTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Workflows", "MainFiles");

    private static readonly UnitTree Units = new(
    [
        new UnitInfo("60", "Tỉnh Bình Thuận", Levels.Province, null, "000.00.00.H56", new DateOnly(2000, 1, 1)),
        new UnitInfo("593", "Thành phố Phan Thiết", Levels.District, "60", "000.00.17.H56", new DateOnly(2000, 1, 1)),
        new UnitInfo("22918", "Phường Mũi Né", Levels.Commune, "593", "000.17.22.H56", new DateOnly(2000, 1, 1)),
    ]);

    public static TheoryData<string> Files()
    {
        var files = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Folder, "*.json").Order(StringComparer.Ordinal))
            files.Add(Path.GetFileName(path));
        return files;
    }

    [Fact]
    public void All_eight_files_of_main_are_kept() => Assert.Equal(8, Directory.GetFiles(Folder, "*.json").Length);

    [Theory]
    [MemberData(nameof(Files))]
    public void An_older_file_parses_validates_without_warnings_and_serialises_as_before(string fileName)
    {
        var text = File.ReadAllText(Path.Combine(Folder, fileName));
        var definition = WorkflowDefinition.Parse(text);

        var report = DefinitionValidator.Check(definition, code => Units.Find(code) is not null);

        Assert.True(report.Errors.Count == 0, string.Join(Environment.NewLine, report.Errors.Select(e => $"{e.Path}: {e.Message}")));
        Assert.Empty(report.Warnings);
        // Nothing new is written for an older file, so a database that stored it does not see a changed file.
        Assert.Equal(definition.ToJson(), WorkflowDefinition.Parse(definition.ToJson()).ToJson());
        Assert.DoesNotContain("\"form\"", definition.ToJson(), StringComparison.Ordinal);
        Assert.DoesNotContain("\"results\"", definition.ToJson(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void An_older_file_carries_a_counter_dossier_to_Returned(string fileName)
    {
        var definition = WorkflowDefinition.Parse(File.ReadAllText(Path.Combine(Folder, fileName)));
        var model = ProcedureModel.Compile(definition);
        var deadlines = new DeadlineCalculator(
            WorkingCalendar.LoadJson(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "calendar", "vietnam-holidays.json"))), OfficeHours.Default);
        var unit = definition.Level switch { Levels.Commune => "22918", Levels.District => "593", _ => "60" };
        var now = new DateTimeOffset(2026, 3, 9, 8, 0, 0, TimeSpan.FromHours(7)).UtcDateTime;
        DossierContext As(string role, string at) => new(model, Units, deadlines, new Actor($"{role}.{at}", new HashSet<string> { role }, at), now);

        var dossier = Dossier.Submit(As(RoleNames.Reception, unit), "000.17.22.H56-260309-0001", "ABCD2345", new Applicant("060195000123", "Nguyễn Văn An"),
            Channel.Counter, unit, definition.Documents.Where(d => d.Required.Always).Select(d => new DocumentSubmission(d.Code)).ToList());
        string[] preference = ["receive", "resolve", "return-result", "approve", "request-payment", "confirm-payment", "forward"];
        for (var i = 0; dossier.Status != DossierStatus.Returned; i++)
        {
            Assert.True(i < 40, $"{fileName}: stuck at {dossier.CurrentStepId}");
            var step = model.Step(dossier.CurrentStepId)!;
            var context = As(step.Role!, dossier.CurrentUnitCode);
            dossier.Act(preference.First(dossier.AvailableActions(context).Contains), new ActionRequest(), context);
            now = now.AddMinutes(10);
        }

        // The fee as the file states it decides the payment branch, exactly as main's engine did.
        Assert.Equal(definition.Fee!.Amount > 0 && definition.Steps.Any(s => s.Kind == StepKinds.Payment),
            dossier.Events.Any(e => e.Action == DossierActions.ConfirmPayment));
    }
}
