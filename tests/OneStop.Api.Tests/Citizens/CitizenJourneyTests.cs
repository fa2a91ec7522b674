using System.Net;
using System.Net.Http.Json;
using OneStop.Api.Tests.Infrastructure;

namespace OneStop.Api.Tests.Citizens;

/// <summary>The citizen's side of a dossier over HTTP: online submission, supplement, withdrawal, "my dossiers".</summary>
public sealed class CitizenJourneyTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    [Fact]
    public async Task A_citizen_submits_online_supplements_and_follows_the_dossier_to_its_result()
    {
        var citizen = await factory.SignInAsync("congdan");

        var online = await (await citizen.GetAsync($"{Routes.Procedures}?online=true")).ReadJsonAsync();
        var procedures = online["items"]!.AsArray();
        Assert.Contains(procedures, p => p.Str("id") == CitizenClient.BirthRegistration);
        Assert.All(procedures, p => Assert.Contains(p.Str("onlineLevel"), new[] { "full", "partial" }));

        var submitted = await citizen.SubmitBirthRegistrationOnlineAsync();
        var code = submitted.Str("code");
        Assert.Equal("Submitted", submitted.Str("status"));
        Assert.Equal("online", submitted.Str("channel"));
        Assert.True(submitted.Str("trackingSecret").Length >= 8);

        var mine = await citizen.MyDossierAsync(code);
        Assert.Equal("Submitted", mine.Str("status"));
        Assert.Equal(1, mine["statusCode"]!.GetValue<int>());
        Assert.Equal(CitizenClient.BirthRegistration, mine.Str("procedureId"));
        Assert.Equal("Đăng ký khai sinh", mine.Str("procedureName"));
        Assert.Equal("Tiếp nhận hồ sơ", mine["currentStep"].Str("name"));
        Assert.Equal("Chờ cán bộ tiếp nhận", mine.Str("expectedFromYou"));
        Assert.EndsWith("+07:00", mine.Str("submittedAt"));
        Assert.Contains("withdraw", Actions(mine));
        Assert.DoesNotContain("supplement", Actions(mine));

        var reception = await factory.SignInAsync("tiepnhan.xa");
        const string request = "Giấy chứng sinh bị mờ, không đọc được số; đề nghị chụp lại bản rõ nét.";
        await reception.ActAsync(code, "request-supplement", new { comment = request, items = new[] { new { code = "GCS", reason = "Bản rõ nét." } } });

        mine = await citizen.MyDossierAsync(code);
        Assert.Equal("SupplementRequested", mine.Str("status"));
        Assert.Contains(request, mine.Str("expectedFromYou"));
        Assert.StartsWith("Nộp bổ sung giấy tờ theo yêu cầu", mine.Str("expectedFromYou"));
        Assert.Contains("supplement", Actions(mine));

        // Online, a paper without a file is refused and changes nothing.
        var before = await factory.SnapshotAsync();
        var withoutFile = await citizen.TryActAsync(code, "supplement", new { documents = new[] { new { code = "GCS" } } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, withoutFile.StatusCode);
        Assert.Equal(before, await factory.SnapshotAsync());

        var supplemented = await citizen.ActAsync(code, "supplement",
            new { documents = new[] { new { code = "GCS", fileId = await citizen.UploadAsync("GCS-ro-net.pdf") } } });
        Assert.Equal("Submitted", supplemented.Str("status"));

        var received = await reception.ActAsync(code, "receive");
        Assert.Equal("Received", received.Str("status"));
        mine = await citizen.MyDossierAsync(code);
        Assert.Equal("Received", mine.Str("status"));
        Assert.Null(mine["expectedFromYou"]);
        Assert.EndsWith("+07:00", mine.Str("dueDate"));
        Assert.NotEqual("Tiếp nhận hồ sơ", mine["currentStep"].Str("name"));

        await factory.DriveToResolvedAsync(code);
        mine = await citizen.MyDossierAsync(code);
        Assert.Equal("Resolved", mine.Str("status"));
        Assert.Equal(9, mine["statusCode"]!.GetValue<int>());
        Assert.Equal("Đến nhận kết quả tại bộ phận một cửa", mine.Str("expectedFromYou"));
        Assert.Empty(Actions(mine));

        var returned = await reception.ActAsync(code, "return-result");
        Assert.Equal("Returned", returned.Str("status"));
        mine = await citizen.MyDossierAsync(code);
        Assert.Equal("Returned", mine.Str("status"));
        Assert.Null(mine["expectedFromYou"]);
    }

    [Fact]
    public async Task A_citizen_asks_to_withdraw_and_the_counter_stops_the_dossier()
    {
        var citizen = await factory.SignInAsync("congdan");
        var code = (await citizen.SubmitBirthRegistrationOnlineAsync()).Str("code");

        var withdrawing = await citizen.ActAsync(code, "withdraw", new { comment = "Tôi đã nộp nhầm thủ tục." });
        Assert.Equal("WithdrawalRequested", withdrawing.Str("status"));
        Assert.Empty(withdrawing.Actions());
        var mine = await citizen.MyDossierAsync(code);
        Assert.Equal("WithdrawalRequested", mine.Str("status"));
        Assert.Empty(Actions(mine));

        var stopped = await (await factory.SignInAsync("tiepnhan.xa")).ActAsync(code, "stop");
        Assert.Equal("Stopped", stopped.Str("status"));
        Assert.Equal("Stopped", (await citizen.MyDossierAsync(code)).Str("status"));
    }

    [Fact]
    public async Task My_dossiers_include_counter_dossiers_in_my_personal_ID_newest_first_and_paged()
    {
        var citizen = await factory.SignInAsync("congdan");
        var first = (await citizen.SubmitBirthRegistrationOnlineAsync()).Str("code");
        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        var reception = await factory.SignInAsync("tiepnhan.xa");
        var atCounter = (await reception.SubmitAsync(ApiClient.CounterSubmission(CitizenClient.BirthRegistration, Demo.Commune, ["TKKS", "GCS"]))).Str("code");

        var page = await (await citizen.GetAsync($"{CitizenClient.MyDossiers}?page=1&pageSize=1")).ReadJsonAsync();
        Assert.Equal(1, page["page"]!.GetValue<int>());
        Assert.Equal(1, page["pageSize"]!.GetValue<int>());
        Assert.True(page["total"]!.GetValue<int>() >= 2);
        Assert.Equal(atCounter, Assert.Single(page["items"]!.AsArray())!.Str("code"));

        var codes = (await citizen.MyDossiersAsync()).Select(d => d.Str("code")).ToList();
        Assert.True(codes.IndexOf(atCounter) < codes.IndexOf(first));
    }

    [Fact]
    public async Task Procedures_can_be_filtered_by_online_availability()
    {
        var anonymous = factory.CreateClient();
        var all = (await (await anonymous.GetAsync(Routes.Procedures)).ReadJsonAsync())["items"]!.AsArray();
        var online = (await (await anonymous.GetAsync($"{Routes.Procedures}?online=true")).ReadJsonAsync())["items"]!.AsArray();
        var offline = (await (await anonymous.GetAsync($"{Routes.Procedures}?online=false")).ReadJsonAsync())["items"]!.AsArray();

        Assert.Equal(all.Count, online.Count + offline.Count);
        Assert.All(online, p => Assert.NotEqual("none", p.Str("onlineLevel")));
        Assert.All(offline, p => Assert.Equal("none", p.Str("onlineLevel")));
    }

    [Fact]
    public async Task A_citizen_submits_online_only_in_their_own_name_and_with_files()
    {
        var citizen = await factory.SignInAsync("congdan");
        var before = await factory.SnapshotAsync();

        var atCounter = await citizen.PostAsJsonAsync(Routes.Dossiers,
            ApiClient.CounterSubmission(CitizenClient.BirthRegistration, Demo.Commune, ["TKKS", "GCS"]));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, atCounter.StatusCode);
        Assert.Contains("channel", (await atCounter.ReadJsonAsync())["errors"]!.AsObject().Select(e => e.Key));

        var withoutFiles = new
        {
            procedureId = CitizenClient.BirthRegistration,
            applicant = new { idNumber = Demo.CitizenId, fullName = CitizenClient.CitizenName },
            channel = "online",
            receivingUnitCode = Demo.Commune,
            documents = new[] { new { code = "TKKS" }, new { code = "GCS" } },
        };
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await citizen.PostAsJsonAsync(Routes.Dossiers, withoutFiles)).StatusCode);

        var inSomeoneElsesName = await citizen.OnlineSubmissionAsync(CitizenClient.BirthRegistration, Demo.Commune, ["TKKS", "GCS"],
            idNumber: "079203000001", fullName: "Trần Thị Người Khác");
        var refused = await citizen.PostAsJsonAsync(Routes.Dossiers, inSomeoneElsesName);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("applicant.idNumber", (await refused.ReadJsonAsync())["errors"]!.AsObject().Select(e => e.Key));

        Assert.Equal(before, await factory.SnapshotAsync());
    }

    [Fact]
    public async Task My_dossiers_are_for_citizens_only()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync(CitizenClient.MyDossiers)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.SignInAsync("tiepnhan.xa")).GetAsync(CitizenClient.MyDossiers)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.SignInAsync("admin")).GetAsync(CitizenClient.MyDossiers)).StatusCode);
    }

    private static IReadOnlyList<string> Actions(System.Text.Json.Nodes.JsonNode item) =>
        item["availableActions"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();
}
