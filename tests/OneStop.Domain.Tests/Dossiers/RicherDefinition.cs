using System.Text.Json;
using OneStop.Domain.Definitions;

namespace OneStop.Domain.Tests.Dossiers;

/// <summary>
/// A commune procedure using every part of DESIGN §4.1: a form, a fee per page with an online amount, a cap and an
/// exemption, a paper required under a guard, a claimable step, a consultation of two agencies (join 1, escalate when
/// silent), a posting wait, an escalating approval that signs, and two results (one unsigned).
/// </summary>
internal static class RicherDefinition
{
    public const string Json = """
        {
          "id": "thu-nghiem.day-du", "version": 1, "name": "Thử nghiệm đầy đủ", "procedureCode": "1.000002", "level": "commune", "onlineLevel": "full",
          "processingTime": { "workingDays": 10 },
          "form": [
            { "key": "soTrang", "label": "Số trang", "type": "number", "required": true, "min": 1, "max": 500 },
            { "key": "loai", "label": "Loại", "type": "choice", "choices": ["a", "b"] },
            { "key": "ngay", "label": "Ngày", "type": "date" },
            { "key": "cmnd", "label": "Số định danh người được ủy quyền", "type": "idNumber" },
            { "key": "khan", "label": "Khẩn", "type": "boolean" }
          ],
          "fee": { "amount": 2000, "onlineAmount": 1000, "per": "page", "countField": "soTrang", "max": 30000, "currency": "VND",
                   "exemptWhen": "applicant.type == 'organization'" },
          "roles": ["reception", "specialist", "leader", "appraiser"],
          "documents": [ { "code": "DON", "name": "Đơn", "required": true }, { "code": "BANVE", "name": "Bản vẽ", "required": "form.soTrang > 10" } ],
          "results": [ { "code": "KQ", "name": "Quyết định", "signed": true, "storeInRepository": true },
                       { "code": "TB", "name": "Thông báo", "signed": false, "storeInRepository": false } ],
          "steps": [
            { "id": "tiep-nhan", "name": "Tiếp nhận", "kind": "reception", "role": "reception", "unit": "receiving",
              "transitions": [ { "action": "receive", "to": "xu-ly" } ] },
            { "id": "xu-ly", "name": "Xử lý", "kind": "task", "role": "specialist", "unit": "receiving", "assign": "claim", "duration": { "workingDays": 2 },
              "transitions": [ { "action": "forward", "to": "lay-y-kien", "when": "fee.amount > 0" }, { "action": "forward", "to": "niem-yet" } ] },
            { "id": "lay-y-kien", "name": "Lấy ý kiến", "kind": "consultation", "role": "specialist", "unit": "receiving", "duration": { "workingDays": 2 },
              "consult": [ { "unit": "60.SXD", "role": "appraiser", "duration": { "workingDays": 1 } },
                           { "unit": "60.PCCC", "role": "appraiser", "duration": { "workingDays": 2 } } ],
              "join": 1, "onTimeout": "escalate",
              "transitions": [ { "action": "forward", "to": "niem-yet" }, { "action": "return", "to": "xu-ly" } ] },
            { "id": "niem-yet", "name": "Niêm yết", "kind": "wait", "unit": "receiving", "duration": { "workingDays": 1 },
              "transitions": [ { "action": "elapse", "to": "phe-duyet" } ] },
            { "id": "phe-duyet", "name": "Phê duyệt", "kind": "approval", "role": "leader", "unit": "receiving", "signs": true, "duration": { "workingDays": 2 },
              "escalate": { "before": { "workingHours": 2 }, "notify": ["leader", "specialist"] },
              "transitions": [ { "action": "approve", "to": "tra-ket-qua" }, { "action": "return", "to": "xu-ly" } ] },
            { "id": "tra-ket-qua", "name": "Trả kết quả", "kind": "result", "role": "reception", "unit": "receiving" }
          ]
        }
        """;

    public static readonly WorkflowDefinition Definition = Valid(WorkflowDefinition.Parse(Json));

    public static Dictionary<string, JsonElement> Form(int pages, object? more = null)
    {
        var form = new Dictionary<string, JsonElement> { ["soTrang"] = JsonSerializer.SerializeToElement(pages) };
        if (more is not null)
            foreach (var property in JsonSerializer.SerializeToElement(more).EnumerateObject())
                form[property.Name] = property.Value.Clone();
        return form;
    }

    private static WorkflowDefinition Valid(WorkflowDefinition definition)
    {
        var report = DefinitionValidator.Check(definition, code => TestUnits.Tree.Find(code) is not null);
        if (report.Errors.Count + report.Warnings.Count > 0)
            throw new InvalidOperationException(string.Join(Environment.NewLine, report.Errors.Concat(report.Warnings).Select(e => $"{e.Path}: {e.Message}")));
        return definition;
    }
}
