using System.Text.Json;
using OneStop.Domain.Definitions;

namespace OneStop.Domain.Dossiers;

public sealed partial class Dossier
{
    public const string DigitizeAction = "digitize";

    /// <summary>
    /// Records that the counter digitized a paper (số hóa): the scan replaces nothing but the paper's file,
    /// the structured fields the definition names are kept, and the change is an event like any other
    /// (the national portal reports digitized papers).
    /// </summary>
    /// <summary>Null when <paramref name="actor"/> may digitize papers of this dossier now; otherwise why not.</summary>
    public DossierRefusedException? CheckDigitize(Actor actor) =>
        !Status.IsOpen() ? new DossierRefusedException(RefusalKind.Conflict, $"Không thể số hóa giấy tờ khi hồ sơ đang ở trạng thái {Status}.")
        : !actor.IsOfficerAt(RoleNames.Reception, ReceivingUnitCode) && !actor.IsOfficerAt(RoleNames.Reception, CurrentUnitCode)
            ? new DossierRefusedException(RefusalKind.Forbidden, "Chỉ cán bộ một cửa của đơn vị được số hóa giấy tờ.")
        : null;

    public DossierDocument Digitize(string documentCode, Guid scanFileId, IReadOnlyDictionary<string, string>? fields, DossierContext context)
    {
        if (CheckDigitize(context.Actor) is { } refusal)
            throw refusal;
        var index = _documents.FindIndex(d => d.Code == documentCode);
        if (index < 0)
            throw new DossierRefusedException(RefusalKind.Invalid, $"Hồ sơ không có giấy tờ '{documentCode}'.", "documentCode");
        var requirement = context.Definition.Documents.FirstOrDefault(d => d.Code == documentCode);
        var defined = requirement?.Fields ?? [];
        var values = fields ?? new Dictionary<string, string>();
        foreach (var key in values.Keys.Where(k => defined.All(f => f.Name != k)))
            throw new DossierRefusedException(RefusalKind.Invalid, $"Giấy tờ '{documentCode}' không có trường '{key}'.", $"fields.{key}");
        foreach (var missing in defined.Where(f => f.Required && string.IsNullOrWhiteSpace(values.GetValueOrDefault(f.Name))))
            throw new DossierRefusedException(RefusalKind.Invalid, $"Thiếu trường bắt buộc '{missing.Label}'.", $"fields.{missing.Name}");

        var digitized = _documents[index] with
        {
            FileId = scanFileId,
            Digitized = true,
            FieldsJson = values.Count == 0 ? null : JsonSerializer.Serialize(values),
        };
        _documents[index] = digitized;
        Record(context, DigitizeAction, Status, CurrentStepId, $"Số hóa giấy tờ {documentCode}");
        return digitized;
    }
}
