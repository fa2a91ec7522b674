using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using OneStop.Api.Tests.Infrastructure;

namespace OneStop.Api.Tests.Documents;

/// <summary>The counter digitizes a paper seen at the desk: scan, structured fields, and a repository copy for reuse.</summary>
public sealed class DigitizationTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    private async Task<(HttpClient Reception, string Code, Guid Scan)> ReceivedAsync()
    {
        var reception = await factory.SignInAsync("tiepnhan.xa");
        var code = (await reception.SubmitAsync(ApiClient.CounterSubmission("ho-tich.dang-ky-khai-sinh", Demo.Commune, ["TKKS", "GCS"]))).Str("code");
        await reception.ActAsync(code, "receive");
        var scan = await reception.UploadAsync(DocumentSamples.Pdf("ban quet giay chung sinh"), "gcs-scan.pdf");
        return (reception, code, scan);
    }

    private static async Task<HttpResponseMessage> DigitizeAsync(HttpClient client, string code, string documentCode, object body, bool withETag = true)
    {
        string? etag = null;
        if (withETag)
            (_, etag) = await client.GetDossierAsync(code);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Routes.Dossier(code)}/documents/{documentCode}/digitize")
        {
            Content = JsonContent.Create(body),
        };
        if (etag is not null)
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task A_digitized_paper_keeps_its_fields_enters_the_repository_and_is_an_event()
    {
        var (reception, code, scan) = await ReceivedAsync();

        var response = await DigitizeAsync(reception, code, "GCS", new { fileId = scan, fields = new Dictionary<string, string> { ["soGiayChungSinh"] = "GCS-2026-00123", ["noiCap"] = "Bệnh viện Đa khoa tỉnh" } });
        var dossier = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paper = dossier["documents"]!.AsArray().Single(d => d.Str("code") == "GCS")!;
        Assert.True(paper["digitized"]!.GetValue<bool>());
        Assert.Equal("counter", paper.Str("source"));
        Assert.Equal(Demo.CitizenId, paper.Str("owner"));
        Assert.Equal(scan, paper.Id("fileId"));
        Assert.Equal("GCS-2026-00123", paper["fields"]!.Str("soGiayChungSinh"));
        Assert.Equal("Received", dossier.Str("status"));

        var history = await (await reception.GetAsync(Routes.History(code))).ReadJsonAsync();
        Assert.Equal("digitize", history["items"]!.AsArray()[^1].Str("action"));
        var stored = await factory.QueryAsync(db => db.RepositoryDocuments.SingleAsync(d => d.SourceDossierCode == code && d.TypeCode == "GCS"));
        Assert.Equal(Demo.CitizenId, stored.OwnerId);
        Assert.Equal(scan, stored.FileId);
    }

    [Fact]
    public async Task Wrong_fields_a_missing_etag_another_role_or_someone_elses_scan_change_nothing()
    {
        var (reception, code, scan) = await ReceivedAsync();
        var before = await factory.SnapshotAsync();
        var documentsBefore = await factory.QueryAsync(db => db.RepositoryDocuments.CountAsync());
        var othersScan = await (await factory.SignInAsync("tiepnhan.huyen")).UploadAsync(DocumentSamples.Pdf(), "x.pdf");

        var unknownField = await DigitizeAsync(reception, code, "GCS", new { fileId = scan, fields = new Dictionary<string, string> { ["soGiayChungSinh"] = "1", ["mauMat"] = "nâu" } });
        var missingField = await DigitizeAsync(reception, code, "GCS", new { fileId = scan, fields = new Dictionary<string, string> { ["noiCap"] = "BV" } });
        var unknownPaper = await DigitizeAsync(reception, code, "XYZ", new { fileId = scan });
        var noETag = await DigitizeAsync(reception, code, "GCS", new { fileId = scan, fields = new Dictionary<string, string> { ["soGiayChungSinh"] = "1" } }, withETag: false);
        var specialist = await DigitizeAsync(await factory.SignInAsync("chuyenvien.xa"), code, "GCS", new { fileId = scan, fields = new Dictionary<string, string> { ["soGiayChungSinh"] = "1" } });
        var foreignScan = await DigitizeAsync(reception, code, "GCS", new { fileId = othersScan, fields = new Dictionary<string, string> { ["soGiayChungSinh"] = "1" } });
        var noFile = await DigitizeAsync(reception, code, "GCS", new { fields = new Dictionary<string, string> { ["soGiayChungSinh"] = "1" } });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknownField.StatusCode);
        Assert.Contains("fields.mauMat", await unknownField.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missingField.StatusCode);
        Assert.Contains("fields.soGiayChungSinh", await missingField.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknownPaper.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, noETag.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, specialist.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, foreignScan.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noFile.StatusCode);
        Assert.Equal(before, await factory.SnapshotAsync());
        Assert.Equal(documentsBefore, await factory.QueryAsync(db => db.RepositoryDocuments.CountAsync()));
    }
}
