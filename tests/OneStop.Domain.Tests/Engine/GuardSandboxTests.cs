using System.Text.Json;
using OneStop.Domain.Definitions;
using OneStop.Domain.Definitions.Guards;

namespace OneStop.Domain.Tests.Engine;

/// <summary>
/// Guards are JavaScript run by Jint (DESIGN §4.1): publishing lets through only one side-effect-free expression over
/// the known variables; at run time the sandbox's limits stand behind that, and a guard that fails does not hold.
/// </summary>
public sealed class GuardSandboxTests
{
    private static readonly GuardVocabulary Vocabulary = GuardVocabulary.Of(new WorkflowDefinition
    {
        Form = [new FormField { Key = "dienTichSan", Label = "Diện tích", Type = FormFieldTypes.Number }, new FormField { Key = "loai", Label = "Loại", Type = FormFieldTypes.Choice, Choices = ["a"] }],
    });

    private static GuardScope Scope(int? floorArea = null, string channel = "counter", decimal fee = 0, string type = GuardScope.Citizen, params string[] papers) => new(
        floorArea is { } area ? new Dictionary<string, JsonElement> { ["dienTichSan"] = JsonSerializer.SerializeToElement(area) } : GuardScope.NoForm,
        type, "060095000123", channel, fee, papers, new GuardUnit("60.SXD", "province", "agency"));

    [Theory]
    [InlineData("form.dienTichSan > 250")]
    [InlineData("fee.amount > 0 && channel == 'online'")]
    [InlineData("applicant.type === 'organization' || !(unit.kind == 'agency')")]
    [InlineData("papers.includes('GPMB') && papers.length >= 2")]
    [InlineData("Math.max(form.dienTichSan, 0) >= 100 ? true : false")]
    [InlineData("form['loai'] == 'a' && unit.code.startsWith('60.')")]
    [InlineData("form.dienTichSan?.toString == undefined")]
    public void Expressions_over_the_known_variables_are_accepted(string guard) => Assert.Null(GuardLanguage.Check(guard, Vocabulary));

    [Theory]
    [InlineData("while(true){}", "câu lệnh, vòng lặp")]
    [InlineData("var x = 1", "câu lệnh, vòng lặp")]
    [InlineData("System", "Biến 'System' không được dùng")]
    [InlineData("importNamespace('System.IO')", "Biến 'importNamespace' không được dùng")]
    [InlineData("eval('1')", "Biến 'eval' không được dùng")]
    [InlineData("Function('return this')()", "Biến 'Function' không được dùng")]
    [InlineData("fee.constructor", "không được đọc 'constructor'")]
    [InlineData("papers.__proto__", "không được đọc '__proto__'")]
    [InlineData("form.dienTichSan = 1", "không được gán")]
    [InlineData("fee.amount++", "không được gán")]
    [InlineData("(() => 1)()", "không được khai báo hàm")]
    [InlineData("new Date() > 0", "không được tạo đối tượng")]
    [InlineData("this.fee", "không dùng 'this'")]
    [InlineData("fee.amount, 1", "không nối nhiều biểu thức")]
    [InlineData("papers.map(p => p)", "Hàm 'map' không được dùng")]
    [InlineData("form.soTang > 3", "form.soTang không có trong form")]
    [InlineData("unit.name == 'x'", "unit không có thuộc tính 'name'")]
    [InlineData("form[fee.amount]", "thuộc tính có tên cố định")]
    [InlineData("/a/.test(channel)", "biểu thức chính quy")]
    public void Anything_else_is_refused_with_the_reason(string guard, string reason) =>
        Assert.Contains(reason, GuardLanguage.Check(guard, Vocabulary), StringComparison.Ordinal);

    [Fact]
    public void A_prepared_guard_reads_the_dossier_as_plain_values()
    {
        var guard = JintGuardEvaluator.Default.Prepare("form.dienTichSan > 250 && papers.includes('GPMB') && unit.kind == 'agency'");

        Assert.True(guard.Holds(Scope(300, papers: ["GPMB"])));
        Assert.False(guard.Holds(Scope(250, papers: ["GPMB"])));
        Assert.False(guard.Holds(Scope(300)));
    }

    [Theory]
    [InlineData("applicant.type == 'organisation'", GuardScope.Organization, true)]
    [InlineData("applicant.type == 'organisation'", GuardScope.Citizen, false)]
    [InlineData("applicant.type != 'person'", GuardScope.Organization, true)]
    [InlineData("'person' == applicant.type", GuardScope.Citizen, true)]
    public void Older_files_spelling_of_the_applicant_types_means_DESIGNs(string guard, string type, bool holds) =>
        Assert.Equal(holds, JintGuardEvaluator.Default.Prepare(guard).Holds(Scope(type: type)));

    [Fact]
    public void A_guard_that_throws_at_run_time_does_not_hold_and_is_reported()
    {
        var failures = new List<string>();
        var guard = new JintGuardEvaluator((expression, _) => failures.Add(expression)).Prepare("form.dienTichSan.toFixed(2) == '1.00'");

        Assert.False(guard.Holds(Scope()));
        Assert.Equal(["form.dienTichSan.toFixed(2) == '1.00'"], failures);
    }

    [Theory]
    [InlineData("(function f() { while (true) {} })()")]
    [InlineData("(function f() { return f(); })()")]
    [InlineData("(function () { var a = []; while (true) { a.push('xxxxxxxxxxxxxxxx'); } })()")]
    public void The_sandbox_stops_what_publishing_would_refuse(string script)
    {
        // Publishing refuses these; evaluated anyway, the statement, recursion and memory limits end them.
        var failures = new List<Exception>();
        var guard = new JintGuardEvaluator((_, error) => failures.Add(error)).Prepare(script);

        Assert.False(guard.Holds(Scope()));
        Assert.Single(failures);
    }

    [Fact]
    public void Guards_see_no_CLR()
    {
        var guard = JintGuardEvaluator.Default.Prepare("typeof System === 'undefined' && typeof importNamespace === 'undefined'");

        Assert.True(guard.Holds(Scope()));
    }
}
