using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using OneStop.Benchmarks.Load;
using OneStop.NationalPortal.Mock;

namespace OneStop.Benchmarks.Tests;

/// <summary>
/// The load-and-fault run's checks catch what they are meant to: a database and a portal made by hand, right, then
/// broken in one way at a time. (The run itself is exercised end to end by .ci/run.)
/// </summary>
public sealed class FaultRunCheckTests : IDisposable
{
    private const string Code = "000.17.22.H56-261201-0001";
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"onestop-check-{Guid.NewGuid():N}.db");
    private readonly MockPortalStore _portal = new(Options.Create(new MockPortalOptions()), TimeProvider.System);

    public FaultRunCheckTests()
    {
        Execute("""
            CREATE TABLE "Dossiers" ("Id" TEXT, "Code" TEXT, "Status" TEXT, "CurrentStepId" TEXT);
            CREATE TABLE "DossierEvents" ("DossierId" TEXT, "Sequence" INTEGER, "Action" TEXT, "FromStatus" TEXT, "ToStatus" TEXT, "FromStep" TEXT, "ToStep" TEXT);
            CREATE TABLE "Outbox" ("DossierCode" TEXT, "Sequence" INTEGER, "Type" TEXT, "State" TEXT);
            """);
        // A dossier submitted and received: two events, two status messages, both delivered.
        Execute($"""
            INSERT INTO "Dossiers" VALUES ('d1', '{Code}', 'Received', 'thu-ly');
            INSERT INTO "DossierEvents" VALUES ('d1', 1, 'submit', NULL, 'Submitted', NULL, 'tiep-nhan');
            INSERT INTO "DossierEvents" VALUES ('d1', 2, 'receive', 'Submitted', 'Received', 'tiep-nhan', 'thu-ly');
            INSERT INTO "Outbox" VALUES ('{Code}', 1, 'DongBoHoSoMC', 'Delivered');
            INSERT INTO "Outbox" VALUES ('{Code}', 2, 'DongBoHoSoMC', 'Delivered');
            """);
    }

    private static readonly Dictionary<string, byte> Created = new() { [Code] = 0 };

    [Fact]
    public void A_consistent_run_has_no_violation()
    {
        Deliver(1, status: 1);
        Deliver(2, status: 2);

        Assert.Empty(FaultRun.Check(_database, Created, new Dictionary<string, List<string>> { [Code] = ["receive"] }, _portal, undelivered: 0));
    }

    [Fact]
    public void A_half_applied_transition_is_found()
    {
        Deliver(1, status: 1);
        Deliver(2, status: 2);
        // The dossier moved on but its history did not record it.
        Execute("""UPDATE "Dossiers" SET "Status" = 'InProgress', "CurrentStepId" = 'phe-duyet'""");

        var violations = FaultRun.Check(_database, Created, new Dictionary<string, List<string>>(), _portal, 0);

        Assert.Contains(violations, v => v.Contains("half-applied", StringComparison.Ordinal));
    }

    [Fact]
    public void An_acknowledged_action_missing_from_the_history_and_a_lost_submission_are_found()
    {
        Deliver(1, status: 1);
        Deliver(2, status: 2);
        var created = new Dictionary<string, byte> { [Code] = 0, ["000.17.22.H56-261201-0002"] = 0 };

        var violations = FaultRun.Check(_database, created, new Dictionary<string, List<string>> { [Code] = ["receive", "forward"] }, _portal, 0);

        Assert.Contains(violations, v => v.Contains("forward answered 200 but is not in the history", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("-0002: answered 201 but is not in the database", StringComparison.Ordinal));
    }

    [Fact]
    public void A_message_the_portal_never_got_and_an_undelivered_outbox_are_found()
    {
        Deliver(1, status: 1);

        var violations = FaultRun.Check(_database, Created, new Dictionary<string, List<string>>(), _portal, undelivered: 1);

        Assert.Contains(violations, v => v.Contains("never delivered", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("the portal holds [1:DongBoHoSoMC]", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("the portal was told [1]", StringComparison.Ordinal));
    }

    [Fact]
    public void Status_changes_told_to_the_portal_out_of_the_dossiers_order_are_found()
    {
        Deliver(1, status: 2);
        Deliver(2, status: 1);

        var violations = FaultRun.Check(_database, Created, new Dictionary<string, List<string>>(), _portal, 0);

        Assert.Contains(violations, v => v.Contains("went through statuses [1, 2] but the portal was told [2, 1]", StringComparison.Ordinal));
    }

    private void Deliver(int sequence, int status)
    {
        var entry = new PortalEntry(Code, status, JsonDocument.Parse("{}").RootElement);
        var outcome = _portal.Accept(new PortalCall(PortalServices.DongBoHoSoMC, "000.17.22.H56", sequence == 1 ? "False" : "True", sequence, [entry]));
        Assert.Equal(AcceptStatus.Accepted, outcome.Status);
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_database);
    }
}
