namespace OneStop.Domain.Units;

/// <summary>A stored administrative unit; <see cref="UnitInfo"/> is its read-only snapshot.</summary>
public sealed class Unit
{
    private Unit() { }

    public Unit(string code, string name, string level, string? parentCode, string agencyCode, DateOnly validFrom, DateOnly? validTo = null)
    {
        Code = code;
        Name = name;
        Level = level;
        ParentCode = parentCode;
        AgencyCode = agencyCode;
        ValidFrom = validFrom;
        ValidTo = validTo;
    }

    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Level { get; private set; } = "";
    public string? ParentCode { get; private set; }
    /// <summary>The DVCQG agency code that prefixes dossier codes (up to 35 characters).</summary>
    public string AgencyCode { get; private set; } = "";
    public DateOnly ValidFrom { get; private set; }
    public DateOnly? ValidTo { get; private set; }
    public string? SuccessorCode { get; private set; }

    public UnitInfo ToInfo() => new(Code, Name, Level, ParentCode, AgencyCode, ValidFrom, ValidTo, SuccessorCode);
}
