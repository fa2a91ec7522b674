using FluentValidation;
using FluentValidation.Results;

namespace OneStop.Api.Common;

/// <summary>
/// Length checks from <see cref="Infrastructure.Persistence.StoredLengths"/>, the same constants the columns are
/// declared with. A value that is well formed but longer than its column is a 422 naming the field (see
/// <see cref="ValidationFilter{T}"/>), never a database error.
/// </summary>
public static class StoredLengthRules
{
    /// <summary>The error code of a too-long value; a request refused only for such values answers 422.</summary>
    public const string TooLong = "stored-length";

    public static IRuleBuilderOptions<T, string?> StoredLength<T>(this IRuleBuilder<T, string?> rule, int max, string label) =>
        rule.MaximumLength(max).WithErrorCode(TooLong).WithMessage(TooLongMessage(label, max));

    /// <summary>For values checked by hand (dictionary entries): a failure the filter counts as too long.</summary>
    public static ValidationFailure Failure(string field, string label, int max, int length) =>
        new(field, TooLongMessage(label, max).Replace("{TotalLength}", length.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))
        {
            ErrorCode = TooLong,
        };

    private static string TooLongMessage(string label, int max) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{label} dài tối đa {max} ký tự (giá trị gửi lên dài {{TotalLength}} ký tự).");
}
