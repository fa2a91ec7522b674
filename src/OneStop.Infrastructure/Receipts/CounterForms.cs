namespace OneStop.Infrastructure.Receipts;

/// <summary>
/// The counter's forms and their legal titles. Decree 118/2025/NĐ-CP replaced Decree 61/2018 from 01/07/2025, and
/// Circular 03/2025/TT-VPCP (15/09/2025, Annex I) replaced the forms of Circular 01/2018/TT-VPCP: Mẫu 01 the receipt,
/// 02 the supplement request, 03 the refusal of reception, 04 the apology asking for more time, 05 the stop notice.
/// (Under Circular 01/2018 the apology was Mẫu 04 too; Mẫu 05 was the processing control slip.)
/// </summary>
public static class CounterForms
{
    public const string Circular = "Thông tư số 03/2025/TT-VPCP ngày 15/9/2025 của Văn phòng Chính phủ";

    public static string LegalTitle(int number) => $"Mẫu số {number:00} — Phụ lục I ban hành kèm theo {Circular}";

    public const int Receipt = 1;
    public const int SupplementRequest = 2;
    public const int Refusal = 3;
    public const int Apology = 4;
}
