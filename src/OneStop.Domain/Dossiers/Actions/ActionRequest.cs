using System.Text.Json;

namespace OneStop.Domain.Dossiers.Actions;

/// <summary>What a caller sends with an action (DESIGN §10); each action reads the parts it needs.</summary>
public sealed record ActionRequest(
    string? Comment = null,
    string? To = null,
    string? ToUnit = null,
    IReadOnlyList<DocumentSubmission>? Documents = null,
    DateTimeOffset? NewDueDate = null,
    IReadOnlyDictionary<string, JsonElement>? Form = null,
    string? Answer = null,
    string? UnitCode = null,
    Actor? Assignee = null,
    IReadOnlyList<SupplementItem>? Items = null);
