using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OneStop.Api.Tests.Citizens;
using OneStop.Api.Tests.Definitions;
using OneStop.Api.Tests.Infrastructure;
using static OneStop.Api.Tests.Packages.PackageClient;

namespace OneStop.Api.Tests.Packages;

/// <summary>
/// Bad input on packages, tried as a newcomer would: a package definition with a cycle or a <c>papersFrom</c> the member
/// cannot take, and package submissions that hand in the wrong papers. Each gets a clear error naming the field; the
/// database is exactly as it was.
/// </summary>
public sealed class PackageBadInputTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    private static JsonObject PackageDefinition(string id, params JsonObject[] members) => new()
    {
        ["id"] = id, ["version"] = 1, ["kind"] = "package", ["name"] = "Gói thử nghiệm", ["level"] = "commune", ["onlineLevel"] = "full",
        ["members"] = new JsonArray(members),
    };

    private static JsonObject Member(string procedureId, string[]? after = null, (string Paper, string From)? papersFrom = null)
    {
        var member = new JsonObject { ["procedureId"] = procedureId };
        if (after is not null)
            member["after"] = new JsonArray(after.Select(a => (JsonNode)a!).ToArray());
        if (papersFrom is { } from)
            member["papersFrom"] = new JsonObject { [from.Paper] = from.From };
        return member;
    }

    private async Task<(HttpResponseMessage Response, JsonObject Problem)> PublishDraftAsync(JsonObject definition)
    {
        var admin = await factory.SignInAsync("admin");
        await admin.CreateDraftAsync(definition);
        var before = await factory.SnapshotAsync();
        var response = await admin.PostAsync($"{Routes.Definitions}/{definition.Str("id")}/publish", null);
        Assert.Equal(before, await factory.SnapshotAsync());
        return (response, await response.ReadJsonAsync());
    }

    [Fact]
    public async Task A_package_whose_members_wait_for_each_other_in_a_cycle_is_not_published()
    {
        var id = DefinitionSamples.UniqueId("goi-vong");
        var definition = PackageDefinition(id,
            Member(Birth, after: [HealthInsurance]),
            Member(Residence, after: [Birth]),
            Member(HealthInsurance, after: [Residence]));

        var (response, problem) = await PublishDraftAsync(definition);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var message = problem["errors"]!["members[0].after"]![0]!.GetValue<string>();
        Assert.Contains($"{Birth} → {HealthInsurance} → {Residence} → {Birth}", message);
        Assert.Contains("không thủ tục nào trong vòng bắt đầu được", message);
        // validate says the same without publishing.
        var validated = await (await (await factory.SignInAsync("admin")).PostAsJsonAsync($"{Routes.Definitions}/validate", definition)).ReadJsonAsync();
        Assert.False(validated["valid"]!.GetValue<bool>());
        Assert.Contains(validated["errors"]!.AsArray(), e => e.Str("path") == "members[0].after");
    }

    [Fact]
    public async Task A_papersFrom_naming_a_paper_the_member_does_not_take_is_not_published()
    {
        var id = DefinitionSamples.UniqueId("goi-giay-to");
        var definition = PackageDefinition(id,
            Member(Birth),
            Member("ho-tich.dang-ky-ket-hon", after: [Birth], papersFrom: ("GKS", Birth)));

        var (response, problem) = await PublishDraftAsync(definition);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(["members[1].papersFrom.GKS"], problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Contains("Thủ tục 'ho-tich.dang-ky-ket-hon' không nhận giấy tờ 'GKS'", problem["errors"]!["members[1].papersFrom.GKS"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task A_package_naming_an_unpublished_procedure_is_not_published()
    {
        var (response, problem) = await PublishDraftAsync(PackageDefinition(DefinitionSamples.UniqueId("goi-chua-co"), Member(Birth), Member("ho-tich.chua-cong-bo", after: [Birth])));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("chưa có phiên bản đang áp dụng", problem["errors"]!["members[1].procedureId"]![0]!.GetValue<string>());
    }

    public static TheoryData<string, string[], string, string> WrongPapers() => new()
    {
        // The birth certificate comes from birth registration: handing it in is a mistake, not a help.
        { "supplied", ["TKKS", "GCS", "GKS"], "documents[2].code", "được chuyển sang tự động" },
        { "foreign", ["TKKS", "GCS", "GPXD"], "documents[2].code", "không thuộc thành phần hồ sơ của thủ tục nào" },
        { "twice", ["TKKS", "GCS", "TKKS"], "documents[2].code", "kê khai hai lần" },
        { "missing", ["TKKS"], "documents", "Thiếu giấy tờ bắt buộc: GCS" },
    };

    [Theory]
    [MemberData(nameof(WrongPapers))]
    public async Task A_package_submission_with_the_wrong_papers_is_refused_naming_the_paper(string _, string[] papers, string field, string message)
    {
        var reception = await factory.SignInAsync("tiepnhan.xa");
        var before = await factory.SnapshotAsync();

        var response = await reception.PostAsJsonAsync(Routes.Dossiers, ApiClient.CounterSubmission(BirthPackage, Demo.Commune, papers));

        var problem = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, problem.ToJsonString());
        Assert.Contains(message, problem["errors"]![field]![0]!.GetValue<string>());
        Assert.Equal(before, await factory.SnapshotAsync());
    }

    [Fact]
    public async Task A_package_is_received_only_at_its_level_and_by_the_counter_of_the_receiving_unit()
    {
        var before = await factory.SnapshotAsync();

        var atProvince = await (await factory.SignInAsync("tiepnhan.tinh")).PostAsJsonAsync(Routes.Dossiers,
            ApiClient.CounterSubmission(BirthPackage, Demo.Province, ["TKKS", "GCS"]));
        var elsewhere = await (await factory.SignInAsync("tiepnhan.xa")).PostAsJsonAsync(Routes.Dossiers,
            ApiClient.CounterSubmission(BirthPackage, Demo.District, ["TKKS", "GCS"]));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, atProvince.StatusCode);
        Assert.NotNull((await atProvince.ReadJsonAsync())["errors"]!["receivingUnitCode"]);
        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);
        Assert.Equal(before, await factory.SnapshotAsync());
    }

    [Fact]
    public async Task Only_withdraw_is_taken_on_a_package_and_another_citizen_cannot_see_it()
    {
        var citizen = await factory.SignInAsync("congdan");
        var package = await citizen.SubmitBirthPackageOnlineAsync();
        var code = package.Str("code");
        await factory.CreateCitizenAsync("congdan.khac", "060195000456", "Trần Thị Khác");
        var other = await factory.SignInAsync("congdan.khac");
        var before = await factory.SnapshotAsync();

        var receive = await (await factory.SignInAsync("tiepnhan.xa")).TryActAsync(code, "receive");
        Assert.Equal(HttpStatusCode.Conflict, receive.StatusCode);
        Assert.Contains(package.Member(Birth).Str("code"), (await receive.ReadJsonAsync()).Str("detail"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(Routes.Dossier(code))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostActionAsync(code, "withdraw", "\"1\"")).StatusCode);
        var stale = await citizen.PostActionAsync(code, "withdraw", "\"999\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(before, await factory.SnapshotAsync());
    }
}
