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

    private void SetContent(WorkflowDefinition definition)
    {
        Name = definition.Name;
        ProcedureCode = definition.ProcedureCode;
        Level = definition.Level;
        OnlineLevel = definition.OnlineLevel;
        Json = definition.ToJson();
        ContentHash = HashOf(definition);
        Revision++;
    }
}
