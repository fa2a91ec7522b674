using System.Text.Json.Nodes;
using NJsonSchema;
using OneStop.Domain.Definitions;

namespace OneStop.Domain.Tests.Workflows;

/// <summary>
/// One source of rules (DESIGN §4.1): each bad sample of the richer format is refused by the JSON Schema the files
/// are written against and by the publish validator the API and start-up use, the latter at the exact path with
/// its own message. The rules only the validator can check (units that exist, guards, defaults, roles declared)
/// have their cases in the validator's own tests and in the API's BadRicherDefinitionsTests.
/// </summary>
public sealed class DefinitionRulesAgreementTests
{
    private static readonly string SchemaPath = Path.Combine(AppContext.BaseDirectory, "workflows", "schema", "workflow-definition.schema.json");

    /// <summary>DESIGN §4.1's example, completed so that it publishes: form, fee rule, roles, consultation, wait, escalation, signing.</summary>
    private const string Sample = """
        {
          "id": "xay-dung.mau", "version": 1, "name": "Mẫu", "procedureCode": "1.013236", "level": "province", "onlineLevel": "partial",
          "effectiveFrom": "2027-01-01", "supplementClock": "resume", "processingTime": { "workingDays": 15 }, "vneidLevel": 2,
          "form": [
            { "key": "dienTichSan", "label": "Tổng diện tích sàn (m²)", "type": "number", "required": true, "min": 1 },
            { "key": "loaiCongTrinh", "label": "Loại công trình", "type": "choice", "choices": ["nha-o", "cong-cong"] },
            { "key": "soBan", "label": "Số bản", "type": "number" }
          ],
          "fee": { "amount": 75000, "onlineAmount": 37500, "per": "dossier", "currency": "VND", "exemptWhen": "applicant.type == 'organization' && form.loaiCongTrinh == 'cong-cong'" },
          "roles": ["reception", "specialist", "leader", "appraiser"],
          "documents": [ { "code": "DDN", "name": "Đơn", "required": true, "provenBy": "population" }, { "code": "GPMB", "name": "Mặt bằng", "required": "form.dienTichSan > 250" } ],
          "results": [ { "code": "GPXD", "name": "Giấy phép xây dựng", "signed": true, "storeInRepository": true } ],
          "steps": [
            { "id": "tiep-nhan", "name": "Tiếp nhận", "kind": "reception", "role": "reception", "unit": "receiving",
              "transitions": [ { "action": "receive", "to": "phan-loai" } ] },
            { "id": "phan-loai", "name": "Phân loại", "kind": "task", "role": "specialist", "unit": "province", "assign": "claim",
              "transitions": [ { "action": "forward", "to": "lay-y-kien", "when": "form.dienTichSan > 250" }, { "action": "forward", "to": "tham-dinh" } ] },
            { "id": "lay-y-kien", "name": "Lấy ý kiến", "kind": "consultation", "role": "specialist", "unit": "province",
              "consult": [ { "unit": "60.SXD", "role": "appraiser", "duration": { "workingDays": 5 } }, { "unit": "60.PCCC", "role": "appraiser", "duration": { "workingDays": 5 } } ],
              "join": "all", "onTimeout": "deemAgreed", "transitions": [ { "action": "forward", "to": "niem-yet" } ] },
            { "id": "niem-yet", "name": "Niêm yết", "kind": "wait", "duration": { "workingDays": 2 }, "unit": "receiving",
              "transitions": [ { "action": "elapse", "to": "tham-dinh" } ] },
            { "id": "tham-dinh", "name": "Thẩm định", "kind": "task", "role": "specialist", "unit": "province",
              "escalate": { "before": { "workingHours": 4 }, "notify": ["leader"] }, "transitions": [ { "action": "forward", "to": "phe-duyet" } ] },
            { "id": "phe-duyet", "name": "Phê duyệt", "kind": "approval", "role": "leader", "unit": "province", "signs": true,
              "transitions": [ { "action": "approve", "to": "tra-ket-qua" }, { "action": "return", "to": "tham-dinh" } ] },
            { "id": "tra-ket-qua", "name": "Trả kết quả", "kind": "result", "role": "reception", "unit": "receiving" }
          ]
        }
        """;

    private static JsonObject Step(JsonObject d, int i) => d["steps"]![i]!.AsObject();

    public static TheoryData<string, string, string> Cases() => new()
    {
        { "wait-without-duration", "steps[3].duration", "Bước chờ (wait) phải có thời hạn (duration)" },
        { "consult-without-duration", "steps[2].consult[0].duration", "Mỗi đơn vị được lấy ý kiến cần thời hạn trả lời (duration)" },
        { "join-zero", "steps[2].join", "join phải là \"all\" hoặc một số từ 1 đến 2" },
        { "unknown-timeout", "steps[2].onTimeout", "onTimeout 'ignore' không hợp lệ; chỉ dùng deemAgreed" },
        { "unknown-assign", "steps[1].assign", "assign 'round-robin' không hợp lệ; chỉ dùng \"claim\"." },
        { "signs-on-task", "steps[1].signs", "Chỉ bước phê duyệt (kind \"approval\") mới ký kết quả (signs)." },
        { "consult-on-task", "steps[1].consult", "consult, join và onTimeout chỉ dùng ở bước lấy ý kiến (kind \"consultation\")." },
        { "unknown-kind", "steps[1].kind", "Loại bước 'review' không hợp lệ" },
        { "task-without-role", "steps[1].role", "Vai trò '' không hợp lệ; chỉ dùng: reception, specialist, leader, appraiser." },
        { "admin-as-role", "roles[3]", "Vai trò 'admin' không hợp lệ" },
        { "choice-without-choices", "form[1].choices", "Trường kiểu choice phải liệt kê các lựa chọn (choices)." },
        { "min-on-text", "form[2].min", "Chỉ trường kiểu number hoặc money mới có min, max." },
        { "unknown-field-type", "form[0].type", "Kiểu trường 'file' không hợp lệ" },
        { "per-page-without-count", "fee.countField", "Phí tính theo trang cần countField" },
        { "dollars", "fee.currency", "Đơn vị tiền 'USD' không hợp lệ; chỉ dùng VND." },
        { "result-and-results", "result", "Chỉ ghi một trong hai: result (một kết quả, dạng cũ) hoặc results" },
        { "elapse-on-task", "steps[4].transitions[0].action", "Hành động elapse chỉ dùng ở bước chờ" },
        { "forward-from-wait", "steps[3].transitions[0].action", "Bước chờ (wait) chỉ rời đi bằng elapse, không dùng 'forward'." },
        { "effective-date-format", "effectiveFrom", "Ngày hiệu lực '01/01/2027' phải có dạng yyyy-MM-dd" },
        { "lower-case-paper", "documents[0].code", "Mã 'ddn' không đúng dạng" },
        { "escalate-without-before", "steps[4].escalate.before", "Cảnh báo cần thời điểm báo trước hạn (before)" },
        { "supplement-clock", "supplementClock", "supplementClock 'pause' không hợp lệ; chỉ dùng resume hoặc restart." },
        { "same-day-false", "processingTime.sameDay", "Thời hạn giải quyết: sameDay chỉ nhận true" },
        { "same-day-on-a-step", "steps[3].duration.sameDay", "Thời hạn của bước: sameDay chỉ dùng cho thời hạn giải quyết của cả thủ tục" },
        { "empty-legal-basis", "legalBasis[0]", "Mỗi căn cứ pháp lý là một trích dẫn văn bản" },
        { "subject-field-not-a-key", "results[0].subjectField", "Trường 'so-dinh-danh' không có trong form" },
        { "vneid-level-three", "vneidLevel", "Mức định danh điện tử VNeID 3 không hợp lệ; chỉ dùng 1 hoặc 2." },
        { "vneid-level-offline", "vneidLevel", "Thủ tục không trực tuyến (onlineLevel \"none\") không đặt mức VNeID (vneidLevel)." },
        { "proven-by-unknown", "documents[0].provenBy", "Cơ sở dữ liệu quốc gia 'land' không hợp lệ; chỉ dùng: population, business." },
    };

    [Fact]
    public async Task The_sample_passes_the_schema_and_the_validator_without_warnings()
    {
        var report = DefinitionValidator.Check(WorkflowDefinition.Parse(Sample), UnitExists);

        Assert.Empty(report.Errors);
        Assert.Empty(report.Warnings);
        Assert.Empty((await JsonSchema.FromFileAsync(SchemaPath)).Validate(Sample));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_sample_is_refused_by_the_schema_and_by_the_validator_at_its_path(string breakage, string path, string message)
    {
        var definition = JsonNode.Parse(Sample)!.AsObject();
        Break(definition, breakage);
        var json = definition.ToJsonString();

        var errors = DefinitionValidator.Validate(WorkflowDefinition.Parse(json), UnitExists);
        var schemaErrors = (await JsonSchema.FromFileAsync(SchemaPath)).Validate(json);

        var error = Assert.Single(errors);
        Assert.Equal(path, error.Path);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.NotEmpty(schemaErrors);
    }

    private static bool UnitExists(string code) => code is "60" or "60.SXD" or "60.PCCC";

    /// <summary>A package of DESIGN §4.2 over two shipped procedures: birth registration, then the child's residence with the birth certificate.</summary>
    private const string PackageSample = """
        {
          "id": "lien-thong.mau", "version": 1, "kind": "package", "name": "Liên thông mẫu", "procedureCode": "2.002621", "level": "commune", "onlineLevel": "full",
          "members": [
            { "procedureId": "ho-tich.dang-ky-khai-sinh" },
            { "procedureId": "cu-tru.dang-ky-thuong-tru-tre-em", "after": [ "ho-tich.dang-ky-khai-sinh" ], "papersFrom": { "GKS": "ho-tich.dang-ky-khai-sinh" } }
          ]
        }
        """;

    private static WorkflowDefinition? Shipped(string id) =>
        File.Exists(Path.Combine(AppContext.BaseDirectory, "workflows", id + ".json"))
            ? WorkflowDefinition.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "workflows", id + ".json")))
            : null;

    public static TheoryData<string, string, string> PackageCases() => new()
    {
        { "package-with-steps", "steps", "Gói liên thông không có bước xử lý riêng" },
        { "package-with-fee", "fee", "fee chỉ dùng cho thủ tục" },
        { "one-member", "members", "Gói liên thông phải có ít nhất hai thủ tục thành phần" },
        { "member-without-procedure-id", "members[1].procedureId", "Thiếu mã thủ tục thành phần" },
        { "empty-after-entry", "members[1].after[0]", "'' không phải thủ tục thành phần của gói" },
    };

    [Fact]
    public async Task The_package_sample_passes_the_schema_and_the_validator()
    {
        Assert.Empty(DefinitionValidator.Validate(WorkflowDefinition.Parse(PackageSample), UnitExists, Shipped));
        Assert.Empty((await JsonSchema.FromFileAsync(SchemaPath)).Validate(PackageSample));
    }

    [Theory]
    [MemberData(nameof(PackageCases))]
    public async Task A_bad_package_is_refused_by_the_schema_and_by_the_validator_at_its_path(string breakage, string path, string message)
    {
        var package = JsonNode.Parse(PackageSample)!.AsObject();
        var members = package["members"]!.AsArray();
        switch (breakage)
        {
            case "package-with-steps": package["steps"] = JsonNode.Parse(Sample)!["steps"]!.DeepClone(); break;
            case "package-with-fee": package["fee"] = new JsonObject { ["amount"] = 0, ["currency"] = "VND" }; break;
            case "one-member": members.RemoveAt(1); break;
            case "member-without-procedure-id": members[1]!.AsObject().Remove("procedureId"); break;
            case "empty-after-entry": members[1]!["after"] = new JsonArray("", "ho-tich.dang-ky-khai-sinh"); break;
        }
        var json = package.ToJsonString();

        var error = Assert.Single(DefinitionValidator.Validate(WorkflowDefinition.Parse(json), UnitExists, Shipped));
        Assert.Equal(path, error.Path);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.NotEmpty((await JsonSchema.FromFileAsync(SchemaPath)).Validate(json));
    }

    private static void Break(JsonObject d, string breakage)
    {
        switch (breakage)
        {
            case "wait-without-duration": Step(d, 3).Remove("duration"); break;
            case "consult-without-duration": Step(d, 2)["consult"]![0]!.AsObject().Remove("duration"); break;
            case "join-zero": Step(d, 2)["join"] = 0; break;
            case "unknown-timeout": Step(d, 2)["onTimeout"] = "ignore"; break;
            case "unknown-assign": Step(d, 1)["assign"] = "round-robin"; break;
            case "signs-on-task": Step(d, 1)["signs"] = true; break;
            case "consult-on-task": Step(d, 1)["consult"] = Step(d, 2)["consult"]!.DeepClone(); break;
            case "unknown-kind": Step(d, 1)["kind"] = "review"; Step(d, 1).Remove("assign"); break;
            case "task-without-role": Step(d, 1).Remove("role"); break;
            case "admin-as-role": d["roles"]!.AsArray()[3] = "admin"; Step(d, 2)["consult"]![0]!["role"] = "specialist"; Step(d, 2)["consult"]![1]!["role"] = "specialist"; break;
            case "choice-without-choices": d["form"]![1]!.AsObject().Remove("choices"); d["fee"]!.AsObject().Remove("exemptWhen"); break;
            case "min-on-text": d["form"]![2]!["type"] = "text"; d["form"]![2]!["min"] = 1; break;
            case "unknown-field-type": d["form"]![0]!["type"] = "file"; break;
            case "per-page-without-count": d["fee"]!["per"] = "page"; break;
            case "dollars": d["fee"]!["currency"] = "USD"; break;
            case "result-and-results": d["result"] = d["results"]![0]!.DeepClone(); break;
            case "elapse-on-task": Step(d, 4)["transitions"]![0]!["action"] = "elapse"; break;
            case "forward-from-wait": Step(d, 3)["transitions"]![0]!["action"] = "forward"; break;
            case "effective-date-format": d["effectiveFrom"] = "01/01/2027"; break;
            case "lower-case-paper": d["documents"]![0]!["code"] = "ddn"; break;
            case "escalate-without-before": Step(d, 4)["escalate"]!.AsObject().Remove("before"); break;
            case "supplement-clock": d["supplementClock"] = "pause"; break;
            case "same-day-false": d["processingTime"] = new JsonObject { ["sameDay"] = false }; break;
            case "same-day-on-a-step": Step(d, 3)["duration"] = new JsonObject { ["sameDay"] = true }; break;
            case "empty-legal-basis": d["legalBasis"] = new JsonArray(" "); break;
            case "subject-field-not-a-key": d["results"]![0]!["subjectField"] = "so-dinh-danh"; break;
            case "vneid-level-three": d["vneidLevel"] = 3; break;
            case "vneid-level-offline": d["vneidLevel"] = 2; d["onlineLevel"] = "none"; break;
            case "proven-by-unknown": d["documents"]![0]!["provenBy"] = "land"; break;
        }
    }
}
