namespace OneStop.Domain.Identifiers;

public enum ApplicantKind
{
    Person,
    Organisation,
}

/// <summary>
/// The identifier an applicant submits under: a citizen's personal ID or an organisation's tax code.
/// The shape alone decides which rules apply, so a person never has to say which one they typed.
/// </summary>
public static class ApplicantIdentifier
{
    public const string UnknownShapeError =
        "Mã định danh phải là số định danh cá nhân (12 chữ số) hoặc mã số thuế (10 chữ số).";

    /// <returns>
    /// <c>Kind</c> is what the shape says even when the number then fails its own rules, so a caller can
    /// word follow-up hints; when the shape matches neither, it is <see cref="ApplicantKind.Person"/> and
    /// carries no meaning.
    /// </returns>
    /// <param name="today">Passed on to <see cref="PersonalId.Validate"/> to refuse future birth years.</param>
    public static (bool IsValid, string? Error, ApplicantKind Kind) Validate(string? value, DateOnly? today = null)
    {
        var trimmed = value?.Trim() ?? "";

        if (trimmed.Length == PersonalId.Length && !trimmed.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            var person = PersonalId.Validate(trimmed, today);
            return (person.IsValid, person.Error, ApplicantKind.Person);
        }
        if (TaxCode.HasTaxCodeShape(trimmed))
        {
            var organisation = TaxCode.Validate(trimmed);
            return (organisation.IsValid, organisation.Error, ApplicantKind.Organisation);
        }
        return (false, UnknownShapeError, ApplicantKind.Person);
    }
}
