using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using OneStop.Domain.Calendar;
using OneStop.Domain.Dossiers;

namespace OneStop.Infrastructure.NationalPortal;

/// <summary>An outbox row for one DVCQG entry: its per-dossier message number, service and stored body.</summary>
public sealed record DvcqgOutboxEntry(int Sequence, int EventSequence, string Type, string Payload);

/// <summary>
/// Where a dossier event becomes national-portal messages (DESIGN §9) — the one entry point:
/// <see cref="ForEvent"/>. An event gives a <c>DongBoHoSoMC</c> entry when it changes what the portal shows of
/// the dossier (status, due date, papers, unit), and a <c>CapNhatTienDoHoSoMC</c> entry when an officer did a
/// step's work (<see cref="ProgressActions"/>); the progress entry comes after the dossier entry of the same
/// event, so the portal always has the dossier before its steps. Every event gives at least one entry.
/// </summary>
/// <remarks>
/// The message numbers are a pure function of the immutable history, so the same dossier numbers its messages
/// the same way on every node and every save; they run 1, 2, 3… across both services. The bodies are stored as
/// DVCQG's <c>data</c> entries as of the event, with the reference data (names of the procedure, agency,
/// officers, files and the download links) filled in at delivery by <see cref="DvcqgCompletion"/>.
/// </remarks>
public static class DvcqgPayload
{
    public const string DongBoHoSoMC = "DongBoHoSoMC";
    public const string CapNhatTienDoHoSoMC = "CapNhatTienDoHoSoMC";
    public const string DateFormat = "yyyyMMddHHmmss";

    /// <summary>
    /// Actions that do a step's work: each is one processing step on the portal's progress view — an opinion given
    /// in a consultation round (lấy ý kiến) and the end of a public posting included.
    /// </summary>
    public static readonly IReadOnlySet<string> ProgressActions = new HashSet<string>
    {
        DossierActions.Receive, DossierActions.Refuse, DossierActions.Forward, DossierActions.Return, DossierActions.Approve,
        DossierActions.RequestSupplement, DossierActions.RequestPayment, DossierActions.ConfirmPayment, DossierActions.Resolve,
        DossierActions.Stop, DossierActions.ReturnResult, DossierActions.AnswerConsultation, DossierActions.Elapse,
    };

    /// <summary>Actions that change the dossier entry without changing its status: papers digitized, the unit moved.</summary>
    private static readonly IReadOnlySet<string> DossierChangingActions = new HashSet<string>
    {
        Dossier.DigitizeAction, DossierActions.Transfer,
    };

    internal static readonly JsonSerializerOptions Json = new()
    {
        // Stored and logged: keep Vietnamese readable instead of \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string IdempotencyKey(string dossierCode, int sequence) => $"{dossierCode}:{sequence}";

    /// <summary>The outbox rows of <paramref name="at"/>; the dossier must carry its history up to that event.</summary>
    public static IReadOnlyList<DvcqgOutboxEntry> ForEvent(Dossier dossier, DossierEvent at)
    {
        var snapshot = DvcqgSnapshot.Of(dossier, at);
        var history = snapshot.History;
        var sequence = 1;
        for (var i = 0; i < history.Count - 1; i++)
            sequence += Services(history, i).Count;
        var entries = new List<DvcqgOutboxEntry>();
        foreach (var service in Services(history, history.Count - 1))
        {
            var body = service == DongBoHoSoMC ? DvcqgDossierBody.Build(snapshot) : DvcqgProgressEntry.Build(snapshot);
            entries.Add(new DvcqgOutboxEntry(sequence++, at.Sequence, service, body.ToJsonString(Json)));
        }
        return entries;
    }

    /// <summary>Which services the event at <paramref name="index"/> of <paramref name="history"/> gives, in sending order.</summary>
    public static IReadOnlyList<string> Services(IReadOnlyList<DvcqgEvent> history, int index)
    {
        var e = history[index];
        var previous = index > 0 ? history[index - 1] : null;
        var changesDossier = previous is null
            || e.ToStatus != previous.ToStatus
            || e.DueDate != previous.DueDate
            || DossierChangingActions.Contains(e.Action);
        var isStep = ProgressActions.Contains(e.Action);
        return (changesDossier, isStep) switch
        {
            (true, true) => [DongBoHoSoMC, CapNhatTienDoHoSoMC],
            (false, true) => [CapNhatTienDoHoSoMC],
            // Nothing the portal shows changed and no step was done: still report that something happened.
            _ => [DongBoHoSoMC],
        };
    }

    /// <summary>DVCQG's date format in Vietnam time (UTC+7 all year); <c>""</c> for a date not reached yet.</summary>
    public static string Format(DateTime? utc) =>
        utc is { } value
            ? DateTime.SpecifyKind(value, DateTimeKind.Utc).Add(DeadlineCalculator.VietnamOffset).ToString(DateFormat, CultureInfo.InvariantCulture)
            : "";

    /// <summary>A DVCQG code: always a string ("1", not 1).</summary>
    public static string Code(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Flag(bool value) => value ? "1" : "0";
}
