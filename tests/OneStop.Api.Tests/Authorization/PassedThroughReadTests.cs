using System.Net;
using OneStop.Api.Tests.Infrastructure;
using OneStop.Api.Tests.Units;

namespace OneStop.Api.Tests.Authorization;

/// <summary>
/// DESIGN §2's read rule, both ways: officers of every unit a dossier has been at may read it (also after it left),
/// officers of a unit it has not reached — yet, or ever — get 404 like for a missing dossier.
/// </summary>
public sealed class PassedThroughReadTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    private async Task AssertReadersAsync(string code, IEnumerable<string> may, IEnumerable<string> mayNot)
    {
        foreach (var userName in may)
        {
            var client = await factory.SignInAsync(userName);
            Assert.True((await client.GetAsync(Routes.Dossier(code))).StatusCode == HttpStatusCode.OK, $"{userName} should read {code}");
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Routes.History(code))).StatusCode);
        }
        foreach (var userName in mayNot)
        {
            var client = await factory.SignInAsync(userName);
            Assert.True((await client.GetAsync(Routes.Dossier(code))).StatusCode == HttpStatusCode.NotFound, $"{userName} should not read {code}");
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Routes.History(code))).StatusCode);
        }
    }

    [Fact]
    public async Task A_dossier_that_went_from_the_commune_to_the_district_and_back_is_read_by_both_and_never_by_the_province()
    {
        // Monthly social allowance: commune 22918 receives and proposes, district 593 appraises and decides, the commune returns.
        var driver = new DossierDriver(factory);
        var code = await driver.SubmitAsync(DossierDriver.CrossLevel, Demo.Commune);
        string[] commune = ["tiepnhan.xa", "chuyenvien.xa", "lanhdao.xa"];
        string[] district = ["tiepnhan.huyen", "chuyenvien.huyen", "lanhdao.huyen"];
        string[] province = ["tiepnhan.tinh", "lanhdao.tinh"];

        // At the commune: the district has not seen it yet.
        await AssertReadersAsync(code, may: commune, mayNot: [.. district, .. province]);

        var unit = Demo.Commune;
        for (var i = 0; i < 10 && unit != Demo.District; i++)
            unit = (await driver.StepAsync(code)).Dossier.Str("currentUnitCode");
        Assert.Equal(Demo.District, unit);
        await AssertReadersAsync(code, may: [.. commune, .. district], mayNot: province);

        for (var i = 0; i < 10 && unit != Demo.Commune; i++)
            unit = (await driver.StepAsync(code)).Dossier.Str("currentUnitCode");
        Assert.Equal(Demo.Commune, unit);
        // Back at the commune: the district keeps reading what it worked on; the province still has no business with it.
        await AssertReadersAsync(code, may: [.. commune, .. district], mayNot: province);
    }
}
