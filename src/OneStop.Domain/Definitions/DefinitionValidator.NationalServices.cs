namespace OneStop.Domain.Definitions;

/// <summary>The rules of DESIGN §14 in a definition: the VNeID level online submissions need, papers national databases prove.</summary>
public static partial class DefinitionValidator
{
    private static void ValidateNationalServices(Rules rules)
    {
        var definition = rules.Definition;
        if (definition.VneidLevel is { } level)
        {
            if (level is not (1 or 2))
                rules.Errors.Add(new("vneidLevel", $"Mức định danh điện tử VNeID {level} không hợp lệ; chỉ dùng 1 hoặc 2."));
            else if (definition.OnlineLevel == "none")
                rules.Errors.Add(new("vneidLevel", "Thủ tục không trực tuyến (onlineLevel \"none\") không đặt mức VNeID (vneidLevel)."));
        }
        var documents = definition.Documents ?? [];
        for (var i = 0; i < documents.Count; i++)
            if (documents[i]?.ProvenBy is { } database && !NationalDatabases.All.Contains(database))
                rules.Errors.Add(new($"documents[{i}].provenBy",
                    $"Cơ sở dữ liệu quốc gia '{database}' không hợp lệ; chỉ dùng: {string.Join(", ", NationalDatabases.All)}."));
    }
}
