namespace OneStop.Infrastructure.NationalServices;

public static class LookupKinds
{
    /// <summary>A person by personal ID, in the population database.</summary>
    public const string Citizen = "citizen";
    /// <summary>An enterprise by tax code, in the business registration database.</summary>
    public const string Business = "business";
}

public static class LookupOutcomes
{
    public const string Found = "found";
    public const string NotFound = "not-found";
    public const string Unavailable = "unavailable";
}

/// <summary>
/// One look-up in a national database (DESIGN §14): who asked, from which unit, about whom, why and when, and what
/// came back. Append-only; admins read the log at <c>GET /api/admin/lookups</c> (without <see cref="Record"/>). A
/// found record is kept as the proof a submission names (<c>lookupId</c>) for the papers the database proves.
/// </summary>
public sealed class NationalLookup
{
    public Guid Id { get; init; }
    /// <summary>UTC.</summary>
    public DateTime At { get; init; }
    public string Actor { get; init; } = "";
    public string? UnitCode { get; init; }
    /// <summary>One of <see cref="LookupKinds"/>.</summary>
    public string Kind { get; init; } = "";
    /// <summary>The personal ID or tax code looked up.</summary>
    public string SubjectId { get; init; } = "";
    /// <summary>Why, in the officer's words (required).</summary>
    public string Purpose { get; init; } = "";
    /// <summary>One of <see cref="LookupOutcomes"/>.</summary>
    public string Outcome { get; init; } = "";
    /// <summary>The database's answer as JSON, when found.</summary>
    public string? Record { get; init; }
    public string? ClientAddress { get; init; }
}
