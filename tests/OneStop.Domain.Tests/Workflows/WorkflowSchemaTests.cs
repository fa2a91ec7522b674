using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.Validation;
using OneStop.Domain.Definitions;

namespace OneStop.Domain.Tests.Workflows;

/// <summary>
/// The shipped definitions (workflows/*.json, copied next to the tests) against the published JSON
/// Schema, and the schema against definitions broken on purpose. The structural rules the schema cannot
/// express (reachability, unique ids, durations) belong to the publish validator's tests.
/// </summary>
public sealed class WorkflowSchemaTests
{
    private static readonly string WorkflowsFolder = Path.Combine(AppContext.BaseDirectory, "workflows");
    private static readonly string SchemaPath = Path.Combine(WorkflowsFolder, "schema", "workflow-definition.schema.json");
    private const string BirthRegistration = "ho-tich.dang-ky-khai-sinh.json";

    public static TheoryData<string> ShippedFiles()
    {
        var files = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(WorkflowsFolder, "*.json").Order(StringComparer.Ordinal))
            files.Add(Path.GetFileName(path));
        return files;
    }

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public async Task Every_shipped_definition_validates_against_the_schema(string fileName)
    {
        var schema = await LoadSchema();

        var errors = schema.Validate(await File.ReadAllTextAsync(Path.Combine(WorkflowsFolder, fileName)));

        Assert.True(errors.Count == 0, Describe(errors));
    }

    /// <summary>The shipped procedures; packages (kind: package) have members instead of steps and their own test.</summary>
    public static TheoryData<string> ShippedProcedureFiles() => Shipped(package: false);

    public static TheoryData<string> ShippedPackageFiles() => Shipped(package: true);

    private static TheoryData<string> Shipped(bool package)
    {
        var files = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(WorkflowsFolder, "*.json").Order(StringComparer.Ordinal))
            if (WorkflowDefinition.Parse(File.ReadAllText(path)).IsPackage == package)
                files.Add(Path.GetFileName(path));
        return files;
    }

    [Theory]
    [MemberData(nameof(ShippedPackageFiles))]
    public async Task Every_shipped_package_is_named_after_its_id_and_lists_shipped_procedures_only(string fileName)
    {
        var package = WorkflowDefinition.Parse(await File.ReadAllTextAsync(Path.Combine(WorkflowsFolder, fileName)));
        var shipped = (await LoadShipped()).Where(d => !d.IsPackage).Select(d => d.Id).ToHashSet();

        Assert.Equal(fileName, package.Id + ".json");
        Assert.Empty(package.Steps);
        Assert.True(package.Members!.Count >= 3, "Decree 63/2024/NĐ-CP: three procedures in each national package.");
        Assert.All(package.Members, m => Assert.Contains(m.ProcedureId, shipped));
    }

    [Theory]
    [MemberData(nameof(ShippedProcedureFiles))]
    public async Task Every_shipped_definition_parses_and_is_named_after_its_id(string fileName)
    {
        var definition = WorkflowDefinition.Parse(await File.ReadAllTextAsync(Path.Combine(WorkflowsFolder, fileName)));

        Assert.Equal(fileName, definition.Id + ".json");
        Assert.Equal(1, definition.Version);
        Assert.Equal(StepKinds.Reception, definition.Steps[0].Kind);
        Assert.Single(definition.Steps, s => s.Kind == StepKinds.Result);
        // A file names its results as "result" (older) or "results" (DESIGN §4.1); every shipped one is signed and kept.
        Assert.NotEmpty(definition.AllResults);
        Assert.All(definition.AllResults, r => Assert.True(r is { Signed: true, StoreInRepository: true }));
    }

    /// <summary>
    /// Since 01/07/2025 (Law on the Organisation of Local Government 2025) the levels in force are the province and the
    /// commune: the shipped set has both, and no procedure is still given to the abolished district. One procedure really
    /// crosses levels today (Decree 118/2025/NĐ-CP art. 11): any counter of the province — a commune's included —
    /// receives it, and a provincial unit decides it.
    /// </summary>
    [Fact]
    public async Task The_shipped_set_spans_the_levels_in_force_and_one_procedure_is_received_anywhere_and_decided_by_the_province()
    {
        var definitions = await LoadShipped();

        Assert.True(definitions.Count >= 7);
        Assert.Equal([Levels.Commune, Levels.Province], definitions.Select(d => d.Level).Distinct().Order(StringComparer.Ordinal));
        Assert.DoesNotContain(definitions, d => d.Steps.Any(s => s.Unit == Levels.District));
        Assert.Contains(definitions, d => d.Level == Levels.Province && d.AnyPoint == true
            && d.Steps.Any(s => s.Unit == StepUnits.Competent)
            && d.Steps.Single(s => s.Kind == StepKinds.Result).Unit == StepUnits.Receiving);
    }

    [Fact]
    public async Task Every_shipped_definition_cites_its_legal_basis()
    {
        var definitions = await LoadShipped();

        Assert.All(definitions, d => Assert.True(d.LegalBasis is { Count: > 0 }, $"{d.Id} has no legalBasis"));
        Assert.All(definitions, d => Assert.DoesNotContain(d.LegalBasis!, b => b.Contains("01/2021/NĐ-CP", StringComparison.Ordinal) && !b.Contains("thay thế", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Another_procedure_reuses_the_birth_certificate_that_birth_registration_issues()
    {
        var definitions = await LoadShipped();

        var birth = Assert.Single(definitions, d => d.ProcedureCode == "1.001193");
        Assert.Equal("GKS", birth.Result?.Code);
        // Permanent residence takes it as proof of kinship when the applicant joins a relative's home (Law on Residence
        // art. 21(2)): required under that guard, no longer always (the law does not ask for it otherwise).
        Assert.Contains(definitions, d => d.Id != birth.Id
            && d.Documents.Any(doc => doc is { Code: "GKS", Reusable: true } && (doc.Required.Always || doc.Required.IsConditional)));
    }

    [Fact]
    public async Task A_fee_decides_whether_a_payment_step_is_taken()
    {
        var definitions = await LoadShipped();

        Assert.Contains(definitions, d => d.Steps.Any(s =>
            s.Transitions.Any(t => t.When == "fee.amount > 0" && d.FindStep(t.To)?.Kind == StepKinds.Payment)
            && s.Transitions.Any(t => t.When == "fee.amount == 0" && d.FindStep(t.To)?.Kind != StepKinds.Payment)));
        Assert.Contains(definitions, d => d.Steps.Any(s => s.Kind == StepKinds.Approval
            && s.Transitions.Any(t => t.Action == "return" && d.FindStep(t.To)?.Kind == StepKinds.Task)));
    }

    [Fact]
    public async Task A_definition_without_steps_is_refused()
    {
        var errors = await ValidateBroken(d => d.Remove("steps"));

        // A definition is a procedure or a package (anyOf): the procedure's missing steps are among the branch's errors.
        Assert.Contains(Flatten(errors), e => e.Kind == ValidationErrorKind.PropertyRequired && e.Property == "steps");
    }

    [Fact]
    public async Task A_package_with_steps_or_without_members_is_refused()
    {
        var withSteps = await ValidateBroken(d => d["kind"] = "package");
        var noMembers = await ValidateBroken(d =>
        {
            d["kind"] = "package";
            foreach (var own in new[] { "steps", "documents", "result", "fee", "processingTime" })
                d.Remove(own);
        });

        Assert.NotEmpty(withSteps);
        Assert.Contains(Flatten(noMembers), e => e.Kind == ValidationErrorKind.PropertyRequired && e.Property == "members");
    }

    [Fact]
    public async Task An_unknown_step_kind_is_refused()
    {
        var errors = await ValidateBroken(d => d["steps"]![1]!["kind"] = "review");

        Assert.NotEmpty(errors);
    }

    [Theory]
    [InlineData("1001193")]
    [InlineData("1.0011")]
    [InlineData("A.001193")]
    [InlineData("1.001193 ")]
    [InlineData("")]
    public async Task A_procedure_code_outside_the_national_pattern_is_refused(string code)
    {
        var errors = await ValidateBroken(d => d["procedureCode"] = code);

        Assert.Contains(errors, e => e.Kind == ValidationErrorKind.PatternMismatch && e.Property == "procedureCode");
    }

    [Fact]
    public async Task A_procedure_code_with_a_local_suffix_is_accepted()
    {
        var errors = await ValidateBroken(d => d["procedureCode"] = "1.001193.000.00.00.H56");

        Assert.True(errors.Count == 0, Describe(errors));
    }

    [Fact]
    public async Task A_negative_fee_is_refused()
    {
        var errors = await ValidateBroken(d => d["fee"]!["amount"] = -2000);

        Assert.Contains(errors, e => e.Kind == ValidationErrorKind.NumberTooSmall && e.Property == "amount");
    }

    [Fact]
    public async Task A_currency_other_than_VND_is_refused()
    {
        var errors = await ValidateBroken(d => d["fee"]!["currency"] = "USD");

        Assert.NotEmpty(errors);
    }

    [Fact]
    public async Task A_definition_that_does_not_start_at_reception_is_refused()
    {
        var errors = await ValidateBroken(d =>
        {
            var steps = d["steps"]!.AsArray();
            var reception = steps[0]!;
            steps.RemoveAt(0);
            steps.Add(reception);
        });

        Assert.NotEmpty(errors);
    }

    [Fact]
    public async Task Approving_from_a_task_step_is_refused()
    {
        var errors = await ValidateBroken(d => d["steps"]![1]!["transitions"]![0]!["action"] = "approve");

        Assert.NotEmpty(errors);
    }

    [Fact]
    public async Task A_result_step_away_from_the_receiving_counter_is_refused()
    {
        var errors = await ValidateBroken(d =>
        {
            var steps = d["steps"]!.AsArray();
            steps[steps.Count - 1]!["unit"] = "district";
        });

        Assert.NotEmpty(errors);
    }

    // Guards are JavaScript now (DESIGN §4.1): the schema only knows a guard is a non-empty string; what it may
    // read and do is the publish validator's (TransitionValidationTests, DefinitionRulesAgreementTests).
    [Theory]
    [InlineData("\"\"")]
    [InlineData("42")]
    [InlineData("true")]
    public async Task A_guard_that_is_not_a_non_empty_string_is_refused(string guard)
    {
        var errors = await ValidateBroken(d => d["steps"]![0]!["transitions"]![0]!["when"] = JsonNode.Parse(guard));

        Assert.NotEmpty(errors);
    }

    [Fact]
    public async Task A_processing_time_in_both_days_and_hours_is_refused()
    {
        var errors = await ValidateBroken(d => d["processingTime"]!["workingHours"] = 3);

        Assert.NotEmpty(errors);
    }

    private static Task<JsonSchema> LoadSchema() => JsonSchema.FromFileAsync(SchemaPath);

    private static async Task<List<WorkflowDefinition>> LoadShipped()
    {
        var definitions = new List<WorkflowDefinition>();
        foreach (var path in Directory.GetFiles(WorkflowsFolder, "*.json"))
            definitions.Add(WorkflowDefinition.Parse(await File.ReadAllTextAsync(path)));
        return definitions;
    }

    /// <summary>Breaks a copy of the birth registration definition and validates it.</summary>
    private static async Task<ICollection<ValidationError>> ValidateBroken(Action<JsonObject> breakIt)
    {
        var definition = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(WorkflowsFolder, BirthRegistration)))!.AsObject();
        breakIt(definition);
        var schema = await LoadSchema();
        return schema.Validate(definition.ToJsonString());
    }

    /// <summary>Every error, the branches' of an anyOf included.</summary>
    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors) =>
        errors.SelectMany(e => e is ChildSchemaValidationError child
            ? Flatten(child.Errors.SelectMany(branch => branch.Value)).Prepend(e)
            : [e]);

    private static string Describe(ICollection<ValidationError> errors) =>
        string.Join(Environment.NewLine, errors.Select(e => $"{e.Path}: {e.Kind}"));
}
