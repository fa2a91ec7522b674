using System.Security.Cryptography;
using System.Text;

namespace OneStop.Domain.Definitions;

public enum DefinitionState
{
    Draft,
    Published,
    Retired,
}

/// <summary>
/// One stored version of a workflow definition (Elsa-like: definition id + version + publish state).
/// Published versions are immutable; dossiers stay pinned to the version they started on.
/// </summary>
public sealed class DefinitionVersion
{
    private DefinitionVersion() { }

    public DefinitionVersion(WorkflowDefinition definition, DateTime utcNow)
    {
        DefinitionId = definition.Id;
        Version = definition.Version;
        State = DefinitionState.Draft;
        CreatedAt = utcNow;
        SetContent(definition);
    }

    public string DefinitionId { get; private set; } = "";
    public int Version { get; private set; }
    public DefinitionState State { get; private set; }
    public string Name { get; private set; } = "";
    public string ProcedureCode { get; private set; } = "";
    public string Level { get; private set; } = "";
    public string OnlineLevel { get; private set; } = "";
    /// <summary><c>procedure</c> or <c>package</c> (DESIGN §4.2), copied from the JSON so lists need not parse it.</summary>
    public string Kind { get; private set; } = DefinitionKinds.Procedure;
    /// <summary>The Vietnam date from which the version takes new dossiers; null means from its publication.</summary>
    public DateOnly? EffectiveFrom { get; private set; }
    public string Json { get; private set; } = "";
    /// <summary>SHA-256 of the canonical JSON, so start-up only publishes a file whose content changed.</summary>
    public string ContentHash { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime? PublishedAt { get; private set; }
    public DateTime? RetiredAt { get; private set; }
    /// <summary>Optimistic concurrency token.</summary>
    public int Revision { get; private set; }

    public WorkflowDefinition Parse() => WorkflowDefinition.Parse(Json);

    public static string HashOf(WorkflowDefinition definition) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes((definition with { Version = 0 }).ToJson())));

    public void ReplaceDraft(WorkflowDefinition definition)
    {
        if (State != DefinitionState.Draft)
            throw new InvalidOperationException("Chỉ bản nháp mới được sửa; phiên bản đã công bố là bất biến.");
        SetContent(definition with { Id = DefinitionId, Version = Version });
    }

    public void Publish(DateTime utcNow)
    {
        if (State != DefinitionState.Draft)
            throw new InvalidOperationException($"Phiên bản {Version} không phải bản nháp.");
        State = DefinitionState.Published;
        PublishedAt = utcNow;
        Revision++;
    }

    public void Retire(DateTime utcNow)
    {
        if (State != DefinitionState.Published)
            throw new InvalidOperationException($"Phiên bản {Version} chưa công bố nên không thể ngừng áp dụng.");
        State = DefinitionState.Retired;
        RetiredAt = utcNow;
        Revision++;
    }

    /// <summary>
    /// Notes that running dossiers were moved off (or onto) this version. The content stays as published; the bumped
    /// revision is what makes a second migration that read the same state fail at save (the database's guard).
    /// </summary>
    public void RecordMigration(DateTime utcNow)
    {
        if (State == DefinitionState.Draft)
            throw new InvalidOperationException("Không chuyển hồ sơ giữa các bản nháp.");
        LastMigratedAt = utcNow;
        Revision++;
    }

    /// <summary>When running dossiers were last migrated from or to this version.</summary>
    public DateTime? LastMigratedAt { get; private set; }

    private void SetContent(WorkflowDefinition definition)
    {
        Name = definition.Name;
        Kind = definition.IsPackage ? DefinitionKinds.Package : DefinitionKinds.Procedure;
        EffectiveFrom = definition.EffectiveDate;
        ProcedureCode = definition.ProcedureCode;
        Level = definition.Level;
        OnlineLevel = definition.OnlineLevel;
        Json = definition.ToJson();
        ContentHash = HashOf(definition);
        Revision++;
    }
}
