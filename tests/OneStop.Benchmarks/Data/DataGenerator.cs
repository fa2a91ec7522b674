using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneStop.Domain.Definitions;
using OneStop.Domain.Dossiers;
using OneStop.Domain.Units;
using OneStop.Infrastructure;
using OneStop.Infrastructure.Persistence;
using OneStop.Infrastructure.Seeding;

namespace OneStop.Benchmarks.Data;

/// <summary>What to generate.</summary>
/// <param name="PendingOutbox">When above zero: no delivered outbox history, but exactly this many PENDING messages as the API
/// writes them (<see cref="PendingOutboxWriter"/>), the backlog <c>measure-drain</c> delivers.</param>
internal sealed record GeneratorOptions(int Dossiers, string DataFolder, int Year, int Seed, int ExtraCommunes, bool OutboxForEveryEvent, bool Snapshots = true,
    int PendingOutbox = 0);

/// <summary>
/// Writes a realistic embedded-default data folder (the SQLite database the API uses with <c>OneStop:DataDirectory</c>):
/// the demo seed (units, accounts, calendar, shipped definitions) plus <see cref="GeneratorOptions.ExtraCommunes"/> more
/// communes, and N dossiers of one year at those units with their history, pauses, papers, outbox messages, report facts
/// and ratings. Raw prepared INSERTs in one transaction: about a minute per million dossiers on a laptop.
/// The target folder must not exist; everything is written to a sibling temporary folder that is renamed at the very end,
/// so a killed run leaves no half-written database where the API would find it.
/// </summary>
internal static class DataGenerator
{
    public static int Run(GeneratorOptions options)
    {
        var target = Path.GetFullPath(options.DataFolder);
        if (Directory.Exists(target) || File.Exists(target))
        {
            Console.Error.WriteLine($"{target} already exists: the generator only writes a new folder. Pick another --data or remove it.");
            return 2;
        }
        // A run killed before (even by SIGKILL) left only a partial folder: gone now that its process is.
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        Load.ScratchFolder.RemoveStale(Path.GetDirectoryName(target)!, Path.GetFileName(target));
        var temporary = $"{target}.partial-{Environment.ProcessId}-{Guid.NewGuid():N}";
        var clock = Stopwatch.StartNew();
        try
        {
            SeedAsync(temporary).GetAwaiter().GetResult();
            Console.WriteLine($"schema and demo seed: {clock.Elapsed.TotalSeconds:0.0} s");
            var counts = WriteDossiers(Path.Combine(temporary, "onestop.db"), options);
            Console.WriteLine($"{counts} in {clock.Elapsed.TotalSeconds:0.0} s");
            SqliteConnection.ClearAllPools();
            if (options.PendingOutbox > 0)
            {
                var (messages, dossiers) = PendingOutboxWriter.WriteAsync(temporary, options.PendingOutbox, DateTime.UtcNow).GetAwaiter().GetResult();
                Console.WriteLine($"{messages:N0} pending outbox messages over {dossiers:N0} dossiers in {clock.Elapsed.TotalSeconds:0.0} s");
                SqliteConnection.ClearAllPools();
            }
            // A system that ran all year took a snapshot every morning; reports read them for closed days.
            if (options.Snapshots)
                SnapshotHistory.RunAsync(temporary, options.Year).GetAwaiter().GetResult();
            SqliteConnection.ClearAllPools();
            Directory.Move(temporary, target);
            Console.WriteLine($"data folder ready: {target} ({new FileInfo(Path.Combine(target, "onestop.db")).Length / 1_048_576} MB)");
            return 0;
        }
        catch
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(temporary, recursive: true); } catch (IOException) { }
            throw;
        }
    }

    /// <summary>Migrates and seeds exactly as the API does on its first start over an empty data folder.</summary>
    private static async Task SeedAsync(string folder)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = DatabaseProviders.Sqlite,
            [$"{OneStopOptions.Section}:DataDirectory"] = folder,
            [$"{OneStopOptions.Section}:SeedDemoData"] = "true",
        }).Build();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton(TimeProvider.System)
            // The initializer reads the migration mode and the bootstrap admin from configuration, as in the API.
            .AddSingleton<IConfiguration>(configuration)
            .AddOneStopInfrastructure(configuration)
            .BuildServiceProvider();
        await using (services.ConfigureAwait(false))
        {
            using var scope = services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        }
    }

    private sealed record Procedure(string Id, int Version, string Level, string OnlineLevel, decimal WorkingDays, string[] Steps, string[] Papers, string[] Reusable);

    private static string WriteDossiers(string database, GeneratorOptions options)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA cache_size=-200000;";
            pragma.ExecuteNonQuery();
        }

        var procedures = LoadProcedures(connection);
        using var transaction = connection.BeginTransaction();
        var units = AddCommunes(connection, transaction, options.ExtraCommunes);
        var writer = new Writers(connection, transaction);
        var random = new Random(options.Seed);
        var yearStart = new DateTime(options.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var now = DateTime.UtcNow;
        var yearEnd = new DateTime(options.Year, 12, 31, 10, 0, 0, DateTimeKind.Utc);
        var lastDay = yearEnd < now ? yearEnd : now.AddHours(-1);
        var span = (lastDay - yearStart).TotalDays;
        long events = 0, pauses = 0, outbox = 0, ratings = 0;
        var sequences = new Dictionary<(string Agency, DateOnly Day), int>();
        // Linked packages (liên thông) have no steps of their own: their members are the dossiers.
        var byLevel = procedures.Where(p => p.Steps.Length >= 3).GroupBy(p => p.Level).ToDictionary(g => g.Key, g => g.ToArray());
        // Since the 2025 reform no shipped procedure is at district level: its share goes to the levels that have both.
        var levels = LevelShares.Where(l => byLevel.ContainsKey(l.Level) && units.ContainsKey(l.Level)).ToArray();

        for (var i = 0; i < options.Dossiers; i++)
        {
            var level = PickLevel(random.NextDouble(), levels);
            var candidates = byLevel[level];
            var procedure = candidates[random.Next(candidates.Length)];
            var unit = units[level][random.Next(units[level].Length)];
            var channel = procedure.OnlineLevel == "none" ? Channel.Counter
                : random.NextDouble() switch { < 0.42 => Channel.Online, < 0.95 => Channel.Counter, _ => Channel.Post };

            // When: a working-day office hour of the year, Vietnam time (UTC+7).
            var day = yearStart.AddDays(Math.Floor(random.NextDouble() * span));
            while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                day = day.AddDays(1);
            var submitted = day.AddHours(0.5 + random.NextDouble() * 8.5); // 07:30–16:00 in Vietnam
            if (submitted > lastDay)
                submitted = lastDay.AddHours(-2);
            var received = submitted.AddMinutes(channel == Channel.Online ? random.Next(30, 600) : random.Next(1, 15));
            var due = received.AddDays((double)procedure.WorkingDays * 1.4 + 0.3);
            var id = Guid.CreateVersion7(new DateTimeOffset(submitted));
            var local = DateOnly.FromDateTime(submitted.AddHours(7));
            var sequence = sequences[(unit.Agency, local)] = sequences.GetValueOrDefault((unit.Agency, local)) + 1;
            var code = $"{unit.Agency}-{local:yyMMdd}-{sequence:0000}";

            // What happened: most are resolved and returned; a few refused, withdrawn, or still open near the year's end.
            var fate = random.NextDouble();
            var refused = fate < 0.02;
            var withdrawn = fate is >= 0.02 and < 0.04;
            var open = !refused && !withdrawn && (lastDay - received).TotalDays < 45 && random.NextDouble() < 0.5;
            var paused = !refused && random.NextDouble() < 0.1;
            var pauseStart = received.AddHours(3);
            var pauseMinutes = paused ? random.Next(200, 2000) : 0;
            var pauseEnd = pauseStart.AddMinutes(pauseMinutes * 3.2);
            var legalDue = paused ? due.AddMinutes(pauseMinutes * 3.2) : due;
            var resolved = (refused || withdrawn || open) ? (DateTime?)null
                : received.AddMinutes((legalDue - received).TotalMinutes * (0.15 + random.NextDouble() * 0.9));
            if (resolved > lastDay)
                (resolved, open) = (null, true);
            var returned = resolved is { } r && random.NextDouble() < 0.93 ? r.AddHours(random.Next(1, 72)) : (DateTime?)null;
            if (returned > lastDay)
                returned = null;
            var reused = procedure.Reusable.Length > 0 && random.NextDouble() < 0.3;
            var digitized = channel != Channel.Online && random.NextDouble() < 0.35;

            var status = refused ? DossierStatus.NotAccepted : withdrawn ? DossierStatus.Stopped : open ? (paused ? DossierStatus.SupplementRequested : DossierStatus.InProgress)
                : returned is not null ? DossierStatus.Returned : DossierStatus.Resolved;
            // Where the history below leaves it: refused at reception, withdrawn at the first processing step, open work
            // forwarded to the last processing step (or waiting for papers at the first), the rest at the result step.
            var forwardedOpen = open && !paused;
            var step = refused ? procedure.Steps[0] : withdrawn ? procedure.Steps[1] : forwardedOpen ? procedure.Steps[^2]
                : open ? procedure.Steps[1] : procedure.Steps[^1];
            var owner = channel == Channel.Online ? $"citizen{random.Next(100_000):00000}" : null;
            var idNumber = $"0600{random.Next(90, 99)}{random.Next(1_000_000):000000}";
            var closedAt = refused ? received : withdrawn ? received.AddDays(2) : (DateTime?)null;
            var processing = resolved is { } rs ? (int)(((rs - received).TotalMinutes - pauseMinutes * 3.2) / 3.2) : (int?)null;

            writer.Dossier.Set("Id", id).Set("Code", code).Set("TrackingSecret", "GEN" + (i % 100_000).ToString("00000", System.Globalization.CultureInfo.InvariantCulture))
                .Set("ProcedureId", procedure.Id).Set("DefinitionVersion", procedure.Version).Set("Status", status)
                .Set("CurrentStepId", step).Set("CurrentUnitCode", unit.Code).Set("ReceivingUnitCode", unit.Code).Set("Channel", channel)
                .Set("ApplicantIdNumber", idNumber).Set("ApplicantName", "Người nộp " + i.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Set("ApplicantType", ApplicantType.Person).Set("OwnerUserName", owner).Set("FeeAmount", 0m)
                .Set("SubmittedAt", submitted).Set("ReceivedAt", refused ? null : received).Set("ClockStartedAt", refused ? null : received)
                .Set("DueDate", refused ? null : legalDue).Set("OriginalDueDate", refused ? null : legalDue)
                .Set("StepStartedAt", received).Set("StepDueDate", refused ? null : legalDue)
                .Set("ResolvedAt", resolved).Set("ReturnedAt", returned).Set("ClosedAt", closedAt)
                .Set("DueDateReset", false).Set("SupplementRequestedBeforeReception", false).Set("SupplementRequestedDuringProcessing", paused)
                .Set("ProcessingWorkingMinutes", processing).Set("PausedWorkingMinutes", resolved is null ? null : pauseMinutes)
                .Set("Version", 1).Insert();

            // History: submit, receive (or refuse), forward, [supplement wait], approve, resolve, return.
            var history = new List<(DateTime At, string Action, DossierStatus? From, DossierStatus To, string FromStep, string ToStep)>
            {
                (submitted, DossierActions.Submit, null, DossierStatus.Submitted, procedure.Steps[0], procedure.Steps[0]),
            };
            if (refused)
                history.Add((received, DossierActions.Refuse, DossierStatus.Submitted, DossierStatus.NotAccepted, procedure.Steps[0], procedure.Steps[0]));
            else
            {
                history.Add((received, DossierActions.Receive, DossierStatus.Submitted, DossierStatus.Received, procedure.Steps[0], procedure.Steps[1]));
                if (paused)
                {
                    history.Add((pauseStart, DossierActions.RequestSupplement, DossierStatus.Received, DossierStatus.SupplementRequested, procedure.Steps[1], procedure.Steps[1]));
                    if (!open)
                        history.Add((pauseEnd, DossierActions.Supplement, DossierStatus.SupplementRequested, DossierStatus.Received, procedure.Steps[1], procedure.Steps[1]));
                }
                if (withdrawn)
                {
                    history.Add((received.AddDays(1), DossierActions.Withdraw, DossierStatus.Received, DossierStatus.WithdrawalRequested, procedure.Steps[1], procedure.Steps[1]));
                    history.Add((closedAt!.Value, DossierActions.Stop, DossierStatus.WithdrawalRequested, DossierStatus.Stopped, procedure.Steps[1], procedure.Steps[1]));
                }
                if (forwardedOpen)
                    history.Add((received.AddMinutes((lastDay - received).TotalMinutes * 0.5), DossierActions.Forward, DossierStatus.Received,
                        DossierStatus.InProgress, procedure.Steps[1], procedure.Steps[^2]));
                if (resolved is { } at)
                {
                    var middle = received.AddMinutes((at - received).TotalMinutes * 0.6);
                    history.Add((middle, DossierActions.Forward, DossierStatus.Received, DossierStatus.InProgress, procedure.Steps[1], procedure.Steps[^2]));
                    history.Add((at.AddMinutes(-30), DossierActions.Approve, DossierStatus.InProgress, DossierStatus.InProgress, procedure.Steps[^2], procedure.Steps[^1]));
                    history.Add((at, DossierActions.Resolve, DossierStatus.InProgress, DossierStatus.Resolved, procedure.Steps[^1], procedure.Steps[^1]));
                    if (returned is { } handed)
                        history.Add((handed, DossierActions.ReturnResult, DossierStatus.Resolved, DossierStatus.Returned, procedure.Steps[^1], procedure.Steps[^1]));
                }
            }
            for (var e = 0; e < history.Count; e++)
            {
                var (at, action, from, to, fromStep, toStep) = history[e];
                writer.Event.Set("DossierId", id).Set("Sequence", e + 1).Set("At", at).Set("Action", action)
                    .Set("Actor", action == DossierActions.Submit && owner is not null ? owner : $"canbo.{unit.Code}")
                    .Set("UnitCode", action == DossierActions.Submit ? null : unit.Code).Set("FromStatus", from).Set("ToStatus", to)
                    .Set("FromStep", fromStep).Set("ToStep", toStep).Set("ToUnitCode", unit.Code).Set("DueDate", refused ? null : legalDue).Insert();
                events++;
                if (options.PendingOutbox == 0 && (options.OutboxForEveryEvent || e == history.Count - 1))
                {
                    writer.Outbox.Set("DossierId", id).Set("DossierCode", code).Set("Sequence", e + 1).Set("IdempotencyKey", $"{code}:{e + 1}")
                        .Set("Type", "DongBoHoSoMC").Set("Payload", "{}").Set("CreatedAt", at)
                        .Set("State", at < lastDay.AddHours(-1) ? "Delivered" : "Pending").Set("Attempts", 1).Set("DeliveredAt", at.AddSeconds(2)).Insert();
                    outbox++;
                }
            }
            writer.Lease.Set("DossierId", id).Set("Owner", "").Set("Until", submitted).Insert();
            if (paused)
            {
                writer.Pause.Set("DossierId", id).Set("Reason", PauseReason.Supplement).Set("StartedAt", pauseStart)
                    .Set("EndedAt", open ? null : pauseEnd).Set("WorkingMinutes", open ? 0 : pauseMinutes).Set("RestartsClock", false).Insert();
                pauses++;
            }
            for (var p = 0; p < procedure.Papers.Length; p++)
            {
                var paper = procedure.Papers[p];
                var fromRepository = reused && procedure.Reusable.Contains(paper);
                writer.Document.Set("DossierId", id).Set("Code", paper).Set("Name", paper)
                    .Set("FileId", channel == Channel.Online || digitized ? Guid.CreateVersion7() : null)
                    .Set("RepositoryDocumentId", fromRepository ? Guid.CreateVersion7() : null)
                    .Set("SeenAtCounter", channel != Channel.Online && !fromRepository).Set("Digitized", digitized).Insert();
            }

            writer.Fact.Set("DossierId", id).Set("ProcedureId", procedure.Id).Set("DefinitionVersion", procedure.Version).Set("Channel", channel)
                .Set("ReceivedAt", refused ? null : received).Set("ReceivedUnitCode", refused ? null : unit.Code)
                .Set("PapersElectronic", channel == Channel.Online || digitized).Set("PapersReused", reused).Set("LegalDueDate", refused ? null : legalDue)
                .Set("ResolvedAt", resolved).Set("ResolvedUnitCode", resolved is null ? null : unit.Code)
                .Set("ResolvedLate", resolved > legalDue).Set("ResultElectronic", resolved is not null)
                .Set("ProcessingWorkingMinutes", processing).Set("PausedWorkingMinutes", resolved is null ? null : pauseMinutes)
                .Set("ReturnedAt", returned).Set("ReturnedUnitCode", returned is null ? null : unit.Code)
                .Set("EndedAt", resolved ?? closedAt).Set("CurrentUnitCode", unit.Code).Set("CurrentStepId", step)
                .Set("PausedSince", open && paused ? pauseStart : null).Insert();

            if (returned is { } given && random.NextDouble() < 0.3)
            {
                writer.Rating.Set("DossierId", id).Set("DossierCode", code).Set("Score", random.NextDouble() switch { < 0.04 => 1, < 0.08 => 2, < 0.2 => 3, < 0.5 => 4, _ => 5 })
                    .Set("RatedBy", owner ?? "congdan").Set("UnitCode", unit.Code).Set("RatedAt", given.AddHours(2)).Insert();
                ratings++;
            }
            if ((i + 1) % 100_000 == 0)
                Console.WriteLine($"  {i + 1:N0} dossiers");
        }
        foreach (var ((agency, day), last) in sequences)
            writer.Sequence.Set("AgencyCode", agency).Set("Day", day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Set("Last", last).Insert();
        transaction.Commit();
        using (var analyze = connection.CreateCommand())
        {
            analyze.CommandText = "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);";
            analyze.ExecuteNonQuery();
        }
        return $"{options.Dossiers:N0} dossiers, {events:N0} events, {pauses:N0} pauses, {outbox:N0} outbox messages, {ratings:N0} ratings";
    }

    /// <summary>Communes take most of the work, the province and its agencies the rest.</summary>
    private static readonly (string Level, double Share)[] LevelShares = [(Levels.Commune, 0.75), (Levels.District, 0.15), (Levels.Province, 0.10)];

    private static string PickLevel(double draw, (string Level, double Share)[] levels)
    {
        var target = draw * levels.Sum(l => l.Share);
        foreach (var (level, share) in levels)
        {
            if (target < share)
                return level;
            target -= share;
        }
        return levels[^1].Level;
    }

    private sealed record UnitRow(string Code, string Agency);

    /// <summary>The seeded units by level, plus extra communes under the province and district 593.</summary>
    private static Dictionary<string, UnitRow[]> AddCommunes(SqliteConnection connection, SqliteTransaction transaction, int extra)
    {
        var unit = new TableWriter(connection, transaction, "Units", ["Code", "Name", "Level", "ParentCode", "AgencyCode", "ValidFrom"]);
        for (var i = 1; i <= extra; i++)
            unit.Set("Code", $"G{i:000}").Set("Name", $"UBND xã Sinh Dữ Liệu {i}").Set("Level", Levels.Commune)
                .Set("ParentCode", i % 4 == 0 ? "593" : "60").Set("AgencyCode", $"000.{i % 100:00}.{i / 100 + 30}.H56").Set("ValidFrom", "2025-07-01").Insert();
        var units = new List<(string Level, UnitRow Row)>();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT Code, Level, AgencyCode FROM Units WHERE ValidTo IS NULL";
        using var reader = command.ExecuteReader();
        while (reader.Read())
            units.Add((reader.GetString(1), new UnitRow(reader.GetString(0), reader.GetString(2))));
        return units.GroupBy(u => u.Level).ToDictionary(g => g.Key, g => g.Select(u => u.Row).ToArray());
    }

    private static List<Procedure> LoadProcedures(SqliteConnection connection)
    {
        var procedures = new List<Procedure>();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Json FROM DefinitionVersions WHERE State = 'Published'";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var definition = WorkflowDefinition.Parse(reader.GetString(0));
            procedures.Add(new Procedure(definition.Id, definition.Version, definition.Level, definition.OnlineLevel,
                definition.ProcessingTime?.WorkingDays ?? 1, definition.Steps.Select(s => s.Id).ToArray(),
                definition.Documents.Where(d => d.Required.Always).Select(d => d.Code).ToArray(),
                definition.Documents.Where(d => d.Reusable).Select(d => d.Code).ToArray()));
        }
        return procedures;
    }

    private sealed class Writers(SqliteConnection connection, SqliteTransaction transaction)
    {
        public TableWriter Dossier { get; } = new(connection, transaction, "Dossiers",
        [
            "Id", "Code", "TrackingSecret", "ProcedureId", "DefinitionVersion", "Status", "CurrentStepId", "CurrentUnitCode", "ReceivingUnitCode",
            "Channel", "ApplicantIdNumber", "ApplicantName", "ApplicantType", "OwnerUserName", "FeeAmount", "SubmittedAt", "ReceivedAt",
            "ClockStartedAt", "DueDate", "OriginalDueDate", "StepStartedAt", "StepDueDate", "ResolvedAt", "ReturnedAt", "ClosedAt",
            "DueDateReset", "SupplementRequestedBeforeReception", "SupplementRequestedDuringProcessing", "ProcessingWorkingMinutes",
            "PausedWorkingMinutes", "Version",
        ]);
        public TableWriter Event { get; } = new(connection, transaction, "DossierEvents",
            ["DossierId", "Sequence", "At", "Action", "Actor", "UnitCode", "FromStatus", "ToStatus", "FromStep", "ToStep", "ToUnitCode", "DueDate"]);
        public TableWriter Outbox { get; } = new(connection, transaction, "Outbox",
            ["DossierId", "DossierCode", "Sequence", "IdempotencyKey", "Type", "Payload", "CreatedAt", "State", "Attempts", "DeliveredAt"]);
        public TableWriter Lease { get; } = new(connection, transaction, "OutboxLeases", ["DossierId", "Owner", "Until"]);
        public TableWriter Pause { get; } = new(connection, transaction, "ClockPause",
            ["DossierId", "Reason", "StartedAt", "EndedAt", "WorkingMinutes", "RestartsClock"]);
        public TableWriter Document { get; } = new(connection, transaction, "DossierDocuments",
            ["DossierId", "Code", "Name", "FileId", "RepositoryDocumentId", "SeenAtCounter", "Digitized"]);
        public TableWriter Fact { get; } = new(connection, transaction, "DossierReportFacts",
        [
            "DossierId", "ProcedureId", "DefinitionVersion", "Channel", "ReceivedAt", "ReceivedUnitCode", "PapersElectronic", "PapersReused",
            "LegalDueDate", "ResolvedAt", "ResolvedUnitCode", "ResolvedLate", "ResultElectronic", "ProcessingWorkingMinutes",
            "PausedWorkingMinutes", "ReturnedAt", "ReturnedUnitCode", "EndedAt", "CurrentUnitCode", "CurrentStepId", "PausedSince",
        ]);
        public TableWriter Rating { get; } = new(connection, transaction, "SatisfactionRatings",
            ["DossierId", "DossierCode", "Score", "RatedBy", "UnitCode", "RatedAt"]);
        public TableWriter Sequence { get; } = new(connection, transaction, "CodeSequences", ["AgencyCode", "Day", "Last"]);
    }
}
