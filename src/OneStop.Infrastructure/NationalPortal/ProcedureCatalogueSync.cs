using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OneStop.Domain.Definitions;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Infrastructure.NationalPortal;

/// <summary>A procedure as the national catalogue lists it (DVCQG's <c>LayThuTuc</c>).</summary>
public sealed record NationalProcedure(string Code, string Name, string? FieldCode, string? Level);

/// <summary>Reads the national procedure catalogue.</summary>
public interface INationalProcedureCatalogue
{
    Task<IReadOnlyList<NationalProcedure>> GetProceduresAsync(CancellationToken ct);
}

/// <summary>What the last catalogue check found for one local procedure code.</summary>
public sealed class NationalCatalogueCheck
{
    public string ProcedureCode { get; set; } = "";
    public bool KnownNationally { get; set; }
    public string? NationalName { get; set; }
    public DateTime CheckedAt { get; set; }
}

/// <summary>
/// Pulls the national procedure list and flags every local definition whose procedure code the national
/// portal does not know (a typo, or a procedure abolished nationally): such dossiers would be refused there.
/// It only records what it found; definitions are never changed by a job. Safe to run twice.
/// </summary>
public sealed class ProcedureCatalogueSyncJob(
    OneStopDbContext db, INationalProcedureCatalogue catalogue, TimeProvider clock, ILogger<ProcedureCatalogueSyncJob> logger)
{
    public const string RecurringJobId = "national-procedure-catalogue-sync";

    public async Task<IReadOnlyList<string>> RunAsync(CancellationToken ct)
    {
        var national = (await catalogue.GetProceduresAsync(ct))
            .GroupBy(p => p.Code, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var localCodes = await db.DefinitionVersions.Where(d => d.State != DefinitionState.Draft)
            .Select(d => d.ProcedureCode).Distinct().ToListAsync(ct);
        var checks = await db.NationalCatalogueChecks.ToDictionaryAsync(c => c.ProcedureCode, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var unknown = new List<string>();
        foreach (var code in localCodes)
        {
            // Local variants such as 1.004227.000.00.00.H12 are registered nationally under their base code.
            var known = national.TryGetValue(code, out var match) || national.TryGetValue(BaseCode(code), out match);
            if (!checks.TryGetValue(code, out var check))
                db.NationalCatalogueChecks.Add(check = new NationalCatalogueCheck { ProcedureCode = code });
            check.KnownNationally = known;
            check.NationalName = match?.Name;
            check.CheckedAt = now;
            if (!known)
                unknown.Add(code);
        }
        await db.SaveChangesAsync(ct);
        if (unknown.Count > 0)
            logger.LogWarning("Procedure codes unknown to the national catalogue: {Codes}", string.Join(", ", unknown));
        return unknown;
    }

    private static string BaseCode(string code) => code.Length > 8 ? code[..8] : code;
}
