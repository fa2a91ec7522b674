using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using OneStop.Infrastructure;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef</c> build the context for the Sqlite provider without starting the API.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<OneStopDbContext>
{
    public OneStopDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<OneStopDbContext>();
        DependencyInjection.Configure(options, DatabaseProviders.Sqlite, Path.Combine(Path.GetTempPath(), "onestop-design"),
            "Server=localhost;Database=OneStop;Trusted_Connection=True;TrustServerCertificate=True");
        return new OneStopDbContext(options.Options);
    }
}
