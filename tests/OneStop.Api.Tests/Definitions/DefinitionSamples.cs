using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OneStop.Api.Tests.Infrastructure;

namespace OneStop.Api.Tests.Definitions;

/// <summary>
/// Definition JSON for authoring tests: the shipped birth registration under a fresh id, so that tests
/// sharing one database never touch each other's definitions.
/// </summary>
public static class DefinitionSamples
{
    public const string Template = "ho-tich.dang-ky-khai-sinh";

    /// <summary>The papers the birth-registration template requires.</summary>
    public static readonly string[] RequiredPapers = ["TKKS", "GCS"];

    /// <summary>A definition id no other test uses, in the id format of DESIGN §4.</summary>
    public static string UniqueId(string purpose) => $"thu-nghiem.{purpose}-{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>The shipped birth registration renamed to <paramref name="id"/>: valid as it stands.</summary>
    public static JsonObject BirthRegistration(string id)
    {
        var definition = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "workflows", Template + ".json")))!.AsObject();
        definition["id"] = id;
        return definition;
    }

    public static JsonArray Steps(this JsonObject definition) => definition["steps"]!.AsArray();

    public static JsonObject Step(this JsonObject definition, string stepId) =>
        definition.Steps().Single(s => s!["id"]!.GetValue<string>() == stepId)!.AsObject();

    /// <summary>
    /// Version 2 of the template: an extra specialist check between appraisal and signing, and a new name.
    /// </summary>
    public static JsonObject WithExtraCheckBeforeApproval(this JsonObject definition, string name)
    {
        definition["name"] = name;
        definition.Step("tham-tra")["transitions"] = new JsonArray(new JsonObject { ["action"] = "forward", ["to"] = ExtraCheck });
        definition.Steps().Insert(2, new JsonObject
        {
            ["id"] = ExtraCheck,
            ["name"] = "Kiểm tra chéo trước khi trình ký",
            ["kind"] = "task",
            ["role"] = "specialist",
            ["unit"] = "receiving",
            ["transitions"] = new JsonArray(new JsonObject { ["action"] = "forward", ["to"] = "ky-duyet" }),
        });
        return definition;
    }

    public const string ExtraCheck = "kiem-tra-cheo";

    public static async Task<JsonObject> CreateDraftAsync(this HttpClient admin, JsonObject definition)
    {
        var response = await admin.PostAsJsonAsync(Routes.Definitions, definition);
        var json = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"create draft: {(int)response.StatusCode} {json}");
        return json;
    }

    public static async Task<JsonObject> PublishAsync(this HttpClient admin, string id)
    {
        var response = await admin.PostAsync($"{Routes.Definitions}/{id}/publish", null);
        var json = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"publish {id}: {(int)response.StatusCode} {json}");
        return json;
    }

    /// <summary>Creates and publishes <paramref name="definition"/>; returns the published version.</summary>
    public static async Task<JsonObject> CreateAndPublishAsync(this HttpClient admin, JsonObject definition)
    {
        await admin.CreateDraftAsync(definition);
        return await admin.PublishAsync(definition["id"]!.GetValue<string>());
    }

    /// <summary>The versions of GET /api/workflow-definitions/{id} as (version, state) pairs.</summary>
    public static async Task<List<(int Version, string State)>> VersionsAsync(this HttpClient admin, string id)
    {
        var response = await admin.GetAsync($"{Routes.Definitions}/{id}");
        var json = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"get {id}: {(int)response.StatusCode} {json}");
        return json["versions"]!.AsArray().Select(v => (v!["version"]!.GetValue<int>(), v.Str("state"))).ToList();
    }

    public static async Task<IReadOnlyList<string>> PublishedProcedureIdsAsync(this HttpClient client)
    {
        var list = await (await client.GetAsync(Routes.Procedures)).ReadJsonAsync();
        return list["items"]!.AsArray().Select(p => p.Str("id")).ToList();
    }
}

/// <summary>Carries a dossier along its definition's happy path, each step taken by the demo officer it belongs to.</summary>
public static class DossierDriver
{
    /// <summary>Submits at the commune counter and receives it; returns the received dossier.</summary>
    public static async Task<JsonObject> SubmitAndReceiveAtCommuneAsync(this OneStopFactory factory, string procedureId)
    {
        var reception = await factory.SignInAsync("tiepnhan.xa");
        var submitted = await reception.SubmitAsync(ApiClient.CounterSubmission(procedureId, Demo.Commune, DefinitionSamples.RequiredPapers));
        return await reception.ActAsync(submitted.Str("code"), "receive");
    }

    /// <summary>Drives the dossier to Returned; returns the ids of the steps it stood at, in order, without repeats.</summary>
    public static async Task<List<string>> DriveToReturnedAsync(this OneStopFactory factory, string code)
    {
        var (dossier, _) = await (await factory.SignInAsync("admin")).GetDossierAsync(code);
        var visited = new List<string> { dossier["currentStep"].Str("id") };
        for (var i = 0; i < 20 && dossier.Str("status") != "Returned"; i++)
        {
            var officer = await factory.SignInAsync(Demo.Officer(dossier["currentStep"].Str("role"), dossier.Str("currentUnitCode")));
            var (current, _) = await officer.GetDossierAsync(code);
            var action = current.NextHappyAction();
            Assert.True(action is not null, $"{code}: no way forward at {current["currentStep"].Str("id")} ({current.Str("status")})");
            dossier = await officer.ActAsync(code, action!, action == "resolve" ? new { comment = "Đã ký kết quả" } : null);
            var step = dossier["currentStep"].Str("id");
            if (visited[^1] != step)
                visited.Add(step);
        }
        Assert.Equal("Returned", dossier.Str("status"));
        return visited;
    }
}
