using System.Text.Json.Nodes;

namespace OneStop.Api.Tests.Workflow;

/// <summary>
/// A definition in the richer format of DESIGN §4.1, as an author would post it: a form, a guard on a form value,
/// a consultation of two agencies (deemed agreed when silent), a public-posting wait and an escalation.
/// </summary>
internal static class RicherDefinitionSamples
{
    public const string Id = "thu-nghiem.cap-phep-co-lay-y-kien";

    public static JsonObject Definition() => JsonNode.Parse("""
        {
          "id": "thu-nghiem.cap-phep-co-lay-y-kien", "version": 1,
          "name": "Cấp phép thử nghiệm có lấy ý kiến và niêm yết",
          "procedureCode": "1.013236.THU.NGHIEM", "field": "Hoạt động xây dựng", "level": "province", "onlineLevel": "partial",
          "processingTime": { "workingDays": 15 },
          "form": [
            { "key": "dienTichSan", "label": "Tổng diện tích sàn (m²)", "type": "number", "required": true, "min": 1 },
            { "key": "loaiCongTrinh", "label": "Loại công trình", "type": "choice", "choices": ["nha-o", "cong-cong"] }
          ],
          "fee": { "amount": 0, "currency": "VND" },
          "roles": ["reception", "specialist", "leader", "appraiser"],
          "documents": [ { "code": "DDN", "name": "Đơn đề nghị", "required": true } ],
          "results": [ { "code": "GP", "name": "Giấy phép", "signed": true, "storeInRepository": false } ],
          "steps": [
            { "id": "tiep-nhan", "name": "Tiếp nhận", "kind": "reception", "role": "reception", "unit": "receiving",
              "transitions": [ { "action": "receive", "to": "phan-loai" } ] },
            { "id": "phan-loai", "name": "Phân loại", "kind": "task", "role": "specialist", "unit": "province",
              "transitions": [ { "action": "forward", "to": "lay-y-kien", "when": "form.dienTichSan > 250" },
                               { "action": "forward", "to": "tham-dinh" } ] },
            { "id": "lay-y-kien", "name": "Lấy ý kiến", "kind": "consultation", "role": "specialist", "unit": "province",
              "consult": [ { "unit": "60.SXD", "role": "appraiser", "duration": { "workingDays": 2 } },
                           { "unit": "60.PCCC", "role": "appraiser", "duration": { "workingDays": 2 } } ],
              "join": "all", "onTimeout": "deemAgreed",
              "transitions": [ { "action": "forward", "to": "niem-yet" } ] },
            { "id": "niem-yet", "name": "Niêm yết công khai", "kind": "wait", "unit": "receiving", "duration": { "workingDays": 2 },
              "transitions": [ { "action": "elapse", "to": "tham-dinh" } ] },
            { "id": "tham-dinh", "name": "Thẩm định", "kind": "task", "role": "specialist", "unit": "province", "duration": { "workingDays": 1 },
              "escalate": { "before": { "workingHours": 4 }, "notify": ["leader"] },
              "transitions": [ { "action": "forward", "to": "phe-duyet" } ] },
            { "id": "phe-duyet", "name": "Phê duyệt", "kind": "approval", "role": "leader", "unit": "province", "signs": true,
              "transitions": [ { "action": "approve", "to": "tra-ket-qua" }, { "action": "return", "to": "tham-dinh" } ] },
            { "id": "tra-ket-qua", "name": "Trả kết quả", "kind": "result", "role": "reception", "unit": "receiving" }
          ]
        }
        """)!.AsObject();

    public static JsonObject StepNamed(JsonObject definition, string id) =>
        definition["steps"]!.AsArray().Single(s => s!["id"]!.GetValue<string>() == id)!.AsObject();
}
