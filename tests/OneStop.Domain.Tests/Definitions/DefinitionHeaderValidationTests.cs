using OneStop.Domain.Definitions;

using static OneStop.Domain.Tests.Definitions.BirthRegistration;
using static OneStop.Domain.Tests.Definitions.DefinitionAssert;

namespace OneStop.Domain.Tests.Definitions;

/// <summary>The procedure-level fields: id, version, codes, levels, time, fee, documents and result.</summary>
public sealed class DefinitionHeaderValidationTests
{
    [Fact]
    public void A_missing_id_is_reported_at_id()
    {
        OnlyError(Validate(Definition with { Id = "" }), "id", "Thiếu");
    }

    [Theory]
    [InlineData("Ho-Tich.dang-ky-khai-sinh")]
    [InlineData("ho_tich.dang_ky")]
    [InlineData("ho-tich..dang-ky")]
    [InlineData("ho-tich.dang-ky-")]
    [InlineData(".ho-tich")]
    public void An_id_that_is_not_dotted_kebab_case_is_reported_at_id(string id)
    {
        OnlyError(Validate(Definition with { Id = id }), "id", id);
    }

    [Theory]
    [InlineData("cu-tru.dang-ky-thuong-tru")]
    [InlineData("xay-dung.giay-phep-xay-dung.nha-o-rieng-le")]
    [InlineData("khai-sinh")]
    public void Dotted_kebab_case_ids_are_accepted(string id)
    {
        Assert.Empty(Validate(Definition with { Id = id }));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void A_version_below_one_is_reported_at_version(int version)
    {
        OnlyError(Validate(Definition with { Version = version }), "version", "Phiên bản");
    }

    [Fact]
    public void A_missing_name_is_reported_at_name()
    {
        OnlyError(Validate(Definition with { Name = " " }), "name", "tên thủ tục");
    }

    [Theory]
    [InlineData("1001193")]
    [InlineData("1.00119")]
    [InlineData("12.001193")]
    [InlineData("1.001193.")]
    [InlineData("1.001193.00-H12")]
    public void A_procedure_code_of_the_wrong_form_is_reported_at_procedureCode(string code)
    {
        OnlyError(Validate(Definition with { ProcedureCode = code }), "procedureCode", "không đúng dạng");
    }

    [Theory]
    [InlineData("2.000815")]
    [InlineData("1.001193.000.00.00.H12")]
    public void Procedure_codes_with_an_optional_suffix_are_accepted(string code)
    {
        Assert.Empty(Validate(Definition with { ProcedureCode = code }));
    }

    [Fact]
    public void A_missing_procedure_code_is_reported_at_procedureCode()
    {
        OnlyError(Validate(Definition with { ProcedureCode = "" }), "procedureCode", "Thiếu");
    }

    [Fact]
    public void An_unknown_level_is_reported_at_level()
    {
        OnlyError(Validate(Definition with { Level = "ward" }), "level", "ward");
    }

    [Fact]
    public void An_unknown_online_level_is_reported_at_onlineLevel()
    {
        OnlyError(Validate(Definition with { OnlineLevel = "level-4" }), "onlineLevel", "level-4");
    }

    [Fact]
    public void A_missing_processing_time_is_reported_at_processingTime()
    {
        OnlyError(Validate(Definition with { ProcessingTime = null }), "processingTime", "Thiếu thời hạn");
    }

    [Fact]
    public void A_processing_time_in_both_days_and_hours_is_reported_at_processingTime()
    {
        var definition = Definition with { ProcessingTime = new Duration { WorkingDays = 1, WorkingHours = 2 } };

        OnlyError(Validate(definition), "processingTime", "một trong hai");
    }

    [Fact]
    public void A_processing_time_in_neither_days_nor_hours_is_reported_at_processingTime()
    {
        OnlyError(Validate(Definition with { ProcessingTime = new Duration() }), "processingTime", "workingDays hoặc workingHours");
    }

    [Fact]
    public void A_processing_time_of_zero_days_is_reported_at_processingTime_workingDays()
    {
        var definition = Definition with { ProcessingTime = new Duration { WorkingDays = 0 } };

        OnlyError(Validate(definition), "processingTime.workingDays", "lớn hơn 0");
    }

    [Fact]
    public void A_negative_fee_is_reported_at_fee_amount()
    {
        OnlyError(Validate(Definition with { Fee = new Fee { Amount = -2000 } }), "fee.amount", "âm");
    }

    [Fact]
    public void A_definition_without_fee_is_accepted()
    {
        Assert.Empty(Validate(Definition with { Fee = null }));
    }

    [Fact]
    public void A_document_without_code_is_reported_at_its_code()
    {
        OnlyError(Validate(Definition.WithDocument(1, d => d with { Code = "" })), "documents[1].code", "Thiếu mã giấy tờ");
    }

    [Fact]
    public void Duplicate_document_code_is_reported_at_the_second_document()
    {
        var error = OnlyError(Validate(Definition.WithDocument(1, d => d with { Code = "TKKS" })), "documents[1].code", "trùng");

        Assert.Contains("documents[0]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_without_name_is_reported_at_its_name()
    {
        OnlyError(Validate(Definition.WithDocument(0, d => d with { Name = "" })), "documents[0].name", "Thiếu tên giấy tờ");
    }

    [Fact]
    public void A_missing_result_is_reported_at_result()
    {
        OnlyError(Validate(Definition with { Result = null }), "result", "kết quả");
    }

    [Fact]
    public void A_result_without_code_is_reported_at_result_code()
    {
        OnlyError(Validate(Definition with { Result = Definition.Result! with { Code = "" } }), "result.code", "Thiếu mã");
    }

    [Fact]
    public void A_result_without_name_is_reported_at_result_name()
    {
        OnlyError(Validate(Definition with { Result = Definition.Result! with { Name = "" } }), "result.name", "Thiếu tên");
    }
}
