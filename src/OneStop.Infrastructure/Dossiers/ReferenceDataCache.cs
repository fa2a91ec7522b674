using OneStop.Domain.Calendar;
using OneStop.Domain.Units;

namespace OneStop.Infrastructure.Dossiers;

/// <summary>
/// The unit tree and the deadline calculator this node last built, each with the <see cref="Persistence.ReferenceStamp"/>
/// it was built under. Both are read-only once built, so every request may share them; a request that reads another
/// stamp builds them anew and leaves them here for the next.
/// </summary>
public sealed class ReferenceDataCache
{
    private Built<UnitTree>? _units;
    private Built<DeadlineCalculator>? _deadlines;

    public UnitTree? Units(Guid stamp) => Volatile.Read(ref _units) is { } built && built.Stamp == stamp ? built.Value : null;

    public DeadlineCalculator? Deadlines(Guid stamp) => Volatile.Read(ref _deadlines) is { } built && built.Stamp == stamp ? built.Value : null;

    public void Keep(Guid stamp, UnitTree units) => Volatile.Write(ref _units, new Built<UnitTree>(stamp, units));

    public void Keep(Guid stamp, DeadlineCalculator deadlines) => Volatile.Write(ref _deadlines, new Built<DeadlineCalculator>(stamp, deadlines));

    private sealed record Built<T>(Guid Stamp, T Value);
}
