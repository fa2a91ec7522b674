using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OneStop.Api.Tests.Infrastructure;

namespace OneStop.Api.Tests.Workflow;

/// <summary>
/// Issue 9's second "done when": bad definitions tried as a new user would are refused at publish with the exact
/// path and a clear Vietnamese message, and nothing is published — the database is as it was before the attempt.
/// </summary>
public sealed class BadRicherDefinitionsTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    private const string Example = "ví dụ \"form.dienTichSan > 250\" hoặc \"fee.amount > 0 && channel == 'online'\"";
    private const string KnownVariables = "chỉ dùng: form, applicant, channel, fee, papers, unit.";

    public static TheoryData<string, string, string> Cases() => new()
    {
        { "while-true", "steps[1].transitions[0].when",
            $"Điều kiện phải là một biểu thức JavaScript duy nhất; câu lệnh, vòng lặp, khai báo hay khối lệnh không được dùng ({Example})." },
        { "reads-system", "steps[1].transitions[0].when", $"Biến 'System' không được dùng trong điều kiện; {KnownVariables}" },
        { "unknown-variable", "steps[1].transitions[0].when", $"Biến 'hoSo' không được dùng trong điều kiện; {KnownVariables}" },
        { "two-defaults", "steps[1].transitions[1]",
            "Hành động 'forward' đã có chuyển tiếp mặc định (không có when) ở transitions[0]; chỉ được một chuyển tiếp mặc định." },
        { "consults-missing-unit", "steps[2].consult[1].unit",
            "Đơn vị được lấy ý kiến '60.KHONG-CO' không tồn tại; ghi mã một đơn vị có thật, ví dụ \"60.SXD\"." },
        { "wait-without-duration", "steps[3].duration",
            "Bước chờ (wait) phải có thời hạn (duration), ví dụ { \"workingDays\": 2 } cho niêm yết công khai 02 ngày làm việc." },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_definition_is_refused_at_publish_with_its_path_and_message_and_nothing_is_published(string breakage, string path, string message)
    {
        var admin = await factory.SignInAsync("admin");
        var definition = Broken(breakage);
        var draft = await admin.PostAsJsonAsync(Routes.Definitions, definition);
        Assert.Equal(HttpStatusCode.Created, draft.StatusCode);
        var before = await factory.SnapshotAsync();

        var response = await admin.PostAsync($"{Routes.Definitions}/{definition.Str("id")}/publish", null);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await response.ReadJsonAsync())["errors"]!.AsObject();
        Assert.Equal([path], errors.Select(e => e.Key));
        Assert.Equal([message], errors[path]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Equal(before, await factory.SnapshotAsync());
        var versions = (await (await admin.GetAsync($"{Routes.Definitions}/{definition.Str("id")}")).ReadJsonAsync())["versions"]!.AsArray();
        Assert.Equal(["Draft"], versions.Select(v => v.Str("state")));
        // The same report answers validate, before anyone tries to publish.
        var validation = await (await admin.PostAsJsonAsync($"{Routes.Definitions}/validate", definition)).ReadJsonAsync();
        Assert.False(validation["valid"]!.GetValue<bool>());
        Assert.Equal([(path, message)], validation["errors"]!.AsArray().Select(e => (e.Str("path"), e.Str("message"))));
    }

    [Fact]
    public async Task The_sample_itself_publishes_so_each_case_is_refused_for_its_own_fault_alone()
    {
        var admin = await factory.SignInAsync("admin");
        var definition = RicherDefinitionSamples.Definition();
        definition["id"] = "thu-nghiem.mau-hop-le";
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync(Routes.Definitions, definition)).StatusCode);

        var response = await admin.PostAsync($"{Routes.Definitions}/thu-nghiem.mau-hop-le/publish", null);

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static JsonObject Broken(string breakage)
    {
        var definition = RicherDefinitionSamples.Definition();
        definition["id"] = $"thu-nghiem.hong.{breakage}";
        var sorting = RicherDefinitionSamples.StepNamed(definition, "phan-loai")["transitions"]!.AsArray();
        switch (breakage)
        {
            case "while-true": sorting[0]!["when"] = "while(true){}"; break;
            case "reads-system": sorting[0]!["when"] = "System.IO.File.Exists('/etc/passwd')"; break;
            case "unknown-variable": sorting[0]!["when"] = "hoSo.dienTichSan > 250"; break;
            case "two-defaults": sorting[0]!.AsObject().Remove("when"); break;
            case "consults-missing-unit": RicherDefinitionSamples.StepNamed(definition, "lay-y-kien")["consult"]![1]!["unit"] = "60.KHONG-CO"; break;
            case "wait-without-duration": RicherDefinitionSamples.StepNamed(definition, "niem-yet").Remove("duration"); break;
        }
        return definition;
    }
}
