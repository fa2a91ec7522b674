using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneStop.Infrastructure;
using OneStop.Infrastructure.NationalPortal;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Benchmarks.Data;

/// <summary>
/// A backlog for the national portal: exactly N PENDING outbox messages over the generated dossiers, each one what the
/// API writes for that event (<see cref="DvcqgPayload.ForEvent"/>: the same payload, message number, idempotency key and
/// service), dossier by dossier in order, as if the portal had been unreachable while the work went on. Every message is
/// due now and younger than the dead-letter age, so a host started on the folder delivers all of them. Dossiers past the
/// N-th message get no messages (as if they were finished before portal sync was switched on); the last dossier taken
/// may get only its first messages, which is also a state the API leaves (the rest not yet written).
/// </summary>
internal static class PendingOutboxWriter
{
    private const int DossiersPerRead = 500;

    public static async Task<(int Messages, int Dossiers)> WriteAsync(string folder, int messages, DateTime now)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = DatabaseProviders.Sqlite,
            [$"{OneStopOptions.Section}:DataDirectory"] = folder,
        }).Build();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton(TimeProvider.System)
            .AddSingleton<IConfiguration>(configuration)
            .AddOneStopInfrastructure(configuration)
            .BuildServiceProvider();
        await using var _ = services;

        using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "onestop.db")};Pooling=False");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        var outbox = new TableWriter(connection, transaction, "Outbox",
            ["DossierId", "DossierCode", "Sequence", "IdempotencyKey", "Type", "Payload", "CreatedAt", "State", "Attempts", "NextAttemptAt"]);
        var written = 0;
        var dossiers = 0;
        // Written over the last ten minutes, in dossier order: all due, none near the age that dead-letters.
        var createdAt = now.AddMinutes(-10);
        for (var skip = 0; written < messages; skip += DossiersPerRead)
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            var batch = await db.Dossiers.AsNoTracking().Include(d => d.Events)
                .OrderBy(d => d.Code).Skip(skip).Take(DossiersPerRead).ToListAsync();
            if (batch.Count == 0)
                throw new InvalidOperationException($"Only {written:N0} messages over {dossiers:N0} dossiers: generate more dossiers for {messages:N0} messages.");
            foreach (var dossier in batch)
            {
                dossiers++;
                foreach (var e in dossier.Events.OrderBy(e => e.Sequence))
                {
                    foreach (var entry in DvcqgPayload.ForEvent(dossier, e))
                    {
                        outbox.Set("DossierId", dossier.Id).Set("DossierCode", dossier.Code).Set("Sequence", entry.Sequence)
                            .Set("IdempotencyKey", DvcqgPayload.IdempotencyKey(dossier.Code, entry.Sequence)).Set("Type", entry.Type)
                            .Set("Payload", entry.Payload).Set("CreatedAt", createdAt).Set("State", OutboxState.Pending)
                            .Set("Attempts", 0).Set("NextAttemptAt", createdAt).Insert();
                        if (++written == messages)
                            break;
                    }
                    if (written == messages)
                        break;
                }
                if (written == messages)
                    break;
            }
        }
        transaction.Commit();
        return (written, dossiers);
    }
}
