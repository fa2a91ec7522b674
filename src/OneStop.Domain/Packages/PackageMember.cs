using System.Text.Json;
using OneStop.Domain.Dossiers;

namespace OneStop.Domain.Packages;

public enum MemberState
{
    /// <summary>Created with the package; waits for the members it comes <c>after</c> to be resolved.</summary>
    Waiting,
    /// <summary>Its dossier exists at its competent unit and lives its own life there.</summary>
    Started,
    /// <summary>It will never start: a member it waited for ended without a result, or the package was withdrawn.</summary>
    Cancelled,
}

/// <summary>
/// One procedure of a submitted package, fixed at submission: the version and competent unit it runs on, whom it
/// waits for, which papers earlier results supply, and what the applicant gave for it. Its dossier is created
/// when it starts (<see cref="DossierCode"/>); until then it is only this line.
/// </summary>
public sealed class PackageMemberDossier
{
    private PackageMemberDossier() { }

    internal PackageMemberDossier(int position, string procedureId, int definitionVersion, string unitCode, IReadOnlyList<string> after,
        IReadOnlyDictionary<string, string> papersFrom, IReadOnlyList<DocumentSubmission> documents, string? formJson)
    {
        Position = position;
        ProcedureId = procedureId;
        DefinitionVersion = definitionVersion;
        UnitCode = unitCode;
        AfterList = string.Join(',', after);
        PapersFromJson = papersFrom.Count == 0 ? null : JsonSerializer.Serialize(papersFrom);
        DocumentsJson = documents.Count == 0 ? null : JsonSerializer.Serialize(documents);
        FormJson = formJson;
        State = MemberState.Waiting;
    }

    public int Position { get; private set; }
    public string ProcedureId { get; private set; } = "";
    public int DefinitionVersion { get; private set; }
    /// <summary>The competent unit its dossier is submitted at.</summary>
    public string UnitCode { get; private set; } = "";
    /// <summary>The procedure ids it waits for, comma-separated as stored.</summary>
    public string AfterList { get; private set; } = "";
    public string? PapersFromJson { get; private set; }
    public string? DocumentsJson { get; private set; }
    public string? FormJson { get; private set; }
    public MemberState State { get; private set; }
    public string? DossierCode { get; private set; }
    public DateTime? StartedAt { get; private set; }
    public DateTime? CancelledAt { get; private set; }
    /// <summary>Why it will never start, in words for the applicant.</summary>
    public string? CancelReason { get; private set; }

    public IReadOnlyList<string> After => AfterList.Length == 0 ? [] : AfterList.Split(',');

    public IReadOnlyDictionary<string, string> PapersFrom =>
        PapersFromJson is null ? new Dictionary<string, string>() : JsonSerializer.Deserialize<Dictionary<string, string>>(PapersFromJson)!;

    /// <summary>The papers the applicant gave for this member at submission.</summary>
    public IReadOnlyList<DocumentSubmission> Documents =>
        DocumentsJson is null ? [] : JsonSerializer.Deserialize<List<DocumentSubmission>>(DocumentsJson)!;

    public IReadOnlyDictionary<string, JsonElement>? Form =>
        FormJson is null ? null : JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(FormJson);

    internal void Start(string dossierCode, DateTime at)
    {
        State = MemberState.Started;
        DossierCode = dossierCode;
        StartedAt = at;
    }

    internal void Cancel(string reason, DateTime at)
    {
        State = MemberState.Cancelled;
        CancelReason = reason;
        CancelledAt = at;
    }
}
