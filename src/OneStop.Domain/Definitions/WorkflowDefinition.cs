using System.Text.Json;
using System.Text.Json.Serialization;

namespace OneStop.Domain.Definitions;

/// <summary>
/// One version of a procedure's workflow, exactly as authored in <c>workflows/*.json</c> (DESIGN §4, §4.1).
/// Values such as kinds, roles and units stay strings here so that <see cref="DefinitionValidator"/>
/// can report a precise path for a wrong value instead of failing the whole parse. Members added by §4.1
/// are nullable so that an older file serialises (and hashes) exactly as it did.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record WorkflowDefinition
{
    /// <summary>The schema reference an editor may put in the file; ignored otherwise.</summary>
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }
    public string Id { get; init; } = "";
    public int Version { get; init; }
    /// <summary><c>procedure</c> (the default, absent in older files) or <c>package</c>: a group of procedures done together (DESIGN §4.2).</summary>
    public string? Kind { get; init; }
    public string Name { get; init; } = "";
    public string ProcedureCode { get; init; } = "";
    public string? Field { get; init; }
    public string Level { get; init; } = "";
    public string OnlineLevel { get; init; } = "";
    /// <summary>Vietnam date (yyyy-MM-dd) from which the version takes new dossiers; until then the previous version does.</summary>
    public string? EffectiveFrom { get; init; }
    /// <summary>
    /// Received at any one-stop counter of the province and decided by the competent unit (DESIGN §3, Decree 118/2025/NĐ-CP).
    /// </summary>
    public bool? AnyPoint { get; init; }
    /// <summary>
    /// After a supplement requested during processing: <c>resume</c> (the default: the time already spent counts) or
    /// <c>restart</c> (the sector law counts anew from the supplemented dossier), DESIGN §6.
    /// </summary>
    public string? SupplementClock { get; init; }
    /// <summary>The legal texts the procedure follows, one citation each (e.g. "Luật Hộ tịch 2014, điều 16").</summary>
    public IReadOnlyList<string>? LegalBasis { get; init; }
    /// <summary>
    /// The VNeID identification level (1 or 2) an online submission needs (DESIGN §14): a citizen signed in at a lower
    /// level, or not through VNeID, is refused. Counter submissions are not concerned.
    /// </summary>
    public int? VneidLevel { get; init; }
    public Duration? ProcessingTime { get; init; }
    public IReadOnlyList<FormField>? Form { get; init; }
    public Fee? Fee { get; init; }
    /// <summary>Roles the steps may name; absent means reception, specialist and leader.</summary>
    public IReadOnlyList<string>? Roles { get; init; }
    public IReadOnlyList<DocumentRequirement> Documents { get; init; } = [];
    /// <summary>The single result of an older file; newer ones list <see cref="Results"/>.</summary>
    public ResultSpec? Result { get; init; }
    public IReadOnlyList<ResultSpec>? Results { get; init; }
    public IReadOnlyList<StepDefinition> Steps { get; init; } = [];
    /// <summary>The procedures of a package (liên thông), in the order they are listed; absent on a procedure.</summary>
    public IReadOnlyList<PackageMember>? Members { get; init; }

    /// <summary>A package has members and no steps of its own.</summary>
    [JsonIgnore]
    public bool IsPackage => Kind == DefinitionKinds.Package;

    /// <summary>The Vietnam date from which this version takes new dossiers, when the file names one.</summary>
    [JsonIgnore]
    public DateOnly? EffectiveDate =>
        EffectiveFrom is { } from && DateOnly.TryParseExact(from, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var date) ? date : null;

    public StepDefinition? FindStep(string? stepId) => Steps.FirstOrDefault(s => s.Id == stepId);

    /// <summary>
    /// The single step of kind <c>reception</c>; every dossier starts there. A package has none. (It is written into
    /// the stored JSON, as it always was, so the content hash of every stored version stays what it was.)
    /// </summary>
    public StepDefinition? ReceptionStep => Steps.FirstOrDefault(s => s.Kind == StepKinds.Reception);

    /// <summary>The roles in force: the listed ones, or the defaults of DESIGN §4.1.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> RolesInForce => Roles ?? RoleNames.DefinitionDefaults;

    /// <summary>Every result the dossier ends with: <c>results</c>, or the one <c>result</c> of an older file.</summary>
    [JsonIgnore]
    public IReadOnlyList<ResultSpec> AllResults => Results ?? (Result is null ? [] : [Result]);

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>Parses definition JSON; throws <see cref="JsonException"/> on malformed JSON or an unknown member.</summary>
    public static WorkflowDefinition Parse(string json) =>
        JsonSerializer.Deserialize<WorkflowDefinition>(json, JsonOptions)
        ?? throw new JsonException("Định nghĩa quy trình rỗng.");

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);
}

/// <summary>
/// One procedure of a package (DESIGN §4.2): it starts once every member named in <see cref="After"/> is resolved, and
/// the results named in <see cref="PapersFrom"/> (paper code → the member that issues it) become its papers by reference.
/// <see cref="Unit"/> says where it is received, as a step's <c>unit</c> does (<c>receiving</c>, a level or a unit
/// code); absent, the package's receiving unit or its nearest ancestor at the member procedure's level.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record PackageMember
{
    public string ProcedureId { get; init; } = "";
    public IReadOnlyList<string>? After { get; init; }
    public IReadOnlyDictionary<string, string>? PapersFrom { get; init; }
    public string? Unit { get; init; }

    [JsonIgnore]
    public IReadOnlyList<string> Predecessors => After ?? [];

    [JsonIgnore]
    public IReadOnlyDictionary<string, string> SuppliedPapers => PapersFrom ?? new Dictionary<string, string>();
}

public static class DefinitionKinds
{
    public const string Procedure = "procedure";
    public const string Package = "package";
}

/// <summary>
/// A span of working time: whole or fractional working days, working hours, or — for a processing time only —
/// <c>sameDay</c> (due at the close of the day the clock starts, DESIGN §6).
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record Duration
{
    public decimal? WorkingDays { get; init; }
    public decimal? WorkingHours { get; init; }
    /// <summary>Due the same day (received after the cut-off: the next working day's close).</summary>
    public bool? SameDay { get; init; }

    /// <summary>
    /// Working minutes, with one working day as long as the office day; a same-day time is at most one office day
    /// (what its steps may share).
    /// </summary>
    public int ToWorkingMinutes(int minutesPerWorkingDay) =>
        SameDay == true ? minutesPerWorkingDay
        : (int)Math.Round((WorkingDays ?? 0) * minutesPerWorkingDay + (WorkingHours ?? 0) * 60m);

    /// <summary>Whole working days, which end at the close of the last day (Civil Code art. 147–148); null otherwise.</summary>
    [JsonIgnore]
    public int? WholeWorkingDays =>
        SameDay != true && WorkingHours is null && WorkingDays is { } days && days > 0 && days == decimal.Truncate(days) ? (int)days : null;
}

/// <summary>
/// The fee rule (DESIGN §4.1): <see cref="Amount"/> per dossier, copy or page (<see cref="Per"/>, the count read
/// from the form field <see cref="CountField"/>), <see cref="OnlineAmount"/> instead for online submissions,
/// nothing when <see cref="ExemptWhen"/> holds. Computed once per dossier at submission.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record Fee
{
    public decimal Amount { get; init; }
    public string Currency { get; init; } = "VND";
    public decimal? OnlineAmount { get; init; }
    /// <summary><c>dossier</c> (default), <c>copy</c> or <c>page</c>.</summary>
    public string? Per { get; init; }
    /// <summary>The form field (a whole number) holding the count of copies or pages when <see cref="Per"/> is not <c>dossier</c>.</summary>
    public string? CountField { get; init; }
    /// <summary>A cap on the whole amount (e.g. 200.000 đồng per certified copy), when the law sets one.</summary>
    public decimal? Max { get; init; }
    /// <summary>A guard; when it holds the dossier pays nothing.</summary>
    public string? ExemptWhen { get; init; }
    public string? Note { get; init; }
}

/// <summary>One typed field of a definition's form (DESIGN §4.1).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record FormField
{
    public string Key { get; init; } = "";
    public string Label { get; init; } = "";
    public string Type { get; init; } = "";
    public bool? Required { get; init; }
    public decimal? Min { get; init; }
    public decimal? Max { get; init; }
    public IReadOnlyList<string>? Choices { get; init; }
}

public static class FormFieldTypes
{
    public const string Text = "text";
    public const string Number = "number";
    public const string Date = "date";
    public const string Boolean = "boolean";
    public const string Choice = "choice";
    public const string IdNumber = "idNumber";
    public const string TaxCode = "taxCode";
    public const string Money = "money";
    public static readonly IReadOnlySet<string> All = new HashSet<string> { Text, Number, Date, Boolean, Choice, IdNumber, TaxCode, Money };
    public static bool IsNumeric(string? type) => type is Number or Money;
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record DocumentRequirement
{
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    /// <summary><c>true</c>/<c>false</c>, or a guard under which the paper is required (DESIGN §4.1).</summary>
    public RequiredRule Required { get; init; }
    /// <summary>True when a stored repository document of the same type code may be reused instead of a new paper.</summary>
    public bool Reusable { get; init; }

    /// <summary>
    /// The national database that proves this paper (<c>population</c>, <c>business</c>; DESIGN §14): when reception
    /// has looked the applicant up there, the paper is taken from it instead of being asked for.
    /// </summary>
    public string? ProvenBy { get; init; }

    /// <summary>Structured fields recorded when the paper is digitized.</summary>
    public IReadOnlyList<DocumentField> Fields { get; init; } = [];
}

/// <summary>A paper's <c>required</c>: always, never, or when a guard holds for the dossier.</summary>
[JsonConverter(typeof(RequiredRuleConverter))]
public readonly record struct RequiredRule(bool Always, string? When = null)
{
    public static implicit operator RequiredRule(bool always) => new(always);

    public bool IsConditional => When is not null;
}

internal sealed class RequiredRuleConverter : JsonConverter<RequiredRule>
{
    public override RequiredRule Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.True => new RequiredRule(true),
        JsonTokenType.False => new RequiredRule(false),
        JsonTokenType.String => new RequiredRule(false, reader.GetString()),
        _ => throw new JsonException("required phải là true, false hoặc một điều kiện (chuỗi)."),
    };

    public override void Write(Utf8JsonWriter writer, RequiredRule value, JsonSerializerOptions options)
    {
        if (value.When is not null)
            writer.WriteStringValue(value.When);
        else
            writer.WriteBooleanValue(value.Always);
    }
}

/// <summary>One structured field of a digitized paper, e.g. <c>soGiayChungSinh</c>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record DocumentField
{
    public string Name { get; init; } = "";
    public string Label { get; init; } = "";
    public bool Required { get; init; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ResultSpec
{
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public bool Signed { get; init; }
    public bool StoreInRepository { get; init; }
    /// <summary>
    /// The form field (of type <c>idNumber</c>) holding the personal ID of the person the result is about — the
    /// child, for a birth certificate (DESIGN §8); its repository gets the result. Absent: the applicant's.
    /// </summary>
    public string? SubjectField { get; init; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record StepDefinition
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public string Kind { get; init; } = "";
    /// <summary>Who acts at the step; a wait step has none (the system ends it).</summary>
    public string? Role { get; init; }
    /// <summary><c>receiving</c>, <c>competent</c>, <c>parent</c>, a level name, or a unit code.</summary>
    public string Unit { get; init; } = StepUnits.Receiving;
    /// <summary>
    /// Where the step runs when its level no longer exists in the branch (districts abolished 01/07/2025): a level,
    /// <c>receiving</c>, <c>competent</c> or a unit code (DESIGN §3). Without it, the dissolution's competence rules decide.
    /// </summary>
    public string? AfterReform { get; init; }
    public Duration? Duration { get; init; }
    /// <summary><c>claim</c>: one officer of the role claims the work; a leader may assign it.</summary>
    public string? Assign { get; init; }
    /// <summary>An approval step that <c>signs</c> records its leader as the results' signer.</summary>
    public bool? Signs { get; init; }
    /// <summary>Opinion requests opened when a consultation step is entered.</summary>
    public IReadOnlyList<ConsultSpec>? Consult { get; init; }
    /// <summary><c>"all"</c> or how many answers open the way forward.</summary>
    public JsonElement? Join { get; init; }
    /// <summary><c>deemAgreed</c> or <c>escalate</c>, for a consultation not answered by its due date.</summary>
    public string? OnTimeout { get; init; }
    public EscalateSpec? Escalate { get; init; }
    public IReadOnlyList<TransitionDefinition> Transitions { get; init; } = [];
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ConsultSpec
{
    public string Unit { get; init; } = "";
    public string Role { get; init; } = "";
    public Duration? Duration { get; init; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record EscalateSpec
{
    public Duration? Before { get; init; }
    public IReadOnlyList<string>? Notify { get; init; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record TransitionDefinition
{
    public string Action { get; init; } = "";
    public string To { get; init; } = "";
    /// <summary>Optional guard, a JavaScript expression such as <c>form.dienTichSan &gt; 250</c>; none is the default.</summary>
    public string? When { get; init; }
}

public static class StepKinds
{
    public const string Reception = "reception";
    public const string Task = "task";
    public const string Approval = "approval";
    public const string Payment = "payment";
    public const string Consultation = "consultation";
    public const string Wait = "wait";
    public const string Result = "result";
    public static readonly IReadOnlySet<string> All = new HashSet<string> { Reception, Task, Approval, Payment, Consultation, Wait, Result };
}

public static class StepUnits
{
    public const string Receiving = "receiving";
    public const string Parent = "parent";
    /// <summary>The unit that decides the dossier: for an any-point procedure the competent unit, else the receiving one.</summary>
    public const string Competent = "competent";
}

public static class Levels
{
    public const string Province = "province";
    public const string District = "district";
    public const string Commune = "commune";
    public static readonly IReadOnlySet<string> All = new HashSet<string> { Province, District, Commune };
}

/// <summary>The national databases a definition's paper may be proven by (<c>provenBy</c>).</summary>
public static class NationalDatabases
{
    /// <summary>The national population database (CSDLQG về dân cư): a person by personal ID.</summary>
    public const string Population = "population";
    /// <summary>The national business registration database (CSDLQG về đăng ký doanh nghiệp): an enterprise by tax code.</summary>
    public const string Business = "business";
    public static readonly IReadOnlySet<string> All = new HashSet<string> { Population, Business };
}

public static class OnlineLevels
{
    public static readonly IReadOnlySet<string> All = new HashSet<string> { "full", "partial", "none" };
}
