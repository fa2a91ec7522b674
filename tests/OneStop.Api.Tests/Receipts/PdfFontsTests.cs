using System.Text;
using OneStop.Api.Tests.Infrastructure;
using OneStop.Domain.Dossiers;
using OneStop.Infrastructure.Documents;
using OneStop.Infrastructure.Receipts;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace OneStop.Api.Tests.Receipts;

/// <summary>
/// The PDFs embed subsets of DejaVu Sans (Receipts/Fonts/LICENSE), cut down to Latin for speed: every Vietnamese letter,
/// upper and lower case, in the regular and the bold face, must still print as itself, never as '?' or not at all.
/// </summary>
public sealed class PdfFontsTests
{
    private const string Lower = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ";
    private static readonly string Letters = Lower + " " + Lower.ToUpperInvariant();

    [Fact]
    public void Every_Vietnamese_letter_prints_on_a_result_document_in_both_faces()
    {
        // The unit's name is set in the bold face (upper case), the applicant's in the regular one.
        var pdf = new ResultDocumentRenderer().Render(new ResultDocumentModel(
            Letters, "000.17.22.H56-260302-0001", "Đăng ký khai sinh", "Giấy khai sinh", Letters, Demo.CitizenId,
            OneStopFactory.DefaultStart, "Nguyễn Thị Tiếp Nhận (xã)"));

        var text = TextOf(pdf);
        Assert.Contains(Lower + Lower.ToUpperInvariant(), text); // the applicant
        Assert.Contains(Lower.ToUpperInvariant() + Lower.ToUpperInvariant(), text); // the unit, upper-cased, in bold
    }

    [Fact]
    public void Every_Vietnamese_letter_prints_on_a_receipt_and_a_character_the_fonts_lack_prints_as_a_question_mark()
    {
        var model = new ReceiptModel(Letters, Demo.Commune, "000.17.22.H56-260302-0001", "Đăng ký khai sinh", Letters + " 中",
            Demo.CitizenId, ApplicantType.Person, null, null, Channel.Counter, [new("TKKS", Letters, ReceiptPaperSource.SeenAtCounter)],
            OneStopFactory.DefaultStart, OneStopFactory.DefaultStart.AddDays(1), "s3cr3t", "https://motcua.example.vn/", OneStopFactory.DefaultStart);

        var text = TextOf(new ReceiptRenderer().Render(model));

        // A name longer than its cell is broken between letters, so the text is compared without its spaces.
        Assert.Contains(Lower + Lower.ToUpperInvariant() + "?", text);
        Assert.DoesNotContain("中", text);
    }

    private static string TextOf(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var text = new StringBuilder();
        foreach (var page in document.GetPages())
            text.Append(System.Text.RegularExpressions.Regex.Replace(ContentOrderTextExtractor.GetText(page), @"\s+", ""));
        return text.ToString().Normalize(NormalizationForm.FormC);
    }
}
