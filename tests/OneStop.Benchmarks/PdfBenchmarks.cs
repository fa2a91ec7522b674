using BenchmarkDotNet.Attributes;
using OneStop.Domain.Calendar;
using OneStop.Domain.Dossiers;
using OneStop.Infrastructure.Documents;
using OneStop.Infrastructure.Receipts;

namespace OneStop.Benchmarks;

/// <summary>
/// The two PDFs a dossier gets on its way: the receipt at reception and the result document drawn at <c>resolve</c>
/// (before it is signed). Each embeds subsets of DejaVu Sans; what that costs depends on how many glyphs the faces hold.
/// </summary>
[MemoryDiagnoser]
public class PdfBenchmarks
{
    private static readonly DateTimeOffset Received = new(2026, 3, 2, 9, 0, 0, DeadlineCalculator.VietnamOffset);
    private readonly ResultDocumentRenderer _results = new();
    private readonly ReceiptRenderer _receipts = new();

    private static readonly ResultDocumentModel Result = new("UBND phường Hàm Tiến", "000.17.22.H56-260302-0001",
        "Đăng ký khai sinh", "Giấy khai sinh", "Nguyễn Văn Công Dân", "060095000123", Received.AddDays(1), "Nguyễn Thị Tiếp Nhận (xã)");

    private static readonly ReceiptModel Receipt = new("UBND phường Hàm Tiến", "22918", "000.17.22.H56-260302-0001", "Đăng ký khai sinh",
        "Nguyễn Văn Công Dân", "060095000123", ApplicantType.Person, "0912345678", "Hàm Tiến, Phan Thiết", Channel.Counter,
        [new("TKKS", "Tờ khai đăng ký khai sinh", ReceiptPaperSource.SeenAtCounter), new("GCS", "Giấy chứng sinh", ReceiptPaperSource.File)],
        Received, Received.AddDays(1), "s3cr3t-tracking", "https://motcua.example.gov.vn", Received, "Nguyễn Thị Tiếp Nhận (xã)", "01 ngày làm việc");

    [Benchmark]
    public byte[] ResultDocument() => _results.Render(Result);

    [Benchmark]
    public byte[] ReceiptDocument() => _receipts.Render(Receipt);
}
