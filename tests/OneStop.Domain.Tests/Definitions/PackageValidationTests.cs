using OneStop.Domain.Definitions;
using static OneStop.Domain.Tests.Definitions.DefinitionAssert;

namespace OneStop.Domain.Tests.Definitions;

/// <summary>
/// The publish rules of a package (DESIGN §4.2), each with its own path and message: members that exist and are
/// published, no cycle in <c>after</c>, <c>papersFrom</c> naming a stored result of a member waited for that the
/// later member takes as a reusable paper, no steps or papers of its own.
/// </summary>
public sealed class PackageValidationTests
{
    private const string Birth = "ho-tich.dang-ky-khai-sinh";
    private const string Residence = "cu-tru.thuong-tru";
    private const string Card = "bhyt.the-tre-em";

    /// <summary>Residence takes the birth certificate (reusable); the card takes it too; the third procedure issues nothing reusable.</summary>
    private static readonly Dictionary<string, WorkflowDefinition> Published = new()
    {
        [Birth] = BirthRegistration.Definition,
        [Residence] = BirthRegistration.Definition with
        {
            Id = Residence, Name = "Đăng ký thường trú",
            Documents = [new DocumentRequirement { Code = "GKS", Name = "Giấy khai sinh", Required = true, Reusable = true },
                         new DocumentRequirement { Code = "CT01", Name = "Tờ khai", Required = false, Reusable = true }],
            Result = new ResultSpec { Code = "TBCT", Name = "Thông báo", Signed = true, StoreInRepository = false },
        },
        [Card] = BirthRegistration.Definition with
        {
            Id = Card, Name = "Cấp thẻ BHYT",
            Documents = [new DocumentRequirement { Code = "GKS", Name = "Giấy khai sinh", Required = true, Reusable = false }],
            Result = new ResultSpec { Code = "THE", Name = "Thẻ", Signed = true, StoreInRepository = true },
        },
    };

    private static readonly WorkflowDefinition Package = new()
    {
        Id = "lien-thong.khai-sinh", Version = 1, Kind = DefinitionKinds.Package, Name = "Liên thông khai sinh",
        ProcedureCode = "2.002621", Level = Levels.Commune, OnlineLevel = "full", Documents = [], Steps = [],
        Members =
        [
            new PackageMember { ProcedureId = Birth },
            new PackageMember { ProcedureId = Residence, After = [Birth], PapersFrom = new Dictionary<string, string> { ["GKS"] = Birth } },
        ],
    };

    private static IReadOnlyList<DefinitionError> Validate(WorkflowDefinition package) =>
        DefinitionValidator.Validate(package, code => code == "60.BHXH", Published.GetValueOrDefault);

    private static WorkflowDefinition WithMember(int index, PackageMember member) =>
        Package with { Members = [.. Package.Members!.Select((m, i) => i == index ? member : m)] };

    [Fact]
    public void The_sample_package_is_valid() => Assert.Empty(Validate(Package));

    [Fact]
    public void A_member_that_is_not_published_is_reported_at_its_procedureId()
    {
        OnlyError(Validate(WithMember(1, Package.Members![1] with { ProcedureId = "cu-tru.chua-cong-bo" })), "members[1].procedureId", "chưa có phiên bản đang áp dụng");
    }

    [Fact]
    public void A_member_listed_twice_is_reported_at_the_second()
    {
        var twice = Package with { Members = [.. Package.Members!, new PackageMember { ProcedureId = Birth }] };

        OnlyError(Validate(twice), "members[2].procedureId", "đã có ở members[0]");
    }

    [Fact]
    public void A_package_inside_a_package_is_refused()
    {
        var nested = new Dictionary<string, WorkflowDefinition>(Published) { ["lien-thong.khac"] = Package with { Id = "lien-thong.khac" } };
        var errors = DefinitionValidator.Validate(Package with { Members = [.. Package.Members!, new PackageMember { ProcedureId = "lien-thong.khac" }] },
            _ => true, nested.GetValueOrDefault);

        OnlyError(errors, "members[2].procedureId", "là một gói liên thông");
    }

    [Fact]
    public void A_package_of_one_procedure_is_refused()
    {
        OnlyError(Validate(Package with { Members = [new PackageMember { ProcedureId = Birth }] }), "members", "ít nhất hai");
    }

    [Fact]
    public void After_naming_something_outside_the_package_is_reported_at_that_entry()
    {
        OnlyError(Validate(WithMember(1, Package.Members![1] with { After = [Birth, "ho-tich.khac"] })), "members[1].after[1]", "không phải thủ tục thành phần");
    }

    [Fact]
    public void A_cycle_is_reported_once_at_its_first_member_naming_the_whole_loop()
    {
        var cycle = Package with
        {
            Members =
            [
                new PackageMember { ProcedureId = Birth, After = [Card] },
                new PackageMember { ProcedureId = Residence, After = [Birth] },
                new PackageMember { ProcedureId = Card, After = [Residence] },
            ],
        };

        var error = OnlyError(Validate(cycle), "members[0].after", "thành vòng");
        Assert.Contains($"{Birth} → {Card} → {Residence} → {Birth}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Waiting_for_oneself_is_reported_at_the_entry()
    {
        OnlyError(Validate(WithMember(0, new PackageMember { ProcedureId = Birth, After = [Birth] })), "members[0].after[0]", "không chờ chính nó");
    }

    [Fact]
    public void PapersFrom_naming_a_paper_the_member_does_not_take_is_reported_at_that_paper()
    {
        var published = new Dictionary<string, WorkflowDefinition>(Published)
        {
            ["cu-tru.khong-nhan"] = Published[Residence] with { Id = "cu-tru.khong-nhan", Documents = [new DocumentRequirement { Code = "CT01", Name = "Tờ khai", Required = true }] },
        };
        var package = WithMember(1, new PackageMember { ProcedureId = "cu-tru.khong-nhan", After = [Birth], PapersFrom = new Dictionary<string, string> { ["GKS"] = Birth } });

        var errors = DefinitionValidator.Validate(package, _ => true, published.GetValueOrDefault);

        OnlyError(errors, "members[1].papersFrom.GKS", "Thủ tục 'cu-tru.khong-nhan' không nhận giấy tờ 'GKS'; các giấy tờ của thủ tục: CT01.");
    }

    [Fact]
    public void PapersFrom_naming_something_the_earlier_member_does_not_issue_is_reported_at_that_paper()
    {
        var member = Package.Members![1] with { PapersFrom = new Dictionary<string, string> { ["CT01"] = Birth } };

        OnlyError(Validate(WithMember(1, member)), "members[1].papersFrom.CT01", $"Thủ tục '{Birth}' không có kết quả 'CT01'; các kết quả: GKS.");
    }

    [Fact]
    public void PapersFrom_a_result_the_member_does_not_take_as_a_paper_is_reported_at_that_paper()
    {
        var package = Package with
        {
            Members = [new PackageMember { ProcedureId = Card }, new PackageMember { ProcedureId = Residence, After = [Card], PapersFrom = new Dictionary<string, string> { ["THE"] = Card } }],
        };

        OnlyError(Validate(package), "members[1].papersFrom.THE", $"Thủ tục '{Residence}' không nhận giấy tờ 'THE'");
    }

    [Fact]
    public void PapersFrom_a_member_not_waited_for_is_refused()
    {
        var member = Package.Members![1] with { After = [] };

        OnlyError(Validate(WithMember(1, member)), "members[1].papersFrom.GKS", "không chờ");
    }

    [Fact]
    public void PapersFrom_a_result_not_kept_in_the_repository_is_refused()
    {
        var package = Package with
        {
            Members = [new PackageMember { ProcedureId = Residence }, new PackageMember { ProcedureId = Card, After = [Residence], PapersFrom = new Dictionary<string, string> { ["GKS"] = Residence } }],
        };

        // Residence issues TBCT, not GKS, and the card does not reuse its GKS: both sides of the rule speak.
        var errors = Validate(package);
        HasError(errors, "members[1].papersFrom.GKS", "không có kết quả 'GKS'");
        HasError(errors, "members[1].papersFrom.GKS", "reusable: false");
    }

    [Fact]
    public void PapersFrom_a_member_outside_the_package_is_reported()
    {
        var member = Package.Members![1] with { PapersFrom = new Dictionary<string, string> { ["GKS"] = "ho-tich.khac" } };

        OnlyError(Validate(WithMember(1, member)), "members[1].papersFrom.GKS", "không phải thủ tục thành phần");
    }

    [Fact]
    public void A_member_unit_that_does_not_exist_is_reported_at_its_unit()
    {
        OnlyError(Validate(WithMember(1, Package.Members![1] with { Unit = "60.KHONG-CO" })), "members[1].unit", "không tồn tại");
        Assert.Empty(Validate(WithMember(1, Package.Members![1] with { Unit = "60.BHXH" })));
        Assert.Empty(Validate(WithMember(1, Package.Members![1] with { Unit = Levels.Province })));
    }

    [Fact]
    public void A_package_has_no_steps_papers_or_results_of_its_own()
    {
        var errors = Validate(Package with { Steps = BirthRegistration.Definition.Steps, Documents = BirthRegistration.Definition.Documents, Result = BirthRegistration.Definition.Result });

        HasError(errors, "steps", "không có bước xử lý riêng");
        HasError(errors, "documents", "không kê khai riêng");
        HasError(errors, "result", "chỉ dùng cho thủ tục");
        Assert.Equal(3, errors.Count);
    }

    [Fact]
    public void Members_on_a_procedure_are_refused()
    {
        OnlyError(DefinitionValidator.Validate(BirthRegistration.Definition with { Members = Package.Members }, _ => true), "members", "Chỉ gói liên thông");
    }

    [Fact]
    public void An_unknown_kind_is_reported_at_kind()
    {
        HasError(DefinitionValidator.Validate(BirthRegistration.Definition with { Kind = "bundle" }, _ => true), "kind", "'bundle' không hợp lệ");
    }

    [Fact]
    public void A_package_needs_no_procedure_code_nor_processing_time_but_a_wrong_code_is_still_wrong()
    {
        Assert.Empty(Validate(Package with { ProcedureCode = "" }));
        OnlyError(Validate(Package with { ProcedureCode = "2002621" }), "procedureCode", "không đúng dạng");
    }
}
