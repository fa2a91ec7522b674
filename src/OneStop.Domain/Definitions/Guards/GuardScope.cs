using System.Text.Json;

namespace OneStop.Domain.Definitions.Guards;

/// <summary>
/// What a guard may read about one dossier (DESIGN §4.1), and nothing else: its typed form values, the
/// applicant, the channel, the fee computed for it, the codes of its papers and the unit it is at.
/// </summary>
public sealed record GuardScope(
    IReadOnlyDictionary<string, JsonElement> Form,
    string ApplicantType,
    string ApplicantIdNumber,
    string Channel,
    decimal FeeAmount,
    IReadOnlyList<string> Papers,
    GuardUnit? Unit)
{
    /// <summary>The two applicant types of DESIGN §4.1.</summary>
    public const string Citizen = "citizen";
    public const string Organization = "organization";

    public static readonly IReadOnlyDictionary<string, JsonElement> NoForm = new Dictionary<string, JsonElement>();
}

/// <summary>The current unit as guards see it: <c>unit.code</c>, <c>unit.level</c>, <c>unit.kind</c>.</summary>
public sealed record GuardUnit(string Code, string Level, string Kind);
