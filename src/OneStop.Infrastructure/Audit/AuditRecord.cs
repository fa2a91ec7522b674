using OneStop.Infrastructure.Persistence;

namespace OneStop.Infrastructure.Audit;

/// <summary>
/// Who did what to whom, and when: every change to an account and every officer's look into a person's data
/// repository. Append-only (init-only properties, never updated or deleted by the application); admins read
/// it at <c>GET /api/admin/audit</c>.
/// </summary>
public sealed class AuditRecord
{
    public long Id { get; init; }
    /// <summary>UTC.</summary>
    public DateTime At { get; init; }
    /// <summary>The account that acted.</summary>
    public string Actor { get; init; } = "";
    /// <summary>One of <see cref="AuditActions"/>.</summary>
    public string Action { get; init; } = "";
    /// <summary>Whom it concerned: the account name, or the personal ID / tax code whose repository was read.</summary>
    public string Subject { get; init; } = "";
    /// <summary>The dossier that justified the access, when there was one.</summary>
    public string? DossierCode { get; init; }
    /// <summary>What changed, or the reason / purpose given (cut to <see cref="StoredLengths.AuditDetail"/>).</summary>
    public string? Detail { get; init; }
    public string? ClientAddress { get; init; }

    public static string? Cut(string? text) =>
        text is { Length: > StoredLengths.AuditDetail } ? text[..StoredLengths.AuditDetail] : text;
}

public static class AuditActions
{
    public const string AccountCreated = "account.created";
    public const string AccountUpdated = "account.updated";
    public const string AccountUnlocked = "account.unlocked";
    public const string AccountDisabled = "account.disabled";
    public const string AccountEnabled = "account.enabled";
    public const string PasswordReset = "account.password-reset";
    public const string PasswordChanged = "account.password-changed";
    public const string RepositoryRead = "repository.read";
}
