namespace OneStop.Domain;

/// <summary>
/// The roles of DESIGN §2, named once. Officer roles beyond the three built-in ones are data: a definition's
/// <c>roles</c> names them (e.g. <c>appraiser</c>) and an officer may hold them at their unit.
/// </summary>
public static class RoleNames
{
    public const string Admin = "admin";
    public const string Reception = "reception";
    public const string Specialist = "specialist";
    public const string Leader = "leader";
    public const string Citizen = "citizen";
    /// <summary>Thẩm định viên of an agency that answers consultations; the one extra role the shipped definitions use.</summary>
    public const string Appraiser = "appraiser";

    /// <summary>Who acts when nobody does: a wait that elapses, a consultation deemed agreed (DESIGN §5).</summary>
    public const string SystemActor = "system";

    /// <summary>The roles a definition uses when it does not list its own (DESIGN §4.1).</summary>
    public static IReadOnlyList<string> DefinitionDefaults { get; } = [Reception, Specialist, Leader];

    /// <summary>Roles every installation knows, in the order accounts store them.</summary>
    public static IReadOnlyList<string> BuiltIn { get; } = [Reception, Specialist, Leader, Appraiser, Admin, Citizen];

    /// <summary>Any role but admin and citizen works at a unit.</summary>
    public static bool IsOfficerRole(string role) => role is not (Admin or Citizen) && !string.IsNullOrWhiteSpace(role);

    /// <summary>How a role reads in a Vietnamese sentence ("Chỉ {…} được …").</summary>
    public static string Describe(string role) => role switch
    {
        Reception => "cán bộ một cửa",
        Specialist => "chuyên viên",
        Leader => "lãnh đạo",
        Appraiser => "thẩm định viên",
        _ => $"cán bộ vai trò '{role}'",
    };
}
