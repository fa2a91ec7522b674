using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using OneStop.Api.Tests.Infrastructure;
using OneStop.Domain.Calendar;
using OneStop.Domain.Dossiers;
using OneStop.Infrastructure.Receipts;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace OneStop.Api.Tests.Receipts;

/// <summary>
/// The receipt (giấy tiếp nhận hồ sơ và hẹn trả kết quả, Mẫu 01 of Circular 03/2025/TT-VPCP): a PDF whose text carries
/// the code, due date, each paper as an original or a copy with its count, the processing time, where the result is
/// handed over, the form's legal title and the applicant's name with its diacritics, and whose QR code decodes to
/// public tracking. The QR is read the
/// way a phone would: the pages rasterised by poppler's pdftoppm and decoded by zbar's zbarimg.
/// </summary>
public sealed class ReceiptTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    private const string BirthRegistration = "ho-tich.dang-ky-khai-sinh";

    private static string Receipt(string code) => $"{Routes.Dossier(code)}/receipt";

    private async Task<(HttpClient Reception, string Code)> SubmittedAsync()
    {
        var reception = await factory.SignInAsync("tiepnhan.xa");
        var body = System.Text.Json.JsonSerializer.SerializeToNode(ApiClient.CounterSubmission(BirthRegistration, Demo.Commune, ["TKKS", "GCS"]), ApiClient.Json)!;
        // The declaration handed in as an original; two copies of the birth notice (the original was shown).
        body["documents"] = new System.Text.Json.Nodes.JsonArray(
            new System.Text.Json.Nodes.JsonObject { ["code"] = "TKKS", ["paperForm"] = "original" },
            new System.Text.Json.Nodes.JsonObject { ["code"] = "GCS", ["paperForm"] = "copy", ["copies"] = 2 });
        var code = (await reception.SubmitAsync(body)).Str("code");
        return (reception, code);
    }

    private async Task<(HttpClient Reception, string Code, System.Text.Json.Nodes.JsonObject Dossier)> ReceivedAsync()
    {
        var (reception, code) = await SubmittedAsync();
        var dossier = await reception.ActAsync(code, "receive");
        return (reception, code, dossier);
    }

    [Fact]
    public async Task A_received_dossier_has_a_PDF_receipt_with_code_due_date_and_the_applicant_in_Vietnamese()
    {
        var (reception, code, dossier) = await ReceivedAsync();

        var response = await reception.GetAsync(Receipt(code));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"inline; filename=\"phieu-tiep-nhan-{code}.pdf\"", response.Content.Headers.ContentDisposition?.ToString());
        var pdf = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);

        var text = TextOf(pdf);
        var due = DateTimeOffset.Parse(dossier.Str("dueDate"), CultureInfo.InvariantCulture);
        Assert.Equal(DeadlineCalculator.VietnamOffset, due.Offset);
        Assert.Contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", text);
        Assert.Contains("Mẫu số 01", text);
        Assert.Contains("Thông tư số 03/2025/TT-VPCP", text);
        Assert.Contains("Thời gian giải quyết: Trong ngày làm việc", text);
        Assert.Contains("Nhận kết quả: Tại Bộ phận Một cửa — UBND phường Hàm Tiến", text);
        Assert.Contains("Số lượng", text);
        Assert.Contains("Bản chính", text);
        Assert.Contains("Bản sao", text);
        Assert.Contains(code, text);
        Assert.Contains(due.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture), text);
        Assert.Contains("02/03/2026 09:00", text); // received at the test clock's Monday 09:00, Vietnam time
        // The glyphs came through the embedded font's Unicode map: the name reads back with every diacritic.
        Assert.Contains("Nguyễn Văn Công Dân", text);
        Assert.Contains(dossier.Str("trackingSecret"), text);
        Assert.Contains("Đăng ký khai sinh", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("TKKS", text);
        Assert.Contains("GCS", text);
        Assert.Contains("Nguyễn Thị Tiếp Nhận (xã)", text);
    }

    [Fact]
    public async Task The_QR_code_decodes_to_the_public_tracking_URL_of_the_request_host()
    {
        var (reception, code, dossier) = await ReceivedAsync();

        var pdf = await (await reception.GetAsync(Receipt(code))).Content.ReadAsByteArrayAsync();

        var expected = $"http://localhost/api/public/dossiers/{code}?secret={Uri.EscapeDataString(dossier.Str("trackingSecret"))}";
        Assert.Equal(expected, await QrCode.DecodeAsync(pdf));
    }

    [Fact]
    public async Task The_QR_code_uses_the_configured_public_base_URL()
    {
        var (_, code, dossier) = await ReceivedAsync();
        using var configured = factory.WithWebHostBuilder(b => b.UseSetting("OneStop:PublicBaseUrl", "https://dichvucong.binhthuan.gov.vn/"));
        var reception = configured.CreateClient();
        var token = await (await reception.PostAsJsonAsync(Routes.Token, new { username = "tiepnhan.xa", password = Demo.Password })).ReadJsonAsync();
        reception.DefaultRequestHeaders.Authorization = new("Bearer", token.Str("accessToken"));

        var pdf = await (await reception.GetAsync(Receipt(code))).Content.ReadAsByteArrayAsync();

        Assert.Equal($"https://dichvucong.binhthuan.gov.vn/api/public/dossiers/{code}?secret={Uri.EscapeDataString(dossier.Str("trackingSecret"))}",
            await QrCode.DecodeAsync(pdf));
    }

    [Fact]
    public async Task The_owner_gets_the_receipt_too()
    {
        var (_, code, _) = await ReceivedAsync();
        var citizen = await factory.SignInAsync("congdan");

        var response = await citizen.GetAsync(Receipt(code));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_dossier_not_yet_received_has_no_receipt()
    {
        var (reception, code) = await SubmittedAsync();

        var response = await reception.GetAsync(Receipt(code));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("chưa được tiếp nhận", (await response.ReadJsonAsync()).Str("detail"));
    }

    [Fact]
    public async Task A_refused_dossier_has_no_receipt()
    {
        var (reception, code) = await SubmittedAsync();
        await reception.ActAsync(code, "refuse", new { comment = "Thiếu giấy chứng sinh bản chính." });

        Assert.Equal(HttpStatusCode.Conflict, (await reception.GetAsync(Receipt(code))).StatusCode);
    }

    [Fact]
    public async Task Another_units_officer_gets_404_and_an_anonymous_caller_401()
    {
        var (_, code, _) = await ReceivedAsync();
        var province = await factory.SignInAsync("tiepnhan.tinh");

        var foreign = await province.GetAsync(Receipt(code));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal("application/problem+json", foreign.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await province.GetAsync(Receipt("000.00.00.H00-260302-9999"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync(Receipt(code))).StatusCode);
    }

    [Fact]
    public async Task A_long_list_of_papers_flows_onto_more_pages_and_every_source_is_named()
    {
        var papers = Enumerable.Range(1, 45).Select(i => new ReceiptPaper(
            $"GT{i:00}", $"Giấy tờ số {i} kèm theo hồ sơ", (ReceiptPaperSource)(i % 3), Digitized: i % 2 == 0,
            PaperForm: i % 3 == 0 ? PaperForms.Original : i % 3 == 1 ? PaperForms.Electronic : PaperForms.CertifiedCopy, Copies: i % 4 + 1)).ToList();
        var model = new ReceiptModel(
            "UBND phường Hàm Tiến", Demo.Commune, "000.00.22.H56-260302-0001", "Đăng ký khai sinh", "Trần Thị Ánh Tuyết",
            Demo.CitizenId, ApplicantType.Person, null, null, Channel.Online, papers,
            OneStopFactory.DefaultStart, OneStopFactory.DefaultStart.AddDays(3), "s3cr&t+/=", "https://motcua.example.vn/",
            OneStopFactory.DefaultStart);

        var pdf = new ReceiptRenderer().Render(model);

        Assert.Equal(pdf, new ReceiptRenderer().Render(model)); // same model, same bytes
        using var document = PdfDocument.Open(pdf);
        var pages = document.NumberOfPages;
        Assert.True(pages >= 2, $"45 papers fit on {pages} page(s)?");
        Assert.Contains("Tên giấy tờ", Words(document.GetPage(2))); // the table header is repeated
        var text = string.Join(" ", document.GetPages().Select(InDrawingOrder));
        Assert.Contains($"Trang {pages}/{pages}", text);
        Assert.Contains("GT45", text);
        Assert.Contains("Nộp tại quầy", text);
        Assert.Contains("Bản sao có chứng thực", text);
        Assert.Contains("Bản điện tử", text);
        Assert.Contains("Tệp điện tử (đã số hóa)", text);
        Assert.Contains("Tái sử dụng từ kho dữ liệu", text);
        Assert.Contains("Trần Thị Ánh Tuyết", text);
        Assert.Equal("https://motcua.example.vn/api/public/dossiers/000.00.22.H56-260302-0001?secret=s3cr%26t%2B%2F%3D", model.TrackingUrl);
        Assert.Equal(model.TrackingUrl, await QrCode.DecodeAsync(pdf)); // on the page after the table
    }

    private static string TextOf(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join(" ", document.GetPages().Select(InDrawingOrder));
    }

    /// <summary>
    /// The page's text in the order it was drawn, one table cell after another, whitespace collapsed: a heading that
    /// wraps inside its cell ("Số / lượng") reads back whole, where reading across the page would interleave the cells.
    /// </summary>
    private static string InDrawingOrder(UglyToad.PdfPig.Content.Page page) =>
        System.Text.RegularExpressions.Regex.Replace(ContentOrderTextExtractor.GetText(page), @"\s+", " ");

    private static string Words(UglyToad.PdfPig.Content.Page page) => string.Join(" ", page.GetWords().Select(w => w.Text));

    /// <summary>Reads the QR code (from whichever page has it) with poppler-utils and zbar-tools; their absence fails the test, never skips it.</summary>
    private static class QrCode
    {
        public static async Task<string> DecodeAsync(byte[] pdf)
        {
            var folder = Directory.CreateTempSubdirectory("onestop-receipt-");
            try
            {
                var pdfPath = Path.Combine(folder.FullName, "receipt.pdf");
                await File.WriteAllBytesAsync(pdfPath, pdf);
                await RunAsync("pdftoppm", "poppler-utils", "-png", "-r", "200", pdfPath, Path.Combine(folder.FullName, "page"));
                foreach (var page in Directory.GetFiles(folder.FullName, "page*.png").Order(StringComparer.Ordinal))
                {
                    var decoded = (await RunAsync("zbarimg", "zbar-tools", "--raw", "-q", page)).TrimEnd('\r', '\n');
                    if (decoded.Length > 0)
                        return decoded;
                }
                Assert.Fail("zbarimg found no QR code on any page of the receipt.");
                return "";
            }
            finally
            {
                folder.Delete(recursive: true);
            }
        }

        private static async Task<string> RunAsync(string tool, string package, params IReadOnlyList<string> arguments)
        {
            var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in arguments)
                start.ArgumentList.Add(argument);
            Process process;
            try
            {
                process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
            }
            catch (Win32Exception e)
            {
                Assert.Fail($"'{tool}' is needed to read the receipt's QR code but could not be run ({e.Message}). " +
                    $"Install the Debian package {package}: apt-get install -y poppler-utils zbar-tools");
                throw;
            }
            using (process)
            {
                var output = process.StandardOutput.ReadToEndAsync();
                var error = process.StandardError.ReadToEndAsync();
                await process.WaitForExitAsync();
                // zbarimg answers 4 when the image holds no symbol: the caller looks at the next page.
                var noSymbol = tool == "zbarimg" && process.ExitCode == 4;
                Assert.True(process.ExitCode == 0 || noSymbol, $"{tool} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await error}");
                return await output;
            }
        }
    }
}
