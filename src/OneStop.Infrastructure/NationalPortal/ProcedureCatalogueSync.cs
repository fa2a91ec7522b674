using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneStop.Domain.Definitions;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Infrastructure.NationalPortal;

/// <summary>A procedure as the national catalogue lists it (DVCQG's <c>LayThuTuc</c>: MATTHC, TENTTHC, LINHVUCTHUCHIEN).</summary>
public sealed record NationalProcedure(string Code, string Name, string? FieldCode, string? Level, string? FieldName = null);

/// <summary>Reads the national procedure catalogue.</summary>
public interface INationalProcedureCatalogue
{
    /// <param name="madonvi">The unit code the call is made for (DVCQG's <c>madonvi</c>).</param>
    Task<IReadOnlyList<NationalProcedure>> GetProceduresAsync(string madonvi, CancellationToken ct);
}

/// <summary>What the last catalogue check found for one local procedure code.</summary>
public sealed class NationalCatalogueCheck
{
    public string ProcedureCode { get; set; } = "";
    public bool KnownNationally { get; set; }
    public string? NationalName { get; set; }
    /// <summary>DVCQG's code of the procedure's field (<c>MaLinhVuc</c>), which DongBoHoSoMC sends.</summary>
    public string? FieldCode { get; set; }
    /// <summary>DVCQG's name of that field (<c>TenLinhVuc</c>).</summary>
    public string? FieldName { get; set; }
    public DateTime CheckedAt { get; set; }
}

/// <summary>
/// Pulls the national procedure list and flags every local definition whose procedure code the national
/// portal does not know (a typo, or a procedure abolished nationally): such dossiers would be refused there.
/// It only records what it found; definitions are never changed by a job. Safe to run twice.
/// </summary>
public sealed class ProcedureCatalogueSyncJob(
    OneStopDbContext db, INationalProcedureCatalogue catalogue, IOptionsMonitor<NationalPortalOptions> options, TimeProvider clock,
    ILogger<ProcedureCatalogueSyncJob> logger)
{
    public const string RecurringJobId = "national-procedure-catalogue-sync";

    public async Task<IReadOnlyList<string>> RunAsync(CancellationToken ct)
    {
        // The configured unit code, else the province's agency code: the catalogue is the same for every unit.
        var madonvi = options.CurrentValue.MaDonVi
            ?? await db.Units.Where(u => u.Level == Levels.Province).OrderBy(u => u.Code).Select(u => u.AgencyCode).FirstOrDefaultAsync(ct)
            ?? "";
        var national = (await catalogue.GetProceduresAsync(madonvi, ct))
            .GroupBy(p => p.Code, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var localCodes = await db.DefinitionVersions.Where(d => d.State != DefinitionState.Draft && d.ProcedureCode != "")
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
            check.FieldCode = match?.FieldCode;
            check.FieldName = match?.FieldName;
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
