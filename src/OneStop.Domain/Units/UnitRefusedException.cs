using OneStop.Domain.Dossiers;

namespace OneStop.Domain.Units;

/// <summary>
/// Thrown by <see cref="Unit"/> before it changes anything, so a refused merge leaves the tree as it was.
/// The message is Vietnamese and meant for the administrator; <see cref="Field"/> names what is wrong.
/// </summary>
public sealed class UnitRefusedException(RefusalKind kind, string message, string? field = null) : Exception(message)
{
    public RefusalKind Kind { get; } = kind;
    public string? Field { get; } = field;
}
