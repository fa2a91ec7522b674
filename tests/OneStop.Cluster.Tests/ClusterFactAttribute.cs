namespace OneStop.Cluster.Tests;

/// <summary>
/// A test that needs a PostgreSQL server it may create databases on and stop (<c>.ci/with-postgres</c> provides one):
/// skipped, with the reason, when <c>ONESTOP_TEST_POSTGRES</c> is not set.
/// </summary>
public sealed class ClusterFactAttribute : FactAttribute
{
    public ClusterFactAttribute()
    {
        if (ClusterDatabase.Server is null)
            Skip = $"Cần PostgreSQL: chạy qua `bash .ci/with-postgres dotnet test tests/OneStop.Cluster.Tests` ({ClusterDatabase.ServerVariable} chưa đặt).";
    }
}

/// <summary>The cluster tests stop the database server and start processes: one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterCollection
{
    public const string Name = "cluster";
}
