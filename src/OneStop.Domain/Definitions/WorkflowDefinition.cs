using System.Text.Json;
using System.Text.Json.Serialization;

namespace OneStop.Domain.Definitions;

/// <summary>
/// One version of a procedure's workflow, exactly as authored in <c>workflows/*.json</c> (DESIGN §4).
/// Values such as kinds, roles and units stay strings here so that <see cref="DefinitionValidator"/>
/// can report a precise path for a wrong value instead of failing the whole parse.
/// </summary>
public sealed record WorkflowDefinition
{
    public string Id { get; init; } = "";
    public int Version { get; init; }
    public string Name { get; init; } = "";
    public string ProcedureCode { get; init; } = "";
    public string? Field { get; init; }
    public string Level { get; init; } = "";
    public string OnlineLevel { get; init; } = "";
    public Duration? ProcessingTime { get; init; }
    public Fee? Fee { get; init; }
    public IReadOnlyList<DocumentRequirement> Documents { get; init; } = [];
    public ResultSpec? Result { get; init; }
    public IReadOnlyList<StepDefinition> Steps { get; init; } = [];

    public StepDefinition? FindStep(string? stepId) => Steps.FirstOrDefault(s => s.Id == stepId);

    /// <summary>The single step of kind <c>reception</c>; every dossier starts there.</summary>
    public StepDefinition ReceptionStep => Steps.First(s => s.Kind == StepKinds.Reception);

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>Parses definition JSON; throws <see cref="JsonException"/> on malformed JSON.</summary>
    public static WorkflowDefinition Parse(string json) =>
        JsonSerializer.Deserialize<WorkflowDefinition>(json, JsonOptions)
        ?? throw new JsonException("Định nghĩa quy trình rỗng.");

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);
}

/// <summary>A span of working time: whole or fractional working days, or working hours.</summary>
public sealed record Duration
{
    public decimal? WorkingDays { get; init; }
    public decimal? WorkingHours { get; init; }

    /// <summary>Working minutes, with one working day as long as the office day.</summary>
    public int ToWorkingMinutes(int minutesPerWorkingDay) =>
        (int)Math.Round((WorkingDays ?? 0) * minutesPerWorkingDay + (WorkingHours ?? 0) * 60m);
}

public sealed record Fee
{
    public decimal Amount { get; init; }
    public string Currency { get; init; } = "VND";
    public string? Note { get; init; }
}

public sealed record DocumentRequirement
{
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public bool Required { get; init; }
    /// <summary>True when a stored repository document of the same type code may be reused instead of a new paper.</summary>
    public bool Reusable { get; init; }

    /// <summary>Structured fields recorded when the paper is digitized.</summary>
    public IReadOnlyList<DocumentField> Fields { get; init; } = [];
}

/// <summary>One structured field of a digitized paper, e.g. <c>soGiayChungSinh</c>.</summary>
public sealed record DocumentField
{
    public string Name { get; init; } = "";
    public string Label { get; init; } = "";
    public bool Required { get; init; }
}

public sealed record ResultSpec
{
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public bool Signed { get; init; }
    public bool StoreInRepository { get; init; }
}

public sealed record StepDefinition
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public string Kind { get; init; } = "";
    public string Role { get; init; } = "";
    /// <summary><c>receiving</c>, <c>parent</c>, a level name, or a unit code.</summary>
    public string Unit { get; init; } = StepUnits.Receiving;
    public Duration? Duration { get; init; }
    public IReadOnlyList<TransitionDefinition> Transitions { get; init; } = [];
}

public sealed record TransitionDefinition
{
    public string Action { get; init; } = "";
    public string To { get; init; } = "";
    /// <summary>Optional guard such as <c>fee.amount &gt; 0</c>, see <see cref="GuardExpression"/>.</summary>
    public string? When { get; init; }
}

public static class StepKinds
{
    public const string Reception = "reception";
    public const string Task = "task";
    public const string Approval = "approval";
    public const string Payment = "payment";
    public const string Result = "result";
    public static readonly IReadOnlySet<string> All = new HashSet<string> { Reception, Task, Approval, Payment, Result };
}

public static class StepUnits
{
    public const string Receiving = "receiving";
    public const string Parent = "parent";
}

/// <summary>Roles a step may name; admin and citizen never own a processing step.</summary>
public static class StepRoles
{
    public const string Reception = "reception";
    public const string Specialist = "specialist";
    public const string Leader = "leader";
    public static readonly IReadOnlySet<string> All = new HashSet<string> { Reception, Specialist, Leader };
}

public static class Levels
{
    public const string Province = "province";
    public const string District = "district";
    public const string Commune = "commune";
    public static readonly IReadOnlySet<string> All = new HashSet<string> { Province, District, Commune };
}

public static class OnlineLevels
{
    public static readonly IReadOnlySet<string> All = new HashSet<string> { "full", "partial", "none" };
}
