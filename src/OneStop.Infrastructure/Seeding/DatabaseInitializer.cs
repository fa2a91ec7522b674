using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneStop.Domain.Calendar;
using OneStop.Domain.Definitions;
using OneStop.Infrastructure.Identity;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Infrastructure.Seeding;

/// <summary>
/// Brings the database up to date at start-up: migrations (and Hangfire's schema on a server database), the shipped calendar
/// and definitions, and — on the embedded default only — the demo units and accounts. Safe to run on every start.
/// With <c>Database:Migrations = verify</c> it changes no schema and refuses to start on a database that lacks a
/// migration (see <see cref="DatabaseMigrations"/>).
/// </summary>
public sealed class DatabaseInitializer(
    OneStopDbContext db,
    DatabaseSettings settings,
    IConfiguration configuration,
    IOptions<OneStopOptions> options,
    TimeProvider clock,
    PasswordPolicy passwordPolicy,
    ILogger<DatabaseInitializer> logger)
{
    public static string CalendarFile => Path.Combine(AppContext.BaseDirectory, "calendar", "vietnam-holidays.json");
    public static string WorkflowsDirectory => Path.Combine(AppContext.BaseDirectory, "workflows");

    public async Task InitializeAsync(CancellationToken ct)
    {
        // Several nodes may start at once on a server database: one migrates and seeds, the others wait, then find it done.
        await using var turn = await StartupLock.AcquireAsync(db, ct);
        if (DatabaseMigrations.Mode(configuration) == DatabaseMigrations.Verify)
        {
            // The login may read and write rows but not change the schema: a separate, privileged step migrates.
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            if (pending.Count > 0)
                throw new InvalidOperationException(
                    $"Cơ sở dữ liệu còn thiếu {pending.Count} migration ({string.Join(", ", pending)}) và {DatabaseMigrations.Key} = verify: " +
                    $"hãy chạy bước migration với tài khoản có quyền sửa lược đồ ({DatabaseMigrations.Key}=apply-and-exit) trước khi khởi động API.");
        }
        else
        {
            await db.Database.MigrateAsync(ct);
            Jobs.HangfireSchema.Install(settings.Provider, db.Database.GetConnectionString());
        }
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

    /// <summary>Adds the demo units and accounts a database lacks (a newer release may bring more); existing ones are left alone.</summary>
    private async Task SeedDemoDataAsync(CancellationToken ct)
    {
        var units = (await db.Units.Select(u => u.Code).ToListAsync(ct)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        db.Units.AddRange(DemoData.Units.Where(u => !units.Contains(u.Code)));
        var users = (await db.Users.Select(u => u.UserName).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        {
            var hasher = new PasswordHasher<UserAccount>();
            foreach (var account in DemoData.Accounts.Where(a => !users.Contains(a.UserName)))
            {
                var user = new UserAccount
                {
                    Id = Guid.CreateVersion7(clock.GetUtcNow()),
                    UserName = account.UserName,
                    FullName = account.FullName,
                    Roles = account.Role,
                    UnitCode = account.UnitCode,
                    PersonalId = account.PersonalId,
                    SecurityStamp = UserAccount.NewSecurityStamp(),
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
        // "admin" is the usual bootstrap name; the other reserved names (system above all) never name an account.
        if (ReservedUserNames.IsReserved(bootstrap.UserName) && !string.Equals(bootstrap.UserName, "admin", StringComparison.Ordinal))
        {
            logger.LogError("OneStop:BootstrapAdmin:UserName '{UserName}' is reserved; no administrator created", bootstrap.UserName);
            return;
        }
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
            SecurityStamp = UserAccount.NewSecurityStamp(),
            // Its password sits in the deployment's environment: good for one thing only, choosing the real one.
            MustChangePassword = true,
        };
        admin.PasswordHash = new PasswordHasher<UserAccount>().HashPassword(admin, bootstrap.Password);
        db.Users.Add(admin);
        await db.SaveChangesAsync(ct);
        logger.LogWarning("Created the first administrator {UserName}; its first sign-in must choose a new password (POST /api/me/password)", admin.UserName);
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
