using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using OneStop.Domain.Calendar;
using OneStop.Domain.Dossiers;

namespace OneStop.Infrastructure.NationalPortal;

/// <summary>One line of history as the portal body needs it (a <see cref="DossierEvent"/> without who did it).</summary>
public sealed record DvcqgEvent(int Sequence, DateTime At, string Action, DossierStatus ToStatus, string? ToUnitCode, DateTime? DueDate, string? Comment = null)
{
    public static DvcqgEvent From(DossierEvent e) => new(e.Sequence, e.At, e.Action, e.ToStatus, e.ToUnitCode, e.DueDate, e.Comment);
}

/// <summary>
/// What the dossier was at one event: its history up to and including that event (the last of
/// <see cref="History"/>), plus the parts that events do not carry.
/// </summary>
public sealed record DvcqgSnapshot(
    string Code,
    Channel Channel,
    Applicant Applicant,
    DateTime SubmittedAt,
    IReadOnlyList<DossierDocument> Documents,
    DossierResult? Result,
    IReadOnlyList<DvcqgEvent> History);

/// <summary>The procedure fields, from the definition version the dossier is pinned to.</summary>
public sealed record DvcqgProcedure(string MaTTHC, string TenTTHC, string? MaLinhVuc);

/// <summary>
/// The body of DVCQG's <c>DongBoHoSoMC</c> for one dossier event (DESIGN §9): Vietnamese field names, dates
/// <c>yyyyMMddHHmmss</c> in Vietnam time, codes as numbers, flags as 0/1 as DVCQG codes them, plus our
/// delivery fields <c>IdempotencyKey</c> and <c>SoThuTu</c> (the event's per-dossier sequence).
/// </summary>
/// <remarks>
/// Built in two halves. <see cref="Build"/> runs when the event is written, inside the same SaveChanges, so the
/// body describes the dossier as it was at that event even if it is delivered days later. The procedure's
/// code, name and field are added at delivery by <see cref="Complete"/> from the pinned definition version:
/// published versions never change, so that is the same answer, without a query inside SaveChanges.
/// </remarks>
public static class DvcqgPayload
{
    public const string Service = "DongBoHoSoMC";
    public const string DateFormat = "yyyyMMddHHmmss";

    private static readonly JsonSerializerOptions Json = new()
    {
        // Stored and logged: keep Vietnamese readable instead of \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string IdempotencyKey(string dossierCode, int sequence) => $"{dossierCode}:{sequence}";

    /// <summary>The body for <paramref name="at"/>; the dossier must carry its history up to that event.</summary>
    public static string ForEvent(Dossier dossier, DossierEvent at) =>
        Build(new DvcqgSnapshot(
            dossier.Code, dossier.Channel, dossier.Applicant, dossier.SubmittedAt, dossier.Documents, dossier.Result,
            dossier.Events.Where(e => e.Sequence <= at.Sequence).OrderBy(e => e.Sequence).Select(DvcqgEvent.From).ToList()))
        .ToJsonString(Json);

    /// <summary>The body as of the last event of <paramref name="snapshot"/>, without the procedure fields.</summary>
    public static JsonObject Build(DvcqgSnapshot snapshot)
    {
        if (snapshot.History.Count == 0)
            throw new ArgumentException("A snapshot needs at least the event it reports.", nameof(snapshot));
        var history = snapshot.History;
        var current = history[^1];
        var resolved = First(history, e => e.Action == DossierActions.Resolve);
        var body = new JsonObject
        {
            ["MaHoSo"] = snapshot.Code,
            ["IdempotencyKey"] = IdempotencyKey(snapshot.Code, current.Sequence),
            ["SoThuTu"] = current.Sequence,
            ["TrangThaiHoSo"] = (int)current.ToStatus,
            ["KenhThucHien"] = (int)snapshot.Channel,
            ["LoaiDoiTuong"] = snapshot.Applicant.Type == ApplicantType.Organisation ? 2 : 1,
            ["ChuHoSo"] = snapshot.Applicant.FullName,
            ["DinhDanhCHS"] = snapshot.Applicant.IdNumber,
            ["NgayNopHoSo"] = Format(snapshot.SubmittedAt),
            ["NgayTiepNhan"] = Format(First(history, e => e.Action == DossierActions.Receive)?.At),
            ["NgayHenTra"] = Format(current.DueDate),
            ["NgayTuChoi"] = Format(First(history, e => e.Action == DossierActions.Refuse)?.At),
            // Processing ends when the result is ready, or when the dossier is refused or stopped without one.
            ["NgayKetThucXuLy"] = Format(First(history, e => e.ToStatus is DossierStatus.Resolved or DossierStatus.NotAccepted or DossierStatus.Stopped)?.At),
            ["NgayTra"] = Format(First(history, e => e.Action == DossierActions.ReturnResult)?.At),
            ["DonViXuLy"] = current.ToUnitCode,
            ["HoSoCoThanhPhanSoHoa"] = snapshot.Documents.Any(d => d.Digitized) ? 1 : 0,
            ["TaiLieuNop"] = new JsonArray(snapshot.Documents.Select(Paper).ToArray()),
            ["DanhSachHoSoBoSung"] = new JsonArray(Supplements(history).ToArray()),
            ["DanhSachGiayToKetQua"] = new JsonArray(resolved is not null && snapshot.Result is { } result ? [ResultPaper(result)] : []),
        };
        // Dates not reached yet are left out rather than sent blank.
        foreach (var empty in body.Where(p => p.Value is null).Select(p => p.Key).ToList())
            body.Remove(empty);
        return body;
    }

    /// <summary>Adds the procedure fields (first, as DVCQG lists them) and a summary line to a stored body.</summary>
    public static string Complete(string payload, DvcqgProcedure procedure)
    {
        var stored = JsonNode.Parse(payload)?.AsObject() ?? throw new JsonException("Outbox payload is not a JSON object.");
        var body = new JsonObject
        {
            ["MaHoSo"] = stored["MaHoSo"]?.DeepClone(),
            ["MaTTHC"] = procedure.MaTTHC,
            ["TenTTHC"] = procedure.TenTTHC,
        };
        if (!string.IsNullOrWhiteSpace(procedure.MaLinhVuc))
            body["MaLinhVuc"] = procedure.MaLinhVuc;
        body["TrichYeuHoSo"] = stored["ChuHoSo"] is { } owner ? $"{procedure.TenTTHC} - {owner.GetValue<string>()}" : procedure.TenTTHC;
        foreach (var (name, value) in stored.Where(p => !body.ContainsKey(p.Key)).ToList())
            body[name] = value?.DeepClone();
        return body.ToJsonString(Json);
    }

    /// <summary>DVCQG's date format, in Vietnam time (UTC+7 all year).</summary>
    public static string? Format(DateTime? utc) =>
        utc is { } value
            ? DateTime.SpecifyKind(value, DateTimeKind.Utc).Add(DeadlineCalculator.VietnamOffset).ToString(DateFormat, CultureInfo.InvariantCulture)
            : null;

    private static DvcqgEvent? First(IReadOnlyList<DvcqgEvent> history, Func<DvcqgEvent, bool> match) => history.FirstOrDefault(match);

    private static JsonObject Paper(DossierDocument paper) => new()
    {
        ["MaThanhPhanHoSo"] = paper.Code,
        ["TenTaiLieu"] = paper.Name,
        ["DuocSoHoa"] = paper.Digitized ? 1 : 0,
        // Reused from the applicant's own data repository (DESIGN §8).
        ["DuocTaiSuDung"] = paper.RepositoryDocumentId is not null ? 1 : 0,
        // The national database catalogue (Kho DMQG) is not connected: nothing is taken from it.
        ["DuocLayTuKhoDMQG"] = 0,
    };

    private static JsonObject ResultPaper(DossierResult result) => new()
    {
        ["MaGiayTo"] = result.Code,
        ["TenGiayTo"] = string.IsNullOrWhiteSpace(result.Name) ? "Kết quả giải quyết thủ tục hành chính" : result.Name,
        ["NgayCap"] = Format(result.IssuedAt),
    };

    /// <summary>Each supplement request, with the due date before it and the one in force once the papers came.</summary>
    private static IEnumerable<JsonObject> Supplements(IReadOnlyList<DvcqgEvent> history)
    {
        for (var i = 0; i < history.Count; i++)
        {
            if (history[i].Action != DossierActions.RequestSupplement)
                continue;
            var answered = history.Skip(i + 1).FirstOrDefault(e => e.Action == DossierActions.Supplement);
            var item = new JsonObject
            {
                ["NgayYeuCau"] = Format(history[i].At),
                ["NoiDungYeuCau"] = history[i].Comment,
                ["NgayHenTraTruoc"] = Format(i > 0 ? history[i - 1].DueDate : null),
                ["NgayBoSung"] = Format(answered?.At),
                ["NgayHenTraMoi"] = Format(answered?.DueDate),
            };
            foreach (var empty in item.Where(p => p.Value is null).Select(p => p.Key).ToList())
                item.Remove(empty);
            yield return item;
        }
    }
}
