namespace OneStop.Domain.Dossiers;

public enum RefusalKind
{
    /// <summary>The caller may not take this action on this dossier (role, unit, ownership).</summary>
    Forbidden,
    /// <summary>The action does not fit the dossier's current status or step.</summary>
    Conflict,
    /// <summary>The request is incomplete or wrong (a missing comment, an unknown step).</summary>
    Invalid,
}

/// <summary>
/// Thrown by the domain before it changes anything, so a refused action never half-applies.
/// The message is Vietnamese and meant for the person who asked.
/// </summary>
public sealed class DossierRefusedException(RefusalKind kind, string message, string? field = null) : Exception(message)
{
    public RefusalKind Kind { get; } = kind;
    public string? Field { get; } = field;
}
