using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Api.Tests.Citizens;
using OneStop.Api.Tests.Infrastructure;
using OneStop.Api.Tests.Reports;

namespace OneStop.Api.Tests.NationalServices;

/// <summary>
/// The three national services in one day at the province, over HTTP only (issue 17's end-to-end test): a citizen signs
/// in through VNeID and files an enterprise registration online; the provincial counter receives it and asks for the
/// fee, which the citizen pays on the platform, and the dossier goes on by itself; at the commune counter an officer
/// fills a residence registration from the population database and takes the proof of kinship from it.
/// </summary>
public sealed class NationalServicesJourneyTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    private const string Enterprise = "doanh-nghiep.dang-ky-thanh-lap-doanh-nghiep-tu-nhan";

    [Fact]
    public async Task A_vneid_citizen_files_online_pays_online_and_the_counter_files_from_the_population_database()
    {
        // The province's indicators of this month before the day's work (the demo data may hold dossiers of its own).
        var leader = await factory.SignInAsync("lanhdao.tinh");
        var before = (await leader.IndicatorsAsync(""))["figures"]!["nationalServices"]!;

        // 1. VNeID, level 2: the enterprise registration needs it.
        var citizen = await factory.VneidCitizenAsync(National.LevelTwo);
        var online = await citizen.SubmitAsync(await citizen.OnlineSubmissionAsync(Enterprise, Demo.Province, ["GDNDKDN"]));
        var code = online.Str("code");
        Assert.True(online["vneidVerified"]!.GetValue<bool>());

        // 2. The provincial counter receives it and asks for the online fee: 100.000 đồng (onlineAmount).
        var province = await factory.SignInAsync("tiepnhan.tinh");
        await province.ActAsync(code, "receive");
        await province.ActAsync(code, "request-payment");
        var order = await (await citizen.GetAsync(National.Payment(code))).ReadJsonAsync();
        Assert.Equal(100000m, order["amount"]!.GetValue<decimal>());

        // 3. The citizen pays at the platform's page; its signed callback moves the dossier on.
        Assert.Equal(HttpStatusCode.OK, (await factory.Browser().PostAsync(new Uri(order.Str("payUrl")).AbsolutePath, null)).StatusCode);
        var (paid, _) = await citizen.GetDossierAsync(code);
        Assert.Equal(("InProgress", "xem-xet", true), (paid.Str("status"), paid["currentStep"].Str("id"), paid["feePaidOnline"]!.GetValue<bool>()));

        // 4. At the commune counter: look the applicant up, file with the look-up, hand in only the declaration.
        var commune = await factory.SignInAsync("tiepnhan.xa");
        var person = await (await commune.GetAsync(National.Citizen("060195000321", "tiep-nhan-ho-so", "cu-tru.dang-ky-thuong-tru"))).ReadJsonAsync();
        var residence = await commune.SubmitAsync(new
        {
            procedureId = "cu-tru.dang-ky-thuong-tru",
            applicant = new { idNumber = "060195000321" },
            channel = "counter",
            receivingUnitCode = Demo.Commune,
            documents = new[] { new { code = "CT01" } },
            form = National.ResidenceWithRelatives,
            lookupId = person["lookupId"]!.GetValue<Guid>(),
        });
        Assert.Equal("Lê Thị Thường Trú", residence["applicant"].Str("fullName"));
        Assert.Equal("population", residence["documents"]!.AsArray().Single(d => d.Str("code") == "GKS")!.Str("source"));
        await commune.ActAsync(residence.Str("code"), "receive");

        // 5. The indicators count each once: one received dossier filed through VNeID (the enterprise), one received
        // with a paper from a national database (the residence), one fee paid online (the enterprise's 100.000 đồng).
        var after = await leader.IndicatorsAsync("");
        var national = after["figures"]!["nationalServices"]!;
        Assert.Equal(
            (before.Int("vneidVerified") + 1, before.Int("fromNationalDatabases") + 1, before.Int("paidOnline") + 1),
            (national.Int("vneidVerified"), national.Int("fromNationalDatabases"), national.Int("paidOnline")));
        var byUnit = after["units"]!.AsArray().ToDictionary(u => u!["unit"].Str("code"), u => u!["figures"]!["nationalServices"]!);
        Assert.True(byUnit[Demo.Province].Int("paidOnline") >= 1 && byUnit[Demo.Commune].Int("fromNationalDatabases") >= 1,
            $"the payment counts at the province, the national paper at the commune: {after["units"]}");

        // 6. The national portal (the mock, in DVCQG's real format) accepts what all this tells it.
        using (var scope = factory.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<OneStop.Infrastructure.Outbox.OutboxDeliveryJob>().DeliverDueAsync(CancellationToken.None);
        var enterprise = await PortalLatestAsync(code);
        Assert.Equal(("1", "1"), (enterprise.Str("TaiKhoanDuocXacThucVoiVNeID"), enterprise.Str("DuocThanhToanTrucTuyen")));
        var filed = await PortalLatestAsync(residence.Str("code"));
        Assert.Equal("CSDLQGDC", filed["DSKetNoiCSDL"]![0].Str("MaCSDL"));
        Assert.Equal("0", filed.Str("TaiKhoanDuocXacThucVoiVNeID"));
    }

    /// <summary>The last DongBoHoSoMC entry the mock portal accepted for a dossier.</summary>
    private async Task<JsonNode> PortalLatestAsync(string code)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/portal/api/dossiers/{code}") { Headers = { { "X-Api-Key", "demo-portal-key" } } };
        var read = await (await factory.CreateClient().SendAsync(request)).ReadJsonAsync();
        return read["items"]!.AsArray().Last()!["payload"]!;
    }
}
