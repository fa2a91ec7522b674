using OneStop.Domain.Definitions;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Api.Features.Definitions;

/// <summary>
/// The texts of a definition that dossiers copy into their own columns (step ids, paper codes and names, the
/// result's code and name, the procedure code): a published definition must fit them, or the first dossier to
/// reach a long step id would fail on a server database. Checked with the other publish rules.
/// </summary>
public static class DefinitionLengths
{
    public static IEnumerable<DefinitionError> Check(WorkflowDefinition definition)
    {
        var found = new List<DefinitionError>();
        void Limit(string path, string? value, int max)
        {
            if (value is { Length: var length } && length > max)
                found.Add(new DefinitionError(path, $"Dài tối đa {max} ký tự (đang có {length})."));
        }

        Limit("id", definition.Id, StoredLengths.ProcedureId);
        Limit("name", definition.Name, StoredLengths.DefinitionName);
        Limit("procedureCode", definition.ProcedureCode, StoredLengths.ProcedureCode);
        var documents = definition.Documents ?? [];
        for (var i = 0; i < documents.Count; i++)
        {
            Limit($"documents[{i}].code", documents[i]?.Code, StoredLengths.DocumentCode);
            Limit($"documents[{i}].name", documents[i]?.Name, StoredLengths.DocumentName);
        }
        Limit("result.code", definition.Result?.Code, StoredLengths.ResultCode);
        Limit("result.name", definition.Result?.Name, StoredLengths.ResultName);
        var results = definition.Results ?? [];
        for (var i = 0; i < results.Count; i++)
        {
            Limit($"results[{i}].code", results[i]?.Code, StoredLengths.ResultCode);
            Limit($"results[{i}].name", results[i]?.Name, StoredLengths.ResultName);
        }
        var steps = definition.Steps ?? [];
        for (var i = 0; i < steps.Count; i++)
            Limit($"steps[{i}].id", steps[i]?.Id, StoredLengths.StepId);
        return found;
    }
}
