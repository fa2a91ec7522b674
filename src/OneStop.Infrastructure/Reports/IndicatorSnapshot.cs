namespace OneStop.Infrastructure.Reports;

/// <summary>
/// One unit's counts for one closed day (Vietnam time), written once by <see cref="IndicatorSnapshotJob"/> at
/// 06:00 the next morning and never updated: reports for that day read it, so later edits cannot change what
/// the provincial operations centre saw. The in-progress stock is as at the snapshot.
/// </summary>
/// <remarks>The counts are the snapshot's own columns (it is an <see cref="IndicatorCounts"/>), so summing a year of them
/// is one plain grouped SUM per column.</remarks>
public sealed class IndicatorSnapshot : IndicatorCounts
{
    public DateOnly Day { get; set; }
    public string UnitCode { get; set; } = "";

    public static IndicatorSnapshot Of(DateOnly day, string unitCode, IndicatorCounts counts)
    {
        var snapshot = new IndicatorSnapshot { Day = day, UnitCode = unitCode };
        snapshot.Add(counts);
        return snapshot;
    }
}

/// <summary>Marks a day as snapshotted (also when no unit had anything that day); its key makes a second run a no-op.</summary>
public sealed class IndicatorSnapshotDay
{
    public DateOnly Day { get; set; }
    public DateTime TakenAt { get; set; }
    public int Units { get; set; }
}
