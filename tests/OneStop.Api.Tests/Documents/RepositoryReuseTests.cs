using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using OneStop.Api.Tests.Infrastructure;
using OneStop.Domain.Documents;

namespace OneStop.Api.Tests.Documents;

/// <summary>
/// Issue #5's promise end to end: a birth registration's signed result lands in the citizen's data repository,
/// a later procedure reuses it instead of an upload, the reuse is recorded, and anyone can verify the file.
/// </summary>
public sealed class RepositoryReuseTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    private const string OtherCitizenId = "079203000001";

    /// <summary>Drives a counter birth registration for the demo citizen to Resolved and returns its code.</summary>
    private async Task<string> ResolvedBirthRegistrationAsync(Guid? resultFile = null)
    {
        var reception = await factory.SignInAsync("tiepnhan.xa");
        var code = (await reception.SubmitAsync(ApiClient.CounterSubmission("ho-tich.dang-ky-khai-sinh", Demo.Commune, ["TKKS", "GCS"]))).Str("code");
        await reception.ActAsync(code, "receive");
        await (await factory.SignInAsync("chuyenvien.xa")).ActAsync(code, "forward");
        await (await factory.SignInAsync("lanhdao.xa")).ActAsync(code, "approve");
        object body = resultFile is null ? new { comment = "Ký số giấy khai sinh" } : new { documents = new[] { new { code = "GKS", fileId = resultFile } } };
        var resolved = await reception.ActAsync(code, "resolve", body);
        Assert.Equal("Resolved", resolved.Str("status"));
        return code;
    }

    [Fact]
    public async Task A_resolved_birth_registration_is_signed_stored_reused_and_verifiable()
    {
        var code = await ResolvedBirthRegistrationAsync();
        var citizen = await factory.SignInAsync("congdan");

        var repository = await (await citizen.GetAsync("/api/me/documents")).ReadJsonAsync();
        var certificate = repository["items"]!.AsArray().Single(d => d!["sourceDossierCode"]?.GetValue<string>() == code)!;
        Assert.Equal("GKS", certificate.Str("typeCode"));
        Assert.True(certificate["signed"]!.GetValue<bool>());
        Assert.Equal(0, certificate["reuseCount"]!.GetValue<int>());

        // The signed file verifies; a copy with one byte changed does not.
        var file = await (await citizen.GetAsync($"/api/files/{certificate.Id("fileId")}")).Content.ReadAsByteArrayAsync();
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(file, 0, 4));
        var anonymous = factory.CreateClient();
        var verified = await (await anonymous.VerifyAsync(file)).ReadJsonAsync();
        Assert.True(verified["valid"]!.GetValue<bool>());
        Assert.Equal(code, verified.Str("dossierCode"));
        Assert.Contains("OneStop", verified.Str("signedBy"));
        var altered = file.ToArray();
        altered[altered.Length / 2] ^= 0x01;
        var refused = await (await anonymous.VerifyAsync(altered)).ReadJsonAsync();
        Assert.False(refused["valid"]!.GetValue<bool>());
        Assert.Null(refused["dossierCode"]);

        // Permanent residence online at the ward police, joining a relative's home: the birth certificate proves the
        // kinship (Law on Residence 2020 art. 21(2)) and comes from the repository, no upload for it.
        var form = await citizen.UploadAsync(DocumentSamples.Pdf("CT01"), "ct01.pdf");
        var submitted = await citizen.SubmitAsync(new
        {
            procedureId = "cu-tru.dang-ky-thuong-tru",
            applicant = new { idNumber = Demo.CitizenId, fullName = "Nguyễn Văn Công Dân" },
            channel = "online",
            receivingUnitCode = Demo.CommunePolice,
            documents = new object[] { new { code = "CT01", fileId = form }, new { code = "GKS", repositoryDocumentId = certificate.Id("id") } },
            form = new { truongHop = "o-cung-nguoi-than" },
        });
        var reused = submitted["documents"]!.AsArray().Single(d => d.Str("code") == "GKS")!;
        Assert.Equal(certificate.Id("id"), reused.Id("repositoryDocumentId"));
        Assert.Null(reused["fileId"]);

        var after = await (await citizen.GetAsync("/api/me/documents")).ReadJsonAsync();
        Assert.Equal(1, after["items"]!.AsArray().Single(d => d.Str("id") == certificate.Str("id"))!["reuseCount"]!.GetValue<int>());
        var reuses = await factory.QueryAsync(db => db.DocumentReuses.Where(r => r.DossierCode == submitted.Str("code")).ToListAsync());
        Assert.Equal(certificate.Id("id"), Assert.Single(reuses).RepositoryDocumentId);

        // Officers see what the applicant can reuse for a procedure.
        var officerView = await (await (await factory.SignInAsync("tiepnhan.xa"))
            .GetAsync($"/api/repository/{Demo.CitizenId}/documents?procedureId=cu-tru.dang-ky-thuong-tru")).ReadJsonAsync();
        Assert.True(officerView["items"]!.AsArray().Single(d => d.Str("id") == certificate.Str("id"))!["usableFor"]!.GetValue<bool>());
    }

    [Fact]
    public async Task An_uploaded_result_file_is_the_one_signed_and_stored()
    {
        var reception = await factory.SignInAsync("tiepnhan.xa");
        var scan = DocumentSamples.Pdf("Giay khai sinh ban giay da ky tay");
        var fileId = await reception.UploadAsync(scan, "gks.pdf");
        var code = await ResolvedBirthRegistrationAsync(fileId);

        var (dossier, _) = await reception.GetDossierAsync(code);
        Assert.Equal(fileId, dossier["result"]!.Id("fileId"));
        var verified = await (await factory.CreateClient().VerifyAsync(scan)).ReadJsonAsync();
        Assert.True(verified["valid"]!.GetValue<bool>());
        Assert.Equal(code, verified.Str("dossierCode"));
    }

    private async Task AssertSubmissionRefusedAsync(HttpClient client, object documents, string field)
    {
        var before = await factory.SnapshotAsync();
        var reuses = await factory.QueryAsync(db => db.DocumentReuses.CountAsync());
        var response = await client.PostAsJsonAsync(Routes.Dossiers, new
        {
            procedureId = "cu-tru.dang-ky-thuong-tru",
            applicant = new { idNumber = Demo.CitizenId, fullName = "Nguyễn Văn Công Dân" },
            channel = "online",
            receivingUnitCode = Demo.Commune,
            documents,
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{(int)response.StatusCode}: {body}");
        Assert.Contains($"\"{field}\"", body);
        Assert.Equal(before, await factory.SnapshotAsync());
        Assert.Equal(reuses, await factory.QueryAsync(db => db.DocumentReuses.CountAsync()));
    }

    [Fact]
    public async Task Another_persons_file_or_repository_document_and_an_expired_document_are_refused()
    {
        var citizen = await factory.SignInAsync("congdan");
        var own = await citizen.UploadAsync(DocumentSamples.Pdf(), "ct01.pdf");
        var othersFile = await (await factory.SignInAsync("tiepnhan.xa")).UploadAsync(DocumentSamples.Pdf(), "cua-nguoi-khac.pdf");
        var (othersDocument, expired) = await factory.QueryAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var foreign = new RepositoryDocument(Guid.NewGuid(), OtherCitizenId, "GKS", "Giấy khai sinh", othersFile, null, now, null, signed: true);
            var old = new RepositoryDocument(Guid.NewGuid(), Demo.CitizenId, "GKS", "Giấy khai sinh", own, null, now, new DateOnly(2020, 1, 1), signed: true);
            db.RepositoryDocuments.AddRange(foreign, old);
            await db.SaveChangesAsync();
            return (foreign.Id, old.Id);
        });

        await AssertSubmissionRefusedAsync(citizen,
            new object[] { new { code = "CT01", fileId = othersFile }, new { code = "GKS", fileId = own } }, "documents[0].fileId");
        await AssertSubmissionRefusedAsync(citizen,
            new object[] { new { code = "CT01", fileId = own }, new { code = "GKS", repositoryDocumentId = othersDocument } }, "documents[1].repositoryDocumentId");
        await AssertSubmissionRefusedAsync(citizen,
            new object[] { new { code = "CT01", fileId = own }, new { code = "GKS", repositoryDocumentId = expired } }, "documents[1].repositoryDocumentId");
        await AssertSubmissionRefusedAsync(citizen,
            new object[] { new { code = "CT01", fileId = Guid.NewGuid() }, new { code = "GKS", fileId = own } }, "documents[0].fileId");
    }
}
