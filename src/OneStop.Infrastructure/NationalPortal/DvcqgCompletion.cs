using OneStop.Domain;
using System.Text.Json;
using System.Text.Json.Nodes;
using OneStop.Domain.Dossiers;

namespace OneStop.Infrastructure.NationalPortal;

/// <summary>An account as the progress view names it.</summary>
public sealed record DvcqgPerson(string FullName, IReadOnlySet<string> Roles);

/// <summary>A step of the pinned definition: its name and the role that works it.</summary>
public sealed record DvcqgStep(string Name, string? Role);

/// <summary>What stored bodies refer to and delivery looks up: agencies, units, accounts, files, repository papers.</summary>
public sealed record DvcqgReferences(
    IReadOnlySet<string> Agencies, IReadOnlySet<string> Units, IReadOnlySet<string> People, IReadOnlySet<Guid> Files, IReadOnlySet<Guid> RepositoryDocuments);

/// <summary>The reference data a delivery fills stored bodies with (<see cref="DvcqgCompletion"/>).</summary>
public sealed record DvcqgDirectory(
    DvcqgProcedure Procedure,
    IReadOnlyDictionary<string, DvcqgStep> Steps,
    IReadOnlyDictionary<string, string> AgencyNames,
    IReadOnlyDictionary<string, string> UnitNames,
    IReadOnlyDictionary<string, DvcqgPerson> People,
    IReadOnlyDictionary<Guid, string> FileNames,
    IReadOnlyDictionary<Guid, Guid> RepositoryFiles,
    Func<Guid, string> Link);

/// <summary>
/// Turns a stored body into the <c>data</c> entry DVCQG receives: the procedure's code, name and field, the
/// agency's name, officers' names and titles, departments, what each step did, file names and signed download
/// links (<c>/api/portal-files/{token}</c>), then drops our <see cref="DvcqgDossierBody.References"/> member.
/// Published definitions never change, so the procedure part is the same answer whenever it is delivered;
/// names are today's, and links are made fresh so that they are valid for their whole lifetime from the send.
/// </summary>
public static class DvcqgCompletion
{
    /// <summary>DVCQG's limit for the person who handled a step; longer names end with an ellipsis.</summary>
    public const int MaxNguoiXuLy = 50;

    private static readonly string[] TitleOrder = [RoleNames.Leader, RoleNames.Appraiser, RoleNames.Specialist, RoleNames.Reception, RoleNames.Admin];

    /// <summary>Everything <paramref name="stored"/> bodies refer to, so one delivery loads it in a few queries.</summary>
    public static DvcqgReferences Referenced(IEnumerable<JsonObject> stored)
    {
        HashSet<string> agencies = [], units = [], people = [];
        HashSet<Guid> files = [], repository = [];
        foreach (var body in stored)
        {
            if (body[DvcqgDossierBody.References] is not JsonObject refs)
                continue;
            Add(agencies, refs["agency"]);
            Add(units, refs["unit"]);
            Add(units, refs["unitInCharge"]);
            Add(people, refs["actor"]);
            foreach (var paper in refs["papers"]?.AsArray() ?? [])
            {
                AddGuid(files, paper?["file"]);
                AddGuid(repository, paper?["repository"]);
            }
            AddGuid(files, refs["result"]);
            foreach (var supplement in refs["supplements"]?.AsArray() ?? [])
            {
                Add(people, supplement?["requestedBy"]);
                Add(people, supplement?["receivedBy"]);
            }
        }
        return new DvcqgReferences(agencies, units, people, files, repository);
    }

    /// <summary>The <c>data</c> entry to send for a stored body of <paramref name="service"/>.</summary>
    public static JsonObject Complete(string service, string stored, DvcqgDirectory directory)
    {
        var body = JsonNode.Parse(stored)?.AsObject() ?? throw new JsonException("Outbox payload is not a JSON object.");
        var refs = body[DvcqgDossierBody.References] as JsonObject ?? [];
        body.Remove(DvcqgDossierBody.References);
        if (service == DvcqgPayload.CapNhatTienDoHoSoMC)
            CompleteProgress(body, refs, directory);
        else
            CompleteDossier(body, refs, directory);
        return body;
    }

    private static void CompleteDossier(JsonObject body, JsonObject refs, DvcqgDirectory directory)
    {
        var procedure = directory.Procedure;
        body["MaTTHC"] = procedure.MaTTHC;
        body["TenTTHC"] = procedure.TenTTHC;
        body["MaLinhVuc"] = procedure.MaLinhVuc ?? "";
        body["TenLinhVuc"] = procedure.TenLinhVuc ?? "";
        var owner = body["ChuHoSo"]?.GetValue<string>();
        body["TrichYeuHoSo"] = string.IsNullOrWhiteSpace(owner) ? procedure.TenTTHC : $"{procedure.TenTTHC} - {owner}";
        // The unit in force at the event (after a merge or dissolution, the successor); older bodies name the agency.
        var agency = refs["agency"]?.GetValue<string>() ?? "";
        var inCharge = refs["unitInCharge"]?.GetValue<string>();
        body["DonViXuLy"] = inCharge is not null && directory.UnitNames.TryGetValue(inCharge, out var unitName)
            ? unitName
            : directory.AgencyNames.GetValueOrDefault(agency, agency);

        var papers = body["TaiLieuNop"]?.AsArray() ?? [];
        var paperRefs = refs["papers"]?.AsArray() ?? [];
        for (var i = 0; i < papers.Count && i < paperRefs.Count; i++)
        {
            var fileId = ParseGuid(paperRefs[i]?["file"])
                ?? (ParseGuid(paperRefs[i]?["repository"]) is { } document ? directory.RepositoryFiles.GetValueOrDefault(document) : null);
            if (fileId is not { } file)
                continue;
            var paper = papers[i]!.AsObject();
            paper["TepDinhKemId"] = file.ToString();
            if (directory.FileNames.TryGetValue(file, out var name))
                paper["TenTepDinhKem"] = name;
            paper["DuongDanTaiTepTin"] = directory.Link(file);
        }
        foreach (var fee in body["DanhSachLePhi"]?.AsArray() ?? [])
            fee!["TenPhiLePhi"] = $"Phí, lệ phí giải quyết thủ tục {procedure.TenTTHC}";
        if (ParseGuid(refs["result"]) is { } resultFile)
            foreach (var result in body["DanhSachGiayToKetQua"]?.AsArray() ?? [])
                result!["DuongDanTepTinKetQua"] = directory.Link(resultFile);

        var supplements = body["DanhSachHoSoBoSung"]?.AsArray() ?? [];
        var supplementRefs = refs["supplements"]?.AsArray() ?? [];
        for (var i = 0; i < supplements.Count && i < supplementRefs.Count; i++)
        {
            supplements[i]!["NguoiYeuCauBoSung"] = PersonName(directory, supplementRefs[i]?["requestedBy"]?.GetValue<string>());
            supplements[i]!["NguoiTiepNhanBoSung"] = PersonName(directory, supplementRefs[i]?["receivedBy"]?.GetValue<string>());
        }
    }

    private static void CompleteProgress(JsonObject body, JsonObject refs, DvcqgDirectory directory)
    {
        var actor = refs["actor"]?.GetValue<string>();
        var unit = refs["unit"]?.GetValue<string>();
        var action = refs["action"]?.GetValue<string>() ?? "";
        var from = Step(directory, refs["fromStep"]?.GetValue<string>());
        var to = Step(directory, refs["toStep"]?.GetValue<string>());
        body["NguoiXuLy"] = Shorten(PersonName(directory, actor) is { Length: > 0 } name ? name : "Cán bộ xử lý");
        body["ChucDanh"] = Title(actor is null ? null : directory.People.GetValueOrDefault(actor), from?.Role);
        body["PhongBanXuLy"] = unit is null ? "" : directory.UnitNames.GetValueOrDefault(unit, unit);
        body["NoiDungXuLy"] = Describe(action, from?.Name, to?.Name, refs["comment"]?.GetValue<string>());
    }

    /// <summary>At most 50 characters: a longer name keeps its first 47 and an ellipsis.</summary>
    public static string Shorten(string name) => name.Length <= MaxNguoiXuLy ? name : name[..(MaxNguoiXuLy - 3)] + "...";

    /// <summary>
    /// The account's title for the step: the role the step needs if the account holds it, else the account's
    /// highest officer role; for an account we cannot find, the step's role.
    /// </summary>
    public static string Title(DvcqgPerson? person, string? stepRole)
    {
        var roles = person?.Roles ?? new HashSet<string>();
        var role = stepRole is not null && roles.Contains(stepRole) ? stepRole
            : TitleOrder.FirstOrDefault(roles.Contains) ?? stepRole;
        return role switch
        {
            RoleNames.Reception => "Cán bộ tiếp nhận và trả kết quả",
            RoleNames.Specialist => "Chuyên viên",
            RoleNames.Leader => "Lãnh đạo",
            RoleNames.Appraiser => "Thẩm định viên",
            RoleNames.Admin => "Quản trị hệ thống",
            null => "",
            _ => role,
        };
    }

    /// <summary>What the step did, in the officers' words, with the comment they wrote.</summary>
    public static string Describe(string action, string? from, string? to, string? comment)
    {
        var text = action switch
        {
            DossierActions.Receive => $"Tiếp nhận hồ sơ; chuyển bước {to}",
            DossierActions.Refuse => "Từ chối tiếp nhận hồ sơ",
            DossierActions.Forward => $"Hoàn thành bước {from}; chuyển bước {to}",
            DossierActions.Approve => $"Phê duyệt tại bước {from}; chuyển bước {to}",
            DossierActions.Return => $"Trả lại từ bước {from} về bước {to}",
            DossierActions.RequestSupplement => $"Yêu cầu bổ sung hồ sơ tại bước {from}",
            DossierActions.RequestPayment => $"Yêu cầu nộp phí, lệ phí tại bước {from}",
            DossierActions.ConfirmPayment => $"Xác nhận đã nộp phí, lệ phí; chuyển bước {to}",
            DossierActions.Resolve => $"Ban hành kết quả giải quyết tại bước {from}",
            DossierActions.Stop => "Dừng giải quyết hồ sơ",
            DossierActions.ReturnResult => "Trả kết quả cho người nộp hồ sơ",
            DossierActions.AnswerConsultation => $"Cho ý kiến tại bước {from}",
            DossierActions.Elapse => $"Kết thúc bước {from}; chuyển bước {to}",
            _ => action,
        };
        return string.IsNullOrWhiteSpace(comment) ? text : $"{text}: {comment}";
    }

    private static DvcqgStep? Step(DvcqgDirectory directory, string? id) =>
        id is not null && directory.Steps.TryGetValue(id, out var step) ? step : null;

    /// <summary>What the portal shows for work nobody did by hand: a wait that elapsed, a consultation deemed agreed.</summary>
    public const string SystemName = "Hệ thống (tự động)";

    private static string PersonName(DvcqgDirectory directory, string? userName) =>
        userName is null ? ""
        : directory.People.TryGetValue(userName, out var person) && person.FullName.Length > 0 ? person.FullName
        : userName == RoleNames.SystemActor ? SystemName
        : userName;

    private static Guid? ParseGuid(JsonNode? node) =>
        node?.GetValueKind() == JsonValueKind.String && Guid.TryParse(node.GetValue<string>(), out var id) ? id : null;

    private static void Add(HashSet<string> set, JsonNode? node)
    {
        if (node?.GetValueKind() == JsonValueKind.String && node.GetValue<string>() is { Length: > 0 } value)
            set.Add(value);
    }

    private static void AddGuid(HashSet<Guid> set, JsonNode? node)
    {
        if (ParseGuid(node) is { } id)
            set.Add(id);
    }
}
