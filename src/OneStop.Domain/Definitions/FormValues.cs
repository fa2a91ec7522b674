using System.Globalization;
using System.Text.Json;
using OneStop.Domain.Dossiers;
using OneStop.Domain.Identifiers;

namespace OneStop.Domain.Definitions;

/// <summary>
/// Checks a dossier's form against the definition's typed fields (DESIGN §4.1). A wrong or missing value is
/// refused naming <c>form.&lt;key&gt;</c>; values are kept as JSON scalars so guards read them as typed.
/// </summary>
public static class FormValues
{
    public static IReadOnlyDictionary<string, JsonElement> Validate(
        IReadOnlyList<FormField> fields, IReadOnlyDictionary<string, JsonElement>? values, DateOnly today)
    {
        var given = values ?? new Dictionary<string, JsonElement>();
        foreach (var key in given.Keys.Where(k => fields.All(f => f.Key != k)))
            throw Invalid(key, fields.Count == 0
                ? $"Thủ tục không có trường '{key}': thủ tục này không có form."
                : $"Thủ tục không có trường '{key}'; các trường: {string.Join(", ", fields.Select(f => f.Key))}.");
        var kept = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            if (!given.TryGetValue(field.Key, out var value) || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined
                || value.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetString()))
            {
                if (field.Required == true)
                    throw Invalid(field.Key, $"Phải nhập '{field.Label}'.");
                continue;
            }
            if (Problem(field, value, today) is { } problem)
                throw Invalid(field.Key, $"'{field.Label}': {problem}");
            kept[field.Key] = value.Clone();
        }
        return kept;
    }

    private static string? Problem(FormField field, JsonElement value, DateOnly today)
    {
        switch (field.Type)
        {
            case FormFieldTypes.Number or FormFieldTypes.Money:
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number))
                    return "phải là một số.";
                if (field.Type == FormFieldTypes.Money && number < 0)
                    return "số tiền không được âm.";
                if (field.Min is { } min && number < min)
                    return $"phải từ {min.ToString(CultureInfo.InvariantCulture)} trở lên.";
                if (field.Max is { } max && number > max)
                    return $"không được vượt quá {max.ToString(CultureInfo.InvariantCulture)}.";
                return null;
            case FormFieldTypes.Boolean:
                return value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : "phải là true hoặc false.";
        }
        if (value.ValueKind != JsonValueKind.String)
            return "phải là một chuỗi.";
        var text = value.GetString()!;
        return field.Type switch
        {
            FormFieldTypes.Text => text.Length > 1000 ? "dài tối đa 1000 ký tự." : null,
            FormFieldTypes.Date => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                ? null : "phải là ngày dạng yyyy-MM-dd, ví dụ \"2026-03-02\".",
            FormFieldTypes.Choice => field.Choices?.Contains(text) == true ? null : $"chỉ chọn một trong: {string.Join(", ", field.Choices ?? [])}.",
            FormFieldTypes.IdNumber => PersonalId.Validate(text, today) is { IsValid: false } id ? id.Error : null,
            FormFieldTypes.TaxCode => TaxCode.Validate(text) is { IsValid: false } tax ? tax.Error : null,
            _ => null,
        };
    }

    private static DossierRefusedException Invalid(string key, string message) => new(RefusalKind.Invalid, message, $"form.{key}");
}
