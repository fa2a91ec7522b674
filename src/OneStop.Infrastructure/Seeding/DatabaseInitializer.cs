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
    public static string ShippedCalendarFile => Path.Combine(AppContext.BaseDirectory, "calendar", "vietnam-holidays.json");

    private string CalendarFile => options.Value.CalendarFile is { Length: > 0 } configured ? configured : ShippedCalendarFile;
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

    /// <summary>The <c>Source</c> of a calendar row that came from the shipped file; an admin's edit names its author instead.</summary>
    public const string ShippedCalendarSource = "calendar/vietnam-holidays.json";

    /// <summary>
    /// Merges the shipped calendar file into the table (DESIGN §6): days it adds are added, days it corrects are
    /// corrected and days it no longer lists are removed — but only rows that came from the file; a day an admin
    /// edited (its <c>Source</c> names them) is left exactly as they set it.
    /// </summary>
    private async Task SeedCalendarAsync(CancellationToken ct)
    {
        if (!File.Exists(CalendarFile))
        {
            logger.LogWarning("Calendar file {File} not found; deadlines are refused for every year the table does not hold", CalendarFile);
            return;
        }
        var days = WorkingCalendar.ParseJson(await File.ReadAllTextAsync(CalendarFile, ct)).ToDictionary(d => d.Date);
        var rows = await db.Calendar.ToListAsync(ct);
        var (added, corrected, removed) = (0, 0, 0);
        foreach (var row in rows.Where(r => r.Source == ShippedCalendarSource))
        {
            if (!days.TryGetValue(row.Date, out var shipped))
            {
                db.Calendar.Remove(row);
                removed++;
            }
            else if (row.Working != shipped.Working || row.Note != shipped.Note)
            {
                (row.Working, row.Note) = (shipped.Working, shipped.Note);
                corrected++;
            }
        }
        var known = rows.Select(r => r.Date).ToHashSet();
        foreach (var day in days.Values.Where(d => !known.Contains(d.Date)))
        {
            db.Calendar.Add(new CalendarEntry { Date = day.Date, Working = day.Working, Note = day.Note, Source = ShippedCalendarSource });
            added++;
        }
        await db.SaveChangesAsync(ct);
        if (added + corrected + removed > 0)
            logger.LogInformation("Calendar file merged: {Added} days added, {Corrected} corrected, {Removed} removed; admin edits kept",
                added, corrected, removed);
    }

    /// <summary>Adds the demo units and accounts a database lacks (a newer release may bring more); existing ones are left alone.</summary>
    private async Task SeedDemoDataAsync(CancellationToken ct)
    {
        var units = (await db.Units.Select(u => u.Code).ToListAsync(ct)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        db.Units.AddRange(DemoData.Units.Where(u => !units.Contains(u.Code)));
        var users = (await db.Users.Select(u => u.UserName).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        {
            var hasher = new PasswordHasher<UserAccount>();
            // Every demo account has the same published password: one hash (salted once) serves them all, so seeding
            // some fifty accounts costs one PBKDF2 run, not fifty, on every fresh instance.
            string? demoHash = null;
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
                user.PasswordHash = demoHash ??= hasher.HashPassword(user, DemoData.Password);
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
    /// Publishes each <c>workflows/*.json</c> whose content differs from every stored version of its id, as the next
    /// version: procedures first, then packages (whose members must be published). A version with an
    /// <c>effectiveFrom</c> still to come waits beside the one in force. An invalid file is logged and skipped: it
    /// never replaces a good version.
    /// </summary>
    private async Task LoadWorkflowsAsync(CancellationToken ct)
    {
        if (!Directory.Exists(WorkflowsDirectory))
            return;
        var unitCodes = (await db.Units.Select(u => u.Code).ToListAsync(ct)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var files = new List<(string File, WorkflowDefinition Definition)>();
        foreach (var file in Directory.EnumerateFiles(WorkflowsDirectory, "*.json").Order())
        {
            try
            {
                files.Add((file, WorkflowDefinition.Parse(await File.ReadAllTextAsync(file, ct))));
            }
            catch (System.Text.Json.JsonException e)
            {
                logger.LogError("Workflow file {File} is not valid JSON: {Error}", file, e.Message);
            }
        }
        foreach (var (file, definition) in files.OrderBy(f => f.Definition.IsPackage))
            await PublishFileAsync(file, definition, unitCodes, ct);
    }

    private async Task PublishFileAsync(string file, WorkflowDefinition definition, HashSet<string> unitCodes, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(DeadlineCalculator.VietnamOffset).DateTime);
        var procedures = definition.IsPackage ? await Definitions.DefinitionsInForce.LoadAsync(db, today, ct) : null;
        var errors = DefinitionValidator.Validate(definition, unitCodes.Contains, procedures);
        if (errors.Count > 0)
        {
            logger.LogError("Workflow file {File} is invalid: {Errors}", file, string.Join("; ", errors.Select(e => $"{e.Path}: {e.Message}")));
            return;
        }
        var hash = DefinitionVersion.HashOf(definition);
        var versions = await db.DefinitionVersions.Where(d => d.DefinitionId == definition.Id).ToListAsync(ct);
        if (versions.Any(v => v.ContentHash == hash && v.State != DefinitionState.Draft))
            return;
        var next = versions.Count == 0 ? Math.Max(1, definition.Version) : versions.Max(v => v.Version) + 1;
        var now = clock.GetUtcNow().UtcDateTime;
        var version = new DefinitionVersion(definition with { Version = next }, now);
        if (EffectiveVersions.CheckPublish(version, versions, today) is { } tooEarly)
        {
            logger.LogError("Workflow file {File} is not published: {Path}: {Error}", file, tooEarly.Path, tooEarly.Message);
            return;
        }
        version.Publish(now);
        db.DefinitionVersions.Add(version);
        // The version now in force supersedes those below it; dossiers already running stay on theirs.
        foreach (var superseded in EffectiveVersions.Superseded([.. versions, version], today))
            superseded.Retire(now);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Published workflow {Id} version {Version} from {File}", definition.Id, next, Path.GetFileName(file));
    }
}
