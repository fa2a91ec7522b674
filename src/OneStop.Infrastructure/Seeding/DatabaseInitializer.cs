using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneStop.Domain.Calendar;
using OneStop.Domain.Definitions;
using OneStop.Infrastructure.Identity;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Infrastructure.Seeding;

/// <summary>
/// Brings the database up to date at start-up: migrations, the shipped calendar and definitions,
/// and — on the embedded default only — the demo units and accounts. Safe to run on every start.
/// </summary>
public sealed class DatabaseInitializer(
    OneStopDbContext db,
    DatabaseSettings settings,
    IOptions<OneStopOptions> options,
    TimeProvider clock,
    PasswordPolicy passwordPolicy,
    ILogger<DatabaseInitializer> logger)
{
    public static string CalendarFile => Path.Combine(AppContext.BaseDirectory, "calendar", "vietnam-holidays.json");
    public static string WorkflowsDirectory => Path.Combine(AppContext.BaseDirectory, "workflows");

    public async Task InitializeAsync(CancellationToken ct)
    {
        await db.Database.MigrateAsync(ct);
        if (settings.IsEmbedded)
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        await SeedCalendarAsync(ct);
        if (options.Value.SeedDemoData ?? settings.IsEmbedded)
            await SeedDemoDataAsync(ct);
        await BootstrapAdminAsync(ct);
        await LoadWorkflowsAsync(ct);
        if (await Reports.ReportFactBackfill.RunAsync(db, ct) is > 0 and var projected)
            logger.LogInformation("Projected {Count} dossiers written before the indicators existed", projected);
    }

    /// <summary>Adds the shipped days that the table lacks; days an admin edited are left alone.</summary>
    private async Task SeedCalendarAsync(CancellationToken ct)
    {
        if (!File.Exists(CalendarFile))
        {
            logger.LogWarning("Calendar file {File} not found; only weekends are non-working days", CalendarFile);
            return;
        }
        var days = WorkingCalendar.ParseJson(await File.ReadAllTextAsync(CalendarFile, ct));
        var known = (await db.Calendar.Select(c => c.Date).ToListAsync(ct)).ToHashSet();
        foreach (var day in days.Where(d => !known.Contains(d.Date)))
            db.Calendar.Add(new CalendarEntry { Date = day.Date, Working = day.Working, Note = day.Note, Source = "calendar/vietnam-holidays.json" });
        await db.SaveChangesAsync(ct);
    }

    private async Task SeedDemoDataAsync(CancellationToken ct)
    {
        if (!await db.Units.AnyAsync(ct))
            db.Units.AddRange(DemoData.Units);
        if (!await db.Users.AnyAsync(ct))
        {
            var hasher = new PasswordHasher<UserAccount>();
            foreach (var account in DemoData.Accounts)
            {
                var user = new UserAccount
                {
                    Id = Guid.CreateVersion7(clock.GetUtcNow()),
                    UserName = account.UserName,
                    FullName = account.FullName,
                    Roles = account.Role,
                    UnitCode = account.UnitCode,
                    PersonalId = account.PersonalId,
                };
                user.PasswordHash = hasher.HashPassword(user, DemoData.Password);
                db.Users.Add(user);
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task BootstrapAdminAsync(CancellationToken ct)
    {
        var bootstrap = options.Value.BootstrapAdmin;
        if (string.IsNullOrWhiteSpace(bootstrap?.Password) || await db.Users.AnyAsync(u => u.Roles.Contains("admin"), ct))
            return;
        // Production's only account must meet the policy every other password meets; the host still starts.
        var weaknesses = passwordPolicy.Check(bootstrap.Password);
        if (weaknesses.Count > 0)
        {
            logger.LogError("OneStop:BootstrapAdmin:Password breaks the Identity:Password policy; no administrator created: {Rules}",
                string.Join(" ", weaknesses));
            return;
        }
        var admin = new UserAccount
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            UserName = bootstrap.UserName,
            FullName = "Quản trị hệ thống",
            Roles = "admin",
        };
        admin.PasswordHash = new PasswordHasher<UserAccount>().HashPassword(admin, bootstrap.Password);
        db.Users.Add(admin);
        await db.SaveChangesAsync(ct);
        logger.LogWarning("Created the first administrator {UserName}; change its password", admin.UserName);
    }

    /// <summary>
    /// Publishes each <c>workflows/*.json</c> whose content differs from every stored version of its id,
    /// as the next version. An invalid file is logged and skipped: it never replaces a good version.
    /// </summary>
    private async Task LoadWorkflowsAsync(CancellationToken ct)
    {
        if (!Directory.Exists(WorkflowsDirectory))
            return;
        var unitCodes = (await db.Units.Select(u => u.Code).ToListAsync(ct)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var file in Directory.EnumerateFiles(WorkflowsDirectory, "*.json").Order())
        {
            WorkflowDefinition definition;
            try
            {
                definition = WorkflowDefinition.Parse(await File.ReadAllTextAsync(file, ct));
            }
            catch (System.Text.Json.JsonException e)
            {
                logger.LogError("Workflow file {File} is not valid JSON: {Error}", file, e.Message);
                continue;
            }
            var errors = DefinitionValidator.Validate(definition, unitCodes.Contains);
            if (errors.Count > 0)
            {
                logger.LogError("Workflow file {File} is invalid: {Errors}", file, string.Join("; ", errors.Select(e => $"{e.Path}: {e.Message}")));
                continue;
            }
            var hash = DefinitionVersion.HashOf(definition);
            var versions = await db.DefinitionVersions.Where(d => d.DefinitionId == definition.Id).ToListAsync(ct);
            if (versions.Any(v => v.ContentHash == hash && v.State != DefinitionState.Draft))
                continue;
            var next = versions.Count == 0 ? Math.Max(1, definition.Version) : versions.Max(v => v.Version) + 1;
            var now = clock.GetUtcNow().UtcDateTime;
            var version = new DefinitionVersion(definition with { Version = next }, now);
            // The new version supersedes the published one; dossiers already running stay on theirs.
            versions.Where(v => v.State == DefinitionState.Published).ToList().ForEach(v => v.Retire(now));
            version.Publish(now);
            db.DefinitionVersions.Add(version);
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Published workflow {Id} version {Version} from {File}", definition.Id, next, Path.GetFileName(file));
        }
    }
}
