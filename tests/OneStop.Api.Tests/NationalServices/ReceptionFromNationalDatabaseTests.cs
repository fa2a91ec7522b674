using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OneStop.Api.Tests.Infrastructure;

namespace OneStop.Api.Tests.NationalServices;

/// <summary>
/// At the counter (DESIGN §14): the officer looks the applicant up, and the submission that names the look-up is
/// filled from the population database and takes the proof of kinship from it instead of asking for the paper.
/// </summary>
public sealed class ReceptionFromNationalDatabaseTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    private const string Residence = "cu-tru.dang-ky-thuong-tru";

    private static object Submission(Guid? lookupId, string? fullName = null, string idNumber = National.LevelTwo, string[]? papers = null) => new
    {
        procedureId = Residence,
        applicant = new { idNumber, fullName, phone = "0912345678" },
        channel = "counter",
        receivingUnitCode = Demo.Commune,
        documents = (papers ?? ["CT01"]).Select(code => new { code }).ToArray(),
        form = National.ResidenceWithRelatives,
        lookupId,
    };

    private static async Task<Guid> LookUpAsync(HttpClient officer, string id = National.LevelTwo) =>
        (await (await officer.GetAsync(National.Citizen(id, "tiep-nhan-ho-so", Residence))).ReadJsonAsync())["lookupId"]!.GetValue<Guid>();

    [Fact]
    public async Task The_applicant_is_filled_from_the_population_database_and_the_proven_paper_is_taken_from_it()
    {
        var reception = await factory.SignInAsync("tiepnhan.xa");
        var lookupId = await LookUpAsync(reception);

        // Only CT01 is handed in; the proof of kinship GKS, required for a home at a relative's, comes from the database.
        var dossier = await reception.SubmitAsync(Submission(lookupId));

        Assert.Equal("Nguyễn Văn Công Dân", dossier["applicant"].Str("fullName"));
        Assert.Equal("12 Nguyễn Đình Chiểu, khu phố 1, phường Hàm Tiến, tỉnh Bình Thuận", dossier["applicant"].Str("address"));
        Assert.Equal([("CT01", "counter"), ("GKS", "population")],
            dossier["documents"]!.AsArray().Select(d => (d.Str("code"), d.Str("source"))));
        // The national portal hears which national database the dossier used.
        var payload = await factory.QueryAsync(db => db.Outbox.Where(o => o.DossierCode == dossier.Str("code") && o.Type == "DongBoHoSoMC")
            .Select(o => o.Payload).FirstAsync());
        Assert.Contains("\"DSKetNoiCSDL\":[{\"MaCSDL\":\"CSDLQGDC\"}]", payload);
    }

    [Fact]
    public async Task A_name_other_than_the_databases_is_refused_naming_the_field()
    {
        var reception = await factory.SignInAsync("tiepnhan.xa");
        var lookupId = await LookUpAsync(reception);

        await AssertRefusedAsync(factory, reception, Submission(lookupId, fullName: "Nguyễn Văn Khác"), "applicant.fullName");
    }

    [Fact]
    public async Task Someone_elses_look_up_or_another_persons_proves_nothing()
    {
        var reception = await factory.SignInAsync("tiepnhan.xa");
        var colleagues = await LookUpAsync(await factory.SignInAsync("tiepnhan.huyen"));
        var otherPerson = await LookUpAsync(reception, "060195000321");

        await AssertRefusedAsync(factory, reception, Submission(colleagues), "lookupId");
        await AssertRefusedAsync(factory, reception, Submission(otherPerson), "lookupId");
        await AssertRefusedAsync(factory, reception, Submission(Guid.NewGuid()), "lookupId");
    }

    [Fact]
    public async Task A_look_up_older_than_its_proof_lifetime_has_to_be_made_again()
    {
        using var own = new OneStopFactory();
        var reception = await own.SignInAsync("tiepnhan.xa");
        var lookupId = await LookUpAsync(reception);

        // NationalServices:Lgsp:ProofLifetime is four hours.
        own.Clock.Advance(TimeSpan.FromHours(4) + TimeSpan.FromMinutes(1));

        await AssertRefusedAsync(own, reception, Submission(lookupId), "lookupId");
    }

    [Fact]
    public async Task Without_a_look_up_the_proven_paper_is_still_required()
    {
        var reception = await factory.SignInAsync("tiepnhan.xa");

        await AssertRefusedAsync(factory, reception, Submission(null, fullName: "Nguyễn Văn Công Dân"), "documents");
    }

    private static async Task AssertRefusedAsync(OneStopFactory factory, HttpClient client, object body, string field)
    {
        var before = await factory.SnapshotAsync();
        var response = await client.PostAsJsonAsync(Routes.Dossiers, body);
        var problem = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{(int)response.StatusCode} {problem}");
        Assert.NotNull(problem["errors"]![field]);
        Assert.Equal(before, await factory.SnapshotAsync());
    }
}
