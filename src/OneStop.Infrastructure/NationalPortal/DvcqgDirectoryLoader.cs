using Microsoft.EntityFrameworkCore;
using OneStop.Infrastructure.Definitions;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Infrastructure.NationalPortal;

/// <summary>Loads, for one dossier's delivery, the reference data its stored bodies name (a handful of small queries).</summary>
public sealed class DvcqgDirectoryLoader(DefinitionCatalog catalog, PortalFileLinks links)
{
    public async Task<DvcqgDirectory> LoadAsync(OneStopDbContext db, Guid dossierId, DvcqgReferences refs, CancellationToken ct)
    {
        var pinned = await db.Dossiers.AsNoTracking()
            .Where(d => d.Id == dossierId)
            .Select(d => new { d.ProcedureId, d.DefinitionVersion })
            .FirstAsync(ct);
        var definition = (await catalog.GetAsync(db, pinned.ProcedureId, pinned.DefinitionVersion, ct))?.Definition;
        var procedureCode = definition?.ProcedureCode ?? pinned.ProcedureId;
        // The field's national code comes from the last catalogue check (DVCQG's LayThuTuc); its name from there or the definition.
        var national = await db.NationalCatalogueChecks.AsNoTracking().FirstOrDefaultAsync(c => c.ProcedureCode == procedureCode, ct);
        var procedure = new DvcqgProcedure(procedureCode, definition?.Name ?? pinned.ProcedureId,
            national?.FieldCode, national?.FieldName ?? definition?.Field);
        var steps = (definition?.Steps ?? []).ToDictionary(s => s.Id, s => new DvcqgStep(s.Name, s.Role));

        var units = refs.Agencies.Count == 0 && refs.Units.Count == 0 ? []
            : await db.Units.AsNoTracking().Where(u => refs.Units.Contains(u.Code) || refs.Agencies.Contains(u.AgencyCode))
                .Select(u => new { u.Code, u.AgencyCode, u.Name, u.ValidTo }).ToListAsync(ct);
        // Several units may once have used an agency code; the one still valid names it.
        var agencyNames = units.Where(u => refs.Agencies.Contains(u.AgencyCode)).GroupBy(u => u.AgencyCode)
            .ToDictionary(g => g.Key, g => g.OrderBy(u => u.ValidTo is null ? 0 : 1).First().Name);
        var unitNames = units.Where(u => refs.Units.Contains(u.Code)).ToDictionary(u => u.Code, u => u.Name);
        var people = refs.People.Count == 0 ? new Dictionary<string, DvcqgPerson>()
            : (await db.Users.AsNoTracking().Where(u => refs.People.Contains(u.UserName))
                .Select(u => new { u.UserName, u.FullName, u.Roles }).ToListAsync(ct))
            .ToDictionary(u => u.UserName, u => new DvcqgPerson(u.FullName,
                u.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet()));
        var repositoryFiles = refs.RepositoryDocuments.Count == 0 ? new Dictionary<Guid, Guid>()
            : await db.RepositoryDocuments.AsNoTracking().Where(d => refs.RepositoryDocuments.Contains(d.Id))
                .ToDictionaryAsync(d => d.Id, d => d.FileId, ct);
        var fileIds = refs.Files.Concat(repositoryFiles.Values).ToHashSet();
        var fileNames = fileIds.Count == 0 ? new Dictionary<Guid, string>()
            : await db.Files.AsNoTracking().Where(f => fileIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.FileName, ct);

        return new DvcqgDirectory(procedure, steps, agencyNames, unitNames, people, fileNames, repositoryFiles, links.Create);
    }
}
