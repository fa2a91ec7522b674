namespace OneStop.Infrastructure.NationalServices;

/// <summary>What a national database says about a person or an enterprise, in the words OneStop uses.</summary>
/// <param name="Database"><c>population</c> or <c>business</c> (a definition's <c>provenBy</c>).</param>
public sealed record NationalRecord(
    string Database, string IdNumber, string FullName, string? Address, string? DateOfBirth = null, string? Gender = null,
    string? Hometown = null, string? CurrentAddress = null, string? Representative = null, string? BusinessType = null,
    string? Status = null, string? RegisteredOn = null);

/// <summary>Found (with the record), not found, or the national side could not answer (down, slow, refusing us).</summary>
public sealed record RegistryAnswer(string Outcome, NationalRecord? Record = null, string? Problem = null)
{
    public static RegistryAnswer Unavailable(string problem) => new(LookupOutcomes.Unavailable, Problem: problem);
}

/// <summary>Who asks and why: the national side is told both (Decree 13/2023 on personal data).</summary>
public sealed record LookupCaller(string UserName, string Purpose);

/// <summary>
/// The national databases OneStop reads instead of asking applicants for papers (DESIGN §14): "who is this personal
/// ID" in the population database, "what is this tax code" in the business registration database. One client
/// serves both the real LGSP gateway and the mock (<see cref="LgspRegistryClient"/>).
/// </summary>
public interface INationalRegistry
{
    Task<RegistryAnswer> FindCitizenAsync(string idNumber, LookupCaller caller, CancellationToken ct);

    Task<RegistryAnswer> FindBusinessAsync(string taxCode, LookupCaller caller, CancellationToken ct);
}
