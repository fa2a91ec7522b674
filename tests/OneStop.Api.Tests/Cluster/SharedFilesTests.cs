using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Api.Tests.Documents;
using OneStop.Api.Tests.Infrastructure;
using OneStop.Infrastructure.Documents;
using OneStop.Infrastructure.Storage;

namespace OneStop.Api.Tests.Cluster;

/// <summary>
/// Issue #14, "nothing one node needs on another node's disk": with <c>OneStop:Storage:Provider = Database</c> two
/// hosts over one store serve each other's files, slice by slice; a result signed by one host verifies on the other,
/// and still after the signing certificate changed.
/// </summary>
public sealed class SharedFilesTests : IAsyncLifetime
{
    private readonly TestStore _store = TestStore.Create();
    private OneStopFactory _nodeA = null!;
    private OneStopFactory _nodeB = null!;

    public Task InitializeAsync()
    {
        (string, string)[] settings = [(StorageProviders.Key, StorageProviders.Database), ("OneStop:Files:CleanupInterval", "00:00:00")];
        _nodeA = OneStopFactory.On(_store, settings);
        _nodeB = OneStopFactory.On(_store, settings);
        _ = _nodeA.Services;
        _ = _nodeB.Services;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _nodeA.DisposeAsync();
        await _nodeB.DisposeAsync();
        await _store.DisposeAsync();
    }

    [Fact]
    public async Task A_file_of_several_slices_uploaded_on_one_node_downloads_byte_for_byte_on_the_other()
    {
        // 700 000 bytes = 2 whole slices of 262 144 and one of 175 712.
        var content = new byte[700_000];
        RandomNumberGenerator.Fill(content);
        "%PDF-1.7\n"u8.CopyTo(content);
        var uploaded = await (await (await _nodeA.SignInAsync("congdan")).TryUploadAsync(content, "ban-ve.pdf")).ReadJsonAsync();

        var download = await (await _nodeB.SignInAsync("congdan")).GetAsync($"/api/files/{uploaded.Id("id")}");

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(content, await download.Content.ReadAsByteArrayAsync());
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        Assert.Equal(sha, uploaded.Str("sha256"));
        var slices = await _nodeA.QueryAsync(db => db.FileChunks
            .Where(c => db.FileBlobs.Any(b => b.Id == c.BlobId && b.Sha256 == sha)).OrderBy(c => c.Part).Select(c => c.Data.Length).ToListAsync());
        Assert.Equal([262_144, 262_144, 175_712], slices);
        Assert.False(Directory.Exists(Path.Combine(_store.DataDirectory, "files")), "nothing is written to a node's disk");
    }

    [Fact]
    public async Task A_docx_is_recognised_by_reading_its_zip_directory_across_slices()
    {
        // An uncompressed 600 000-byte entry pushes the ZIP directory into the third slice.
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in new[] { "[Content_Types].xml", "word/document.xml" })
                await using (var entry = zip.CreateEntry(name).Open())
                    await entry.WriteAsync("<xml/>"u8.ToArray());
            var padding = new byte[600_000];
            RandomNumberGenerator.Fill(padding);
            await using (var entry = zip.CreateEntry("word/media/scan.bin", CompressionLevel.NoCompression).Open())
                await entry.WriteAsync(padding);
        }

        var response = await (await _nodeA.SignInAsync("tiepnhan.xa")).TryUploadAsync(buffer.ToArray(), "don.docx", "application/octet-stream");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(FileTypes.Docx, (await response.ReadJsonAsync()).Str("contentType"));
    }

    [Fact]
    public async Task An_upload_over_the_limit_leaves_no_slice_behind()
    {
        await using var small = OneStopFactory.On(_store, (StorageProviders.Key, StorageProviders.Database), ("OneStop:Files:MaxBytes", "300000"));
        var before = await small.QueryAsync(async db => (await db.FileBlobs.CountAsync(), await db.FileChunks.CountAsync()));

        var response = await (await small.SignInAsync("tiepnhan.xa")).TryUploadAsync([.. DocumentSamples.Pdf(), .. new byte[400_000]], "lon.pdf");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, await small.QueryAsync(async db => (await db.FileBlobs.CountAsync(), await db.FileChunks.CountAsync())));
    }

    [Fact]
    public async Task An_upload_a_dead_node_never_finished_is_removed_after_an_hour_and_one_in_progress_is_not()
    {
        var now = _nodeA.Clock.GetUtcNow().UtcDateTime;
        var (abandoned, running) = (Guid.NewGuid(), Guid.NewGuid());
        await _nodeA.QueryAsync(db =>
        {
            db.FileBlobs.AddRange(new FileBlob { Id = abandoned, StartedAt = now.AddMinutes(-61) }, new FileBlob { Id = running, StartedAt = now.AddMinutes(-5) });
            db.FileChunks.AddRange(new FileChunk { BlobId = abandoned, Part = 0, Data = [1, 2, 3] }, new FileChunk { BlobId = running, Part = 0, Data = [4] });
            return db.SaveChangesAsync();
        });

        using (var scope = _nodeA.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<UnreferencedFilesCleanupJob>().RunAsync(CancellationToken.None);

        var left = await _nodeA.QueryAsync(db => db.FileChunks.Where(c => c.BlobId == abandoned || c.BlobId == running).Select(c => c.BlobId).ToListAsync());
        Assert.Equal([running], left);
        Assert.False(await _nodeA.QueryAsync(db => db.FileBlobs.AnyAsync(b => b.Id == abandoned)));
    }

    [Fact]
    public async Task A_result_signed_on_one_node_verifies_on_the_other_and_after_the_certificate_changed()
    {
        var first = await ResolvedResultAsync(_nodeA);
        Assert.True(await VerifiesAsync(_nodeB, first));

        // A third node configured with another certificate (a rotation): it signs with the new one...
        var pfx = Path.Combine(_store.DataDirectory, "rotated.pfx");
        await File.WriteAllBytesAsync(pfx, NewCertificate("CN=So Noi vu (xoay vong khoa), O=UBND tinh, C=VN"));
        await using var rotated = OneStopFactory.On(_store, (StorageProviders.Key, StorageProviders.Database),
            ("OneStop:Signing:CertificatePath", pfx), ("OneStop:Signing:CertificatePassword", "mat-khau"));
        var second = await ResolvedResultAsync(rotated);

        // ...and every node verifies both: each result is checked against the certificate it names.
        Assert.Equal("So Noi vu (xoay vong khoa)", (await (await rotated.CreateClient().VerifyAsync(second)).ReadJsonAsync()).Str("signedBy"));
        foreach (var node in new[] { _nodeA, _nodeB, rotated })
        {
            Assert.True(await VerifiesAsync(node, first));
            Assert.True(await VerifiesAsync(node, second));
        }
        Assert.Equal(2, await rotated.QueryAsync(db => db.SigningCertificates.CountAsync()));
    }

    [Fact]
    public async Task A_data_protection_ticket_made_on_one_node_opens_on_the_other()
    {
        var ticket = _nodeA.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("onestop-test").Protect("phiếu của nút A");

        Assert.Equal("phiếu của nút A", _nodeB.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("onestop-test").Unprotect(ticket));
        Assert.True(await _nodeB.QueryAsync(db => db.DataProtectionKeys.AnyAsync()));
    }

    private static byte[] NewCertificate(string subject)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddYears(-1), DateTimeOffset.UtcNow.AddYears(5));
        return certificate.Export(X509ContentType.Pfx, "mat-khau");
    }

    /// <summary>A counter birth registration at commune 22918 driven to Resolved on <paramref name="node"/>; its signed result file.</summary>
    private static async Task<byte[]> ResolvedResultAsync(OneStopFactory node)
    {
        var reception = await node.SignInAsync("tiepnhan.xa");
        var code = (await reception.SubmitAsync(ApiClient.CounterSubmission("ho-tich.dang-ky-khai-sinh", Demo.Commune, ["TKKS", "GCS"]))).Str("code");
        await reception.ActAsync(code, "receive");
        await (await node.SignInAsync("chuyenvien.xa")).ActAsync(code, "forward");
        await (await node.SignInAsync("lanhdao.xa")).ActAsync(code, "approve");
        var resolved = await reception.ActAsync(code, "resolve", new { comment = "Ký số giấy khai sinh" });
        return await (await reception.GetAsync($"/api/files/{resolved["result"]!.Id("fileId")}")).Content.ReadAsByteArrayAsync();
    }

    private static async Task<bool> VerifiesAsync(OneStopFactory node, byte[] file) =>
        (await (await node.CreateClient().VerifyAsync(file)).ReadJsonAsync())["valid"]!.GetValue<bool>();
}
