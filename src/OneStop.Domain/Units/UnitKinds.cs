namespace OneStop.Domain.Units;

/// <summary>What a unit is (DESIGN §3); guards read it as <c>unit.kind</c>.</summary>
public static class UnitKinds
{
    /// <summary>A People's Committee and its one-stop counter: the default.</summary>
    public const string Committee = "committee";
    /// <summary>A specialised body (a department, the police, a tax office) that processes and may have no counter.</summary>
    public const string Agency = "agency";
    /// <summary>A public administration service centre.</summary>
    public const string Centre = "centre";
    public static readonly IReadOnlySet<string> All = new HashSet<string> { Committee, Agency, Centre };
}
