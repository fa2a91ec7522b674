using System.Net;
using System.Net.Http.Json;
using OneStop.Api.Tests.Infrastructure;

namespace OneStop.Api.Tests.Dossiers;

/// <summary>Organisations apply under their tax code (with a branch suffix allowed), through a representative.</summary>
public sealed class OrganisationApplicantTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    private static object Submission(string taxCode) => new
    {
        procedureId = "doanh-nghiep.dang-ky-thanh-lap-doanh-nghiep-tu-nhan",
        applicant = new { idNumber = taxCode, fullName = "Doanh nghiệp tư nhân Hàm Tiến", representative = "Lê Thị Đại Diện", phone = "0252 3821 000" },
        channel = "counter",
        receivingUnitCode = Demo.Province,
        documents = new[] { new { code = "GDNDKDN" } },
    };

    [Theory]
    [InlineData("0100109106")]
    [InlineData("0100109106-001")]
    public async Task A_tax_code_makes_the_applicant_an_organisation(string taxCode)
    {
        var reception = await factory.SignInAsync("tiepnhan.tinh");
        var dossier = await reception.SubmitAsync(Submission(taxCode));

        Assert.Equal("organisation", dossier["applicant"].Str("type"));
        Assert.Equal(taxCode, dossier["applicant"].Str("idNumber"));
        Assert.Equal("Lê Thị Đại Diện", dossier["applicant"].Str("representative"));
    }

    [Theory]
    [InlineData("0100109107")]     // wrong check digit
    [InlineData("0100109106-000")] // branch 000 does not exist
    public async Task A_wrong_tax_code_is_refused_and_nothing_is_stored(string taxCode)
    {
        var reception = await factory.SignInAsync("tiepnhan.tinh");
        var before = await factory.SnapshotAsync();
        var response = await reception.PostAsJsonAsync(Routes.Dossiers, Submission(taxCode));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("applicant.idNumber", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await factory.SnapshotAsync());
    }
}
