using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using OneStop.Api.Tests.Infrastructure;

namespace OneStop.Api.Tests.Documents;

/// <summary>Uploads are checked by content, limited in size, stored once by SHA-256, and readable only by those entitled.</summary>
public sealed class FileUploadTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    private Task<int> StoredFilesAsync() => factory.QueryAsync(db => db.Files.CountAsync());

    private Task<int> StoredBlobsAsync() => factory.StoredBlobCountAsync();

    [Fact]
    public async Task A_pdf_is_stored_under_its_sha256_and_read_back_by_its_uploader_only()
    {
        var citizen = await factory.SignInAsync("congdan");
        var content = DocumentSamples.Pdf();
        var response = await citizen.TryUploadAsync(content, "to-khai.pdf");
        var json = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), json.Str("sha256"));
        Assert.Equal(content.Length, json["size"]!.GetValue<long>());
        Assert.Equal("application/pdf", json.Str("contentType"));

        var download = await citizen.GetAsync($"/api/files/{json.Id("id")}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(content, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());

        var stranger = await factory.SignInAsync("chuyenvien.huyen");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/files/{json.Id("id")}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync($"/api/files/{json.Id("id")}")).StatusCode);
    }

    [Theory]
    [InlineData("png")]
    [InlineData("docx")]
    [InlineData("xml")]
    public async Task Each_allowed_kind_is_recognised_by_its_bytes(string kind)
    {
        var (content, expected) = kind switch
        {
            "png" => (DocumentSamples.Png(), "image/png"),
            "docx" => (DocumentSamples.Docx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            _ => (System.Text.Encoding.UTF8.GetBytes($"<?xml version=\"1.0\"?><hoSo ma=\"{Guid.NewGuid()}\"/>"), "application/xml"),
        };
        var response = await (await factory.SignInAsync("tiepnhan.xa")).TryUploadAsync(content, "tep.bin", "application/octet-stream");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(expected, (await response.ReadJsonAsync()).Str("contentType"));
    }

    [Theory]
    [InlineData("exe")]
    [InlineData("zip")]
    public async Task A_file_of_another_kind_is_refused_whatever_its_name_and_nothing_is_stored(string kind)
    {
        var content = kind == "exe" ? DocumentSamples.Executable() : DocumentSamples.PlainZip();
        var reception = await factory.SignInAsync("tiepnhan.xa");
        var (rows, blobs) = (await StoredFilesAsync(), await StoredBlobsAsync());

        var response = await reception.TryUploadAsync(content, "giay-khai-sinh.pdf", "application/pdf");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("\"file\"", await response.Content.ReadAsStringAsync());
        Assert.Equal(rows, await StoredFilesAsync());
        Assert.Equal(blobs, await StoredBlobsAsync());
    }

    [Theory]
    [InlineData("<hoSo><ma>1</hoSo>")]                                                                    // malformed
    [InlineData("<hoSo ma=\"1\"")]                                                                        // cut short
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]><x>&b;</x>")] // entity expansion
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><x>&xxe;</x>")]               // external entity
    [InlineData("< not xml at all, just a less-than sign")]
    public async Task Something_that_merely_starts_with_a_less_than_sign_or_declares_a_DTD_is_not_accepted_as_XML(string text)
    {
        var reception = await factory.SignInAsync("tiepnhan.xa");
        var (rows, blobs) = (await StoredFilesAsync(), await StoredBlobsAsync());

        var response = await reception.TryUploadAsync(System.Text.Encoding.UTF8.GetBytes(text + $"<!-- {Guid.NewGuid()} -->"), "ho-so.xml", "application/xml");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(rows, await StoredFilesAsync());
        Assert.Equal(blobs, await StoredBlobsAsync());
    }

    [Fact]
    public async Task A_well_formed_XML_paper_with_a_byte_order_mark_and_Vietnamese_text_is_accepted()
    {
        var xml = System.Text.Encoding.UTF8.GetBytes($"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<hoSo ma=\"{Guid.NewGuid()}\"><chuHoSo>Nguyễn Văn Công Dân</chuHoSo></hoSo>");
        var response = await (await factory.SignInAsync("tiepnhan.xa")).TryUploadAsync([0xEF, 0xBB, 0xBF, .. xml], "ho-so.xml", "application/xml");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("application/xml", (await response.ReadJsonAsync()).Str("contentType"));
    }

    [Fact]
    public async Task A_file_over_the_limit_is_a_413_and_nothing_is_stored()
    {
        using var small = factory.WithWebHostBuilder(b => b.UseSetting("OneStop:Files:MaxBytes", "1024"));
        var client = small.CreateClient();
        var token = await (await client.PostAsJsonAsync(Routes.Token, new { username = "tiepnhan.xa", password = Demo.Password })).ReadJsonAsync();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token.Str("accessToken"));
        var (rows, blobs) = (await StoredFilesAsync(), await StoredBlobsAsync());

        var response = await client.TryUploadAsync([.. DocumentSamples.Pdf(), .. new byte[2048]], "lon.pdf");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(rows, await StoredFilesAsync());
        Assert.Equal(blobs, await StoredBlobsAsync());
    }

    [Fact]
    public async Task A_request_without_a_file_part_is_a_400()
    {
        var reception = await factory.SignInAsync("tiepnhan.xa");
        var response = await reception.PostAsync("/api/files", new MultipartFormDataContent { { new StringContent("x"), "note" } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await reception.PostAsJsonAsync("/api/files", new { file = "x" })).StatusCode);
    }
}
