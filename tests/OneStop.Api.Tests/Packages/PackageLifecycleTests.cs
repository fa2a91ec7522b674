using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OneStop.Api.Tests.Citizens;
using OneStop.Api.Tests.Definitions;
using OneStop.Api.Tests.Infrastructure;
using static OneStop.Api.Tests.Packages.PackageClient;

namespace OneStop.Api.Tests.Packages;

/// <summary>
/// A package's life beyond the happy path (DESIGN §4.2): withdrawing it, a member refused, a retried submission.
/// </summary>
public sealed class PackageLifecycleTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    private const string Death = "ho-tich.dang-ky-khai-tu";
    private const string Deregistration = "cu-tru.xoa-dang-ky-thuong-tru";
    private const string Funeral = "bao-tro-xa-hoi.ho-tro-chi-phi-mai-tang";

    [Fact]
    public async Task Withdrawing_the_package_withdraws_the_unresolved_members_and_the_waiting_ones_never_start()
    {
        var citizen = await factory.SignInAsync("congdan");
        var submitted = await citizen.SubmitBirthPackageOnlineAsync();
        var code = submitted.Str("code");
        var birthCode = submitted.Member(Birth).Str("code");
        Assert.Equal(["withdraw"], submitted.Actions());

        var withdrawn = await citizen.ActAsync(code, "withdraw", new { comment = "Gia đình chuyển về quê, sẽ làm thủ tục ở đó." });

        Assert.Equal([$"{Birth}:WithdrawalRequested", $"{Residence}:Stopped", $"{HealthInsurance}:Stopped"], withdrawn.MemberStatuses());
        Assert.Equal("WithdrawalRequested", withdrawn.Str("status"));
        Assert.Equal("Người nộp đã rút hồ sơ liên thông, nên thủ tục này không thực hiện.", withdrawn.Member(Residence).Str("cancelReason"));
        Assert.Empty(withdrawn.Actions());
        var (birth, _) = await citizen.GetDossierAsync(birthCode);
        var history = (await (await citizen.GetAsync(Routes.History(birthCode))).ReadJsonAsync())["items"]!.AsArray();
        Assert.Equal(("withdraw", "congdan"), (history[^1].Str("action"), history[^1].Str("actor")));
        Assert.Contains("Gia đình chuyển về quê", history[^1].Str("comment"));
        Assert.Equal("WithdrawalRequested", birth.Str("status"));

        // The commune stops the member as it would any withdrawn dossier; the package has ended.
        await (await factory.SignInAsync("tiepnhan.xa")).ActAsync(birthCode, "stop");
        var ended = await citizen.ReadPackageAsync(code);
        Assert.Equal("Stopped", ended.Str("status"));
        Assert.Null(ended.Member(Residence)["code"]);
        var again = await citizen.TryActAsync(code, "withdraw");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task A_member_refused_at_reception_stops_the_members_waiting_for_it_with_the_reason_on_each()
    {
        var reception = await factory.SignInAsync("tiepnhan.xa");
        var submitted = await reception.SubmitAsync(ApiClient.CounterSubmission(DeathPackage, Demo.Commune, ["TKKT", "GBT", "TKMT"]));
        var code = submitted.Str("code");
        var deathCode = submitted.Member(Death).Str("code");
        Assert.Equal([$"{Death}:Submitted", $"{Deregistration}:Waiting", $"{Funeral}:Waiting"], submitted.MemberStatuses());
        // The funeral form was handed in at submission; it waits with its member.
        Assert.Equal(["TKKT", "GBT"], (await reception.GetDossierAsync(deathCode)).Dossier["documents"]!.AsArray().Select(d => d.Str("code")));

        await reception.ActAsync(deathCode, "refuse", new { comment = "Giấy báo tử không do cơ quan có thẩm quyền cấp." });

        var package = await reception.ReadPackageAsync(code);
        Assert.Equal([$"{Death}:NotAccepted", $"{Deregistration}:Stopped", $"{Funeral}:Stopped"], package.MemberStatuses());
        Assert.Equal("Stopped", package.Str("status"));
        foreach (var waiting in new[] { Deregistration, Funeral })
            Assert.Equal($"Không thực hiện được vì thủ tục 'Đăng ký khai tử' (hồ sơ {deathCode}) bị từ chối tiếp nhận, nên không có kết quả mà thủ tục này cần.",
                package.Member(waiting).Str("cancelReason"));
        var tracked = await (await factory.CreateClient().GetAsync($"/api/public/dossiers/{code}?secret={submitted.Str("trackingSecret")}")).ReadJsonAsync();
        Assert.Contains("bị từ chối tiếp nhận", tracked["members"]![1].Str("cancelReason"));
    }

    [Fact]
    public async Task The_death_package_carries_the_death_extract_to_both_later_members_and_the_funeral_form_to_its_own()
    {
        var reception = await factory.SignInAsync("tiepnhan.xa");
        var submitted = await reception.SubmitAsync(ApiClient.CounterSubmission(DeathPackage, Demo.Commune, ["TKKT", "GBT", "TKMT"]));
        var code = submitted.Str("code");

        await factory.DriveToResolvedAsync(submitted.Member(Death).Str("code"));

        var package = await reception.ReadPackageAsync(code);
        Assert.Equal([$"{Death}:Resolved", $"{Deregistration}:Submitted", $"{Funeral}:Submitted"], package.MemberStatuses());
        var (funeral, _) = await reception.GetDossierAsync(package.Member(Funeral).Str("code"));
        Assert.Equal([("TKMT", "counter"), ("TLKT", "repository")],
            funeral["documents"]!.AsArray().Select(d => (d.Str("code"), d.Str("source"))).OrderBy(d => d.Item1));
        var (deregistration, _) = await reception.GetDossierAsync(package.Member(Deregistration).Str("code"));
        Assert.Equal([("TLKT", "repository")], deregistration["documents"]!.AsArray().Select(d => (d.Str("code"), d.Str("source"))));
    }

    /// <summary>
    /// The package was checked against the members in force when it was published; a member's later version may no
    /// longer keep the result in the data repository. A package submitted after that change runs that version, and
    /// the member waiting for the result is stopped with the reason instead of starting without its paper.
    /// </summary>
    [Fact]
    public async Task A_member_resolved_without_the_result_a_later_member_needs_stops_that_member_with_the_reason()
    {
        var admin = await factory.SignInAsync("admin");
        var first = DefinitionSamples.UniqueId("goi-ket-qua");
        await admin.CreateAndPublishAsync(DefinitionSamples.BirthRegistration(first));
        var packageId = DefinitionSamples.UniqueId("goi-thu");
        await admin.CreateAndPublishAsync(new JsonObject
        {
            ["id"] = packageId, ["version"] = 1, ["kind"] = "package", ["name"] = "Gói thử kết quả", ["level"] = "commune", ["onlineLevel"] = "full",
            ["members"] = new JsonArray(
                new JsonObject { ["procedureId"] = first },
                new JsonObject
                {
                    ["procedureId"] = Residence, ["after"] = new JsonArray(first),
                    ["papersFrom"] = new JsonObject { ["GKS"] = first },
                }),
        });
        var notKept = DefinitionSamples.BirthRegistration(first);
        notKept["result"]!["storeInRepository"] = false;
        await admin.CreateAndPublishAsync(notKept);
        var reception = await factory.SignInAsync("tiepnhan.xa");
        var submitted = await reception.SubmitAsync(ApiClient.CounterSubmission(packageId, Demo.Commune, ["TKKS", "GCS"]));

        await factory.DriveToResolvedAsync(submitted.Member(first).Str("code"));

        var package = await reception.ReadPackageAsync(submitted.Str("code"));
        Assert.Equal([$"{first}:Resolved", $"{Residence}:Stopped"], package.MemberStatuses());
        Assert.Equal($"Không thực hiện được vì hồ sơ {submitted.Member(first).Str("code")} đã giải quyết nhưng không có kết quả 'GKS' mà thủ tục này cần.",
            package.Member(Residence).Str("cancelReason"));
    }

    [Fact]
    public async Task The_catalogue_lists_both_national_packages_with_their_members_and_draws_what_passes_between_them()
    {
        var anonymous = factory.CreateClient();
        var items = (await (await anonymous.GetAsync(Routes.Procedures)).ReadJsonAsync())["items"]!.AsArray();

        var birth = items.Single(p => p.Str("id") == BirthPackage)!;
        Assert.Equal(("package", "2.002621"), (birth.Str("kind"), birth.Str("procedureCode")));
        Assert.Equal([Birth, Residence, HealthInsurance], birth["members"]!.AsArray().Select(m => m.Str("procedureId")));
        Assert.Equal("ho-tich.dang-ky-khai-sinh", birth["members"]![2]!["papersFrom"].Str("GKS"));
        var death = items.Single(p => p.Str("id") == DeathPackage)!;
        Assert.Equal([Death, Deregistration, Funeral], death["members"]!.AsArray().Select(m => m.Str("procedureId")));
        Assert.Null(items.Single(p => p.Str("id") == Birth)!["members"]);

        var diagram = await (await (await factory.SignInAsync("admin")).GetAsync($"{Routes.Definitions}/{BirthPackage}/versions/1/diagram")).Content.ReadAsStringAsync();
        Assert.Contains("ho_tich_dang_ky_khai_sinh --> cu_tru_dang_ky_thuong_tru_tre_em : kết quả GKS", diagram);
    }

    [Fact]
    public async Task A_package_has_no_history_of_its_own_and_says_where_to_look()
    {
        var citizen = await factory.SignInAsync("congdan");
        var package = await citizen.SubmitBirthPackageOnlineAsync();

        var response = await citizen.GetAsync(Routes.History(package.Str("code")));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(package.Member(Birth).Str("code"), (await response.ReadJsonAsync()).Str("detail"));
    }

    [Fact]
    public async Task A_retried_package_submission_answers_the_package_it_created()
    {
        var reception = await factory.SignInAsync("tiepnhan.xa");
        var body = ApiClient.CounterSubmission(BirthPackage, Demo.Commune, ["TKKS", "GCS"]);
        var key = $"goi-{Guid.NewGuid():N}";
        using var first = new HttpRequestMessage(HttpMethod.Post, Routes.Dossiers) { Content = JsonContent.Create(body) };
        first.Headers.Add("Idempotency-Key", key);
        var created = await (await reception.SendAsync(first)).ReadJsonAsync();
        var before = await factory.SnapshotAsync();

        using var retry = new HttpRequestMessage(HttpMethod.Post, Routes.Dossiers) { Content = JsonContent.Create(body) };
        retry.Headers.Add("Idempotency-Key", key);
        var response = await reception.SendAsync(retry);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("true", response.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(created.Str("code"), (await response.ReadJsonAsync()).Str("code"));
        Assert.Equal(before, await factory.SnapshotAsync());
    }
}
