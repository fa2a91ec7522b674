using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OneStop.Api.Tests.Infrastructure;

namespace OneStop.Api.Tests.Definitions;

/// <summary>The publish rules of DESIGN §4, reported by path through validate and enforced by publish.</summary>
public sealed class DefinitionValidationTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    /// <summary>The template broken in one named way; the paths each fault must be reported at.</summary>
    private static JsonObject Broken(string fault, string id)
    {
        var definition = DefinitionSamples.BirthRegistration(id);
        var steps = definition.Steps();
        switch (fault)
        {
            case "duplicate step id":
                // steps[2] repeats the id of steps[1]; ky-duyet moves to steps[3].
                steps.Insert(2, new JsonObject
                {
                    ["id"] = "tham-tra", ["name"] = "Thẩm tra lần hai", ["kind"] = "task", ["role"] = "specialist", ["unit"] = "receiving",
                    ["transitions"] = new JsonArray(new JsonObject { ["action"] = "forward", ["to"] = "ky-duyet" }),
                });
                break;
            case "unknown role":
                steps[1]!["role"] = "janitor";
                break;
            case "dead end":
                // steps[4] is reachable from signing but leads nowhere.
                definition.Step("ky-duyet")["transitions"]!.AsArray().Add(new JsonObject { ["action"] = "forward", ["to"] = "luu-tru" });
                steps.Add(new JsonObject
                {
                    ["id"] = "luu-tru", ["name"] = "Lưu trữ", ["kind"] = "task", ["role"] = "specialist", ["unit"] = "receiving",
                    ["transitions"] = new JsonArray(),
                });
                break;
            case "unreachable result":
                // Signing can only send the dossier back to appraisal, so the result step is never reached.
                definition.Step("ky-duyet")["transitions"] = new JsonArray(new JsonObject { ["action"] = "return", ["to"] = "tham-tra" });
                break;
            case "unknown unit":
                steps[1]!["unit"] = "99999";
                break;
            case "transition to a missing step":
                // Signing's way back names a step that does not exist; the happy path is untouched.
                definition.Step("ky-duyet")["transitions"]![1]!["to"] = "khong-ton-tai";
                break;
            case "durations over the total":
                steps[1]!["duration"] = new JsonObject { ["workingDays"] = 2 };
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(fault), fault, null);
        }
        return definition;
    }

    public static TheoryData<string, string[]> Faults() => new()
    {
        { "duplicate step id", ["steps[2].id"] },
        { "unknown role", ["steps[1].role"] },
        { "dead end", ["steps[4].transitions"] },
        { "unknown unit", ["steps[1].unit"] },
        { "transition to a missing step", ["steps[2].transitions[1].to"] },
        { "durations over the total", ["processingTime"] },
    };

    private async Task<JsonObject> ValidateAsync(JsonObject definition)
    {
        var admin = await factory.SignInAsync("admin");
        var response = await admin.PostAsJsonAsync($"{Routes.Definitions}/validate", definition);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    private static List<string> Paths(JsonObject validation) =>
        validation["errors"]!.AsArray().Select(e => e.Str("path")).ToList();

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Validate_reports_each_fault_at_its_exact_path(string fault, string[] paths)
    {
        var before = await factory.SnapshotAsync();

        var validation = await ValidateAsync(Broken(fault, DefinitionSamples.UniqueId("kiem-tra")));

        Assert.False(validation["valid"]!.GetValue<bool>());
        Assert.Equal(paths, Paths(validation));
        Assert.All(validation["errors"]!.AsArray(), e => Assert.False(string.IsNullOrWhiteSpace(e.Str("message"))));
        Assert.Equal(before, await factory.SnapshotAsync());
    }

    [Fact]
    public async Task An_unreachable_result_is_reported_on_steps_first()
    {
        var validation = await ValidateAsync(Broken("unreachable result", DefinitionSamples.UniqueId("cut")));

        Assert.False(validation["valid"]!.GetValue<bool>());
        Assert.Equal("steps", Paths(validation)[0]);
        Assert.Contains("tra-ket-qua", validation["errors"]![0].Str("message"));
    }

    [Fact]
    public async Task An_unreachable_result_is_reported_once_not_again_for_every_step()
    {
        var validation = await ValidateAsync(Broken("unreachable result", DefinitionSamples.UniqueId("cut-mot-lan")));

        Assert.Equal(["steps"], Paths(validation));
    }

    [Fact]
    public async Task Validate_lists_every_fault_of_a_definition_in_one_answer()
    {
        var definition = Broken("unknown role", DefinitionSamples.UniqueId("nhieu-loi"));
        definition["level"] = "village";
        definition["fee"] = new JsonObject { ["amount"] = -1 };

        var validation = await ValidateAsync(definition);

        Assert.Equal(["level", "fee.amount", "steps[1].role"], Paths(validation));
    }

    [Fact]
    public async Task A_valid_definition_validates_with_no_errors()
    {
        var validation = await ValidateAsync(DefinitionSamples.BirthRegistration(DefinitionSamples.UniqueId("hop-le")));

        Assert.True(validation["valid"]!.GetValue<bool>());
        Assert.Empty(validation["errors"]!.AsArray());
    }

    [Fact]
    public async Task Publishing_an_invalid_draft_is_a_422_keyed_by_path_and_changes_nothing()
    {
        var admin = await factory.SignInAsync("admin");
        var id = DefinitionSamples.UniqueId("cong-bo-loi");
        await admin.CreateDraftAsync(Broken("unknown role", id));
        var before = await factory.SnapshotAsync();

        var response = await admin.PostAsync($"{Routes.Definitions}/{id}/publish", null);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.Equal(422, problem["status"]!.GetValue<int>());
        var errors = problem["errors"]!.AsObject();
        Assert.Equal(["steps[1].role"], errors.Select(e => e.Key));
        Assert.Contains("janitor", errors["steps[1].role"]![0]!.GetValue<string>());
        Assert.Equal(before, await factory.SnapshotAsync());
        Assert.Equal([(1, "Draft")], await admin.VersionsAsync(id));
        Assert.DoesNotContain(id, await admin.PublishedProcedureIdsAsync());
    }

    [Fact]
    public async Task Publishing_a_valid_draft_makes_the_procedure_available()
    {
        var admin = await factory.SignInAsync("admin");
        var id = DefinitionSamples.UniqueId("cong-bo");
        var definition = DefinitionSamples.BirthRegistration(id);
        definition["name"] = "Đăng ký khai sinh (thử nghiệm)";
        await admin.CreateDraftAsync(definition);

        var response = await admin.PostAsync($"{Routes.Definitions}/{id}/publish", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var published = await response.ReadJsonAsync();
        Assert.Equal("Published", published.Str("state"));
        Assert.Equal(1, published["version"]!.GetValue<int>());
        Assert.NotNull(published["publishedAt"]);
        var procedures = await (await factory.CreateClient().GetAsync(Routes.Procedures)).ReadJsonAsync();
        var listed = procedures["items"]!.AsArray().Single(p => p.Str("id") == id)!;
        Assert.Equal(1, listed["version"]!.GetValue<int>());
        Assert.Equal("Đăng ký khai sinh (thử nghiệm)", listed.Str("name"));
        Assert.Equal("commune", listed.Str("level"));
    }

    [Fact]
    public async Task Publishing_when_there_is_no_draft_is_a_409_and_changes_nothing()
    {
        var admin = await factory.SignInAsync("admin");
        var id = DefinitionSamples.UniqueId("khong-nhap");
        await admin.CreateAndPublishAsync(DefinitionSamples.BirthRegistration(id));
        var before = await factory.SnapshotAsync();

        var response = await admin.PostAsync($"{Routes.Definitions}/{id}/publish", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(before, await factory.SnapshotAsync());
    }
}
