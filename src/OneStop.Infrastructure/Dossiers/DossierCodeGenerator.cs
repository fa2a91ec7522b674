using Microsoft.EntityFrameworkCore;
using OneStop.Domain.Codes;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Infrastructure.Dossiers;

/// <summary>
/// Next dossier code of an agency for a day, taken with one atomic statement — the provider's upsert — so
/// the first submissions of a day on several nodes never race between an UPDATE and an INSERT. Must run inside
/// the submission's transaction: the statement holds the row's write lock until commit, so concurrent
/// submissions queue instead of reading the same number, and a rolled-back submission gives its number back.
/// </summary>
public static class DossierCodeGenerator
{
    public static async Task<string> NextAsync(OneStopDbContext db, string agencyCode, DateOnly day, CancellationToken ct)
    {
        var next = await db.Database.SqlQuery<int>(UpsertSql(db, agencyCode, day)).ToListAsync(ct);
        return DossierCodes.Format(agencyCode, day, next.Single());
    }

    private static FormattableString UpsertSql(OneStopDbContext db, string agencyCode, DateOnly day)
    {
        // HOLDLOCK makes MERGE's existence check and its insert one serialisable step.
        if (db.Database.IsSqlServer())
            return $"""
           MERGE [CodeSequences] WITH (HOLDLOCK) AS t
           USING (SELECT {agencyCode} AS [AgencyCode], {day} AS [Day]) AS s ON t.[AgencyCode] = s.[AgencyCode] AND t.[Day] = s.[Day]
           WHEN MATCHED THEN UPDATE SET t.[Last] = t.[Last] + 1
           WHEN NOT MATCHED THEN INSERT ([AgencyCode], [Day], [Last]) VALUES (s.[AgencyCode], s.[Day], 1)
           OUTPUT inserted.[Last] AS [Value];
           """;
        // PostgreSQL and SQLite (3.35+) share the upsert with RETURNING.
        return $"""
           INSERT INTO "CodeSequences" ("AgencyCode", "Day", "Last") VALUES ({agencyCode}, {day}, 1)
           ON CONFLICT ("AgencyCode", "Day") DO UPDATE SET "Last" = "CodeSequences"."Last" + 1
           RETURNING "Last" AS "Value"
           """;
    }
}
