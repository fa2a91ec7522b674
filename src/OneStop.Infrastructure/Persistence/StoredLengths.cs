namespace OneStop.Infrastructure.Persistence;

/// <summary>
/// The longest value each text column that takes user input can hold. The EF configurations declare their
/// columns with these constants and the API's validators refuse longer input with a 422 naming the field, so
/// the two cannot drift apart. Without the check SQLite stores anything while SQL Server refuses the insert
/// with a 500 whose log quotes the value — personal data, for an applicant's address.
/// </summary>
public static class StoredLengths
{
    public const int ApplicantName = 200;
    public const int ApplicantPhone = 20;
    public const int ApplicantEmail = 200;
    public const int ApplicantAddress = 400;
    public const int ApplicantRepresentative = 200;

    /// <summary>An officer's comment on an action, or a merge's reason: it lands in the event's comment.</summary>
    public const int Comment = 2000;
    public const int DocumentCode = 32;
    public const int DocumentName = 300;
    public const int StepId = 64;
    public const int UnitCode = 35;
    public const int ProcedureId = 128;
    public const int DefinitionName = 300;
    public const int ProcedureCode = 64;
    public const int ResultCode = 32;
    public const int ResultName = 300;

    public const int UserName = 64;
    public const int FullName = 200;
    public const int CalendarNote = 300;

    /// <summary>One structured value of a digitized paper (kept as JSON with the paper).</summary>
    public const int DigitizedFieldValue = 1000;

    /// <summary>A reason or purpose written into the audit log (why a repository was read, why an account was disabled).</summary>
    public const int AuditDetail = 500;
}
