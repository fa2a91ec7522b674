using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using OneStop.Api.Tests.Infrastructure;

namespace OneStop.Api.Tests.Documents;

/// <summary>Small real files of each kind, and the upload call.</summary>
public static class DocumentSamples
{
    public static byte[] Pdf(string text = "Ban sao giay to") =>
        Encoding.ASCII.GetBytes($"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% {text} {Guid.NewGuid()}\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    public static byte[] Png() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, .. Guid.NewGuid().ToByteArray()];

    /// <summary>A Windows executable: "MZ" header, whatever its name says.</summary>
    public static byte[] Executable() => [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, .. Guid.NewGuid().ToByteArray()];

    public static byte[] Docx()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, body) in new[] { ("[Content_Types].xml", "<Types/>"), ("word/document.xml", $"<w:document>{Guid.NewGuid()}</w:document>") })
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(body);
            }
        }
        return buffer.ToArray();
    }

    public static byte[] PlainZip()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        using (var writer = new StreamWriter(zip.CreateEntry("notes.txt").Open()))
            writer.Write(Guid.NewGuid().ToString());
        return buffer.ToArray();
    }

    public static async Task<HttpResponseMessage> TryUploadAsync(this HttpClient client, byte[] content, string fileName, string contentType = "application/pdf")
    {
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(content);
        part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(part, "file", fileName);
        return await client.PostAsync("/api/files", form);
    }

    public static async Task<Guid> UploadAsync(this HttpClient client, byte[] content, string fileName = "giay-to.pdf")
    {
        var response = await client.TryUploadAsync(content, fileName);
        var json = await response.ReadJsonAsync();
        Assert.True(response.IsSuccessStatusCode, $"upload: {(int)response.StatusCode} {json}");
        return json["id"]!.GetValue<Guid>();
    }

    public static async Task<HttpResponseMessage> VerifyAsync(this HttpClient client, byte[] content)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(content), "file", "ket-qua.pdf");
        return await client.PostAsync("/api/public/verify", form);
    }

    public static Guid Id(this JsonNode node, string property) => node[property]!.GetValue<Guid>();
}
