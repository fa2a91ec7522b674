using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OneStop.Api.Tests.Citizens;
using OneStop.Api.Tests.Documents;
using OneStop.Api.Tests.Infrastructure;
using static OneStop.Api.Tests.Packages.PackageClient;

namespace OneStop.Api.Tests.Packages;

/// <summary>
/// The birth package of Decree 63/2024/NĐ-CP over HTTP on the embedded default (issue 16's first "done when"): a
/// citizen submits it online with the papers of birth registration only; birth registration is received, resolved
/// and returned at the commune; residence registration (commune) and the health-insurance card (the provincial
/// social-insurance agency) then start by themselves with the birth certificate as a reused paper; all three reach
/// Returned, and the package shows each member's status at every step.
/// </summary>
public sealed class BirthPackageScenarioTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    [Fact]
    public async Task The_birth_package_runs_its_three_members_to_Returned_with_the_birth_certificate_reused()
    {
        var citizen = await factory.SignInAsync("congdan");

        // What the package asks of the applicant: birth registration's papers; the birth certificate is not among them.
        var procedure = await (await citizen.GetAsync($"{Routes.Procedures}/{BirthPackage}")).ReadJsonAsync();
        Assert.Equal("package", procedure.Str("kind"));
        var asked = procedure["documents"]!.AsArray().Where(d => d!["required"]!.GetValue<bool>()).Select(d => d.Str("code")).Order().ToList();
        Assert.Equal(["GCS", "TKKS"], asked);
        Assert.DoesNotContain(procedure["documents"]!.AsArray(), d => d.Str("code") == "GKS");
        var supplied = Assert.Single(procedure["suppliedPapers"]!.AsArray())!;
        Assert.Equal("GKS", supplied.Str("code"));
        Assert.Equal([Residence, HealthInsurance], supplied["forProcedures"]!.AsArray().Select(p => p!.GetValue<string>()));

        var submitted = await citizen.SubmitBirthPackageOnlineAsync();
        var code = submitted.Str("code");
        Assert.Equal("package", submitted.Str("kind"));
        Assert.Equal(BirthPackage, submitted.Str("procedureId"));
        Assert.True(submitted.Str("trackingSecret").Length >= 8);
        Assert.Equal([$"{Birth}:Submitted", $"{Residence}:Waiting", $"{HealthInsurance}:Waiting"], submitted.MemberStatuses());
        Assert.Equal("Submitted", submitted.Str("status"));
        Assert.Equal([Birth], submitted.Member(Residence)["waitingFor"]!.AsArray().Select(w => w!.GetValue<string>()));
        Assert.Null(submitted.Member(HealthInsurance)["code"]);
        var birthCode = submitted.Member(Birth).Str("code");
        Assert.NotEqual(code, birthCode);

        // The member is a dossier of its own, at the commune, that knows its package.
        var (birth, _) = await citizen.GetDossierAsync(birthCode);
        Assert.Equal(code, birth.Str("packageCode"));
        Assert.Equal(Demo.Commune, birth.Str("receivingUnitCode"));
        Assert.Equal(["GCS", "TKKS"], birth["documents"]!.AsArray().Select(d => d.Str("code")).Order());

        // "My dossiers" groups the members under the package instead of listing them apart.
        var mine = await citizen.MyDossiersAsync();
        var item = Assert.Single(mine, d => d.Str("code") == code)!;
        Assert.Equal("package", item.Str("kind"));
        Assert.Equal(3, item["members"]!.AsArray().Count);
        Assert.DoesNotContain(mine, d => d.Str("code") == birthCode);

        // Birth registration at the commune; the package follows each step.
        var reception = await factory.SignInAsync("tiepnhan.xa");
        await reception.ActAsync(birthCode, "receive");
        Assert.Equal("Received", (await citizen.ReadPackageAsync(code)).Str("status"));
        await (await factory.SignInAsync("chuyenvien.xa")).ActAsync(birthCode, "forward");
        var package = await citizen.ReadPackageAsync(code);
        Assert.Equal("InProgress", package.Str("status"));
        Assert.Equal([$"{Birth}:InProgress", $"{Residence}:Waiting", $"{HealthInsurance}:Waiting"], package.MemberStatuses());
        await (await factory.SignInAsync("lanhdao.xa")).ActAsync(birthCode, "approve");
        await reception.ActAsync(birthCode, "resolve", new { comment = "Đã ký Giấy khai sinh" });

        // Resolved: the two later members start by themselves, each at its own unit, with the certificate by reference.
        package = await citizen.ReadPackageAsync(code);
        Assert.Equal([$"{Birth}:Resolved", $"{Residence}:Submitted", $"{HealthInsurance}:Submitted"], package.MemberStatuses());
        Assert.Equal("InProgress", package.Str("status"));
        Assert.Equal(Demo.Commune, package.Member(Residence).Str("unitCode"));
        Assert.Equal(Demo.SocialInsurance, package.Member(HealthInsurance).Str("unitCode"));
        var residenceCode = package.Member(Residence).Str("code");
        var cardCode = package.Member(HealthInsurance).Str("code");

        var repository = await (await citizen.GetAsync("/api/me/documents")).ReadJsonAsync();
        var certificate = repository["items"]!.AsArray().Single(d => d!["sourceDossierCode"]?.GetValue<string>() == birthCode)!;
        Assert.Equal("GKS", certificate.Str("typeCode"));
        Assert.Equal(2, certificate["reuseCount"]!.GetValue<int>());
        foreach (var memberCode in new[] { residenceCode, cardCode })
        {
            var (member, _) = await citizen.GetDossierAsync(memberCode);
            Assert.Equal("Submitted", member.Str("status"));
            Assert.Equal(code, member.Str("packageCode"));
            var paper = Assert.Single(member["documents"]!.AsArray())!;
            Assert.Equal("GKS", paper.Str("code"));
            Assert.Equal("repository", paper.Str("source"));
            Assert.Equal(certificate.Str("id"), paper.Str("repositoryDocumentId"));
            var history = (await (await citizen.GetAsync(Routes.History(memberCode))).ReadJsonAsync())["items"]!.AsArray();
            var started = Assert.Single(history)!;
            Assert.Equal("submit", started.Str("action"));
            Assert.Equal("system", started.Str("actor"));
            Assert.Contains(birthCode, started.Str("comment"));
        }
        var reuses = await factory.QueryAsync(db => db.DocumentReuses.Where(r => r.RepositoryDocumentId == certificate.Id("id"))
            .Select(r => r.DossierCode).OrderBy(c => c).ToListAsync());
        Assert.Equal(new[] { residenceCode, cardCode }.Order(StringComparer.Ordinal), reuses);

        await reception.ActAsync(birthCode, "return-result");
        Assert.Equal([$"{Birth}:Returned", $"{Residence}:Submitted", $"{HealthInsurance}:Submitted"], (await citizen.ReadPackageAsync(code)).MemberStatuses());

        // Residence at the commune, the card at the social-insurance agency, each by its own officers.
        await factory.DriveMemberToReturnedAsync(residenceCode);
        Assert.Equal([$"{Birth}:Returned", $"{Residence}:Returned", $"{HealthInsurance}:Submitted"], (await citizen.ReadPackageAsync(code)).MemberStatuses());
        var bhxh = await factory.SignInAsync("tiepnhan.60.bhxh");
        await bhxh.ActAsync(cardCode, "receive");
        Assert.Equal([$"{Birth}:Returned", $"{Residence}:Returned", $"{HealthInsurance}:Received"], (await citizen.ReadPackageAsync(code)).MemberStatuses());
        var card = await factory.DriveMemberToReturnedAsync(cardCode);
        Assert.Equal(Demo.SocialInsurance, card.Str("currentUnitCode"));

        package = await citizen.ReadPackageAsync(code);
        Assert.Equal([$"{Birth}:Returned", $"{Residence}:Returned", $"{HealthInsurance}:Returned"], package.MemberStatuses());
        Assert.Equal("Returned", package.Str("status"));
        Assert.Equal(10, package["statusCode"]!.GetValue<int>());
        Assert.Empty(package.Actions());

        // Public tracking with the package's code and secret shows every member, nothing personal.
        var tracked = await factory.CreateClient().GetAsync($"/api/public/dossiers/{code}?secret={submitted.Str("trackingSecret")}");
        Assert.Equal(HttpStatusCode.OK, tracked.StatusCode);
        var text = await tracked.Content.ReadAsStringAsync();
        Assert.DoesNotContain(Demo.CitizenId, text);
        var publicView = JsonNode.Parse(text)!.AsObject();
        Assert.Equal("Returned", publicView.Str("status"));
        Assert.Equal(["Returned", "Returned", "Returned"], publicView["members"]!.AsArray().Select(m => m.Str("status")));
        Assert.Equal([birthCode, residenceCode, cardCode], publicView["members"]!.AsArray().Select(m => m.Str("code")));
    }
}
